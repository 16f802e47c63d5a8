import { Alert, Anchor, Badge, Card, Grid, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ACTIVITY_OUTCOMES, type Activity } from '@shared/models';
import { activityTime, dueAtPatch } from '@shared/domain/activity-fields';
import { useDocument } from '../../db/hooks';
import { ActivityDates, fromPickerValue, toPickerValue, useDateFormat, usePickerFormat, useReminderPresets } from './ActivityDates';
import { typeIcon } from './activity-types';
import { TaskDoneButton } from './TaskDoneButton';
import { useAutosavedNotes } from './useAutosavedNotes';
import { useAutosavedDetails } from './useAutosavedDetails';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useUpdateActivity } from './useActivityLists';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';

/** One activity: what happened and with whom, the task's state, and the meeting notes (autosaved as typed). */
export function ActivityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const activity = useDocument('activities', id);
  if (activity === undefined) return <LoadingState />;
  if (activity === null) return <NotFoundState>{t('activities.page.notFound')}</NotFoundState>;
  const Icon = typeIcon(activity.type);
  return (
    <Stack maw={1150}>
      <Anchor component={Link} href={activity.accountId ? paths.account(activity.accountId) : paths.activities()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('common.back')}
        </Group>
      </Anchor>
      <Group gap="sm" align="center" wrap="nowrap">
        <Icon size={26} aria-hidden />
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {activity.summary || t(`activityType.${activity.type}`)}
        </Title>
        <Badge variant="default">{t(`activityType.${activity.type}`)}</Badge>
        {activity.type === 'task' && (
          <Badge variant="default" leftSection={activity.taskState === 'done' ? '✓' : '○'}>
            {t(`activities.task.${activity.taskState === 'done' ? 'done' : 'open'}`)}
          </Badge>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <PanelBoundary title={t('activities.page.notes')}>
            <NotesEditor key={activity.id} activity={activity} />
          </PanelBoundary>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ActivityDates>
            <PanelBoundary title={t('activities.page.details')}>
              <DetailsCard key={activity.id} activity={activity} />
            </PanelBoundary>
          </ActivityDates>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function NotesEditor({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const notes = useAutosavedNotes(activity.id, activity);
  const statusText = notes.status === 'saving' ? t('common.saving') : notes.status === 'saved' ? t('common.saved') : '';
  return (
    <Stack gap="xs">
      {notes.restored && (
        <Alert color="teal" variant="light">
          {t('activities.page.restored')}
        </Alert>
      )}
      {notes.notice && (
        <Alert color={notes.notice === 'merged' ? 'teal' : 'yellow'} variant="light">
          {t(`drafts.notes${notes.notice === 'merged' ? 'Merged' : notes.notice === 'conflict' ? 'Conflict' : 'JournalKept'}`)}
          {notes.notice !== 'merged' && (
            <>
              {' '}
              <Anchor component={Link} href={paths.conflicts()} size="sm">
                {t('drafts.openConflicts')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {notes.status === 'error' && <ErrorState variant="light">{t('activities.page.saveError', { message: notes.error })}</ErrorState>}
      <Textarea
        label={t('activities.page.notes')}
        description={t('activities.page.notesHint')}
        autosize
        minRows={14}
        maxRows={40}
        maxLength={200_000}
        value={notes.text ?? ''}
        disabled={notes.text === undefined}
        onChange={(e) => notes.onChange(e.currentTarget.value)}
        onBlur={() => void notes.flush()}
        styles={{ input: { fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.5 } }}
      />
      <Text size="xs" c="dimmed" role="status" aria-live="polite" mih={18}>
        {statusText}
      </Text>
    </Stack>
  );
}

function DetailsCard({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const update = useUpdateActivity();
  const pickerFormat = usePickerFormat();
  const account = useDocument('accounts', activity.accountId || undefined);
  const contact = useDocument('contacts', activity.contactId || undefined);
  const deal = useDocument('deals', activity.dealId || undefined);
  const details = useAutosavedDetails(activity);
  const save = (patch: Partial<Activity>) => void update(activity.id, patch);
  const isTask = activity.type === 'task';
  const presets = useReminderPresets(isTask ? activity.dueAt : activity.at);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('activities.page.details')}
        </Title>
        {details.restored && <DraftNotice onDiscard={details.discard} />}
        <TextInput
          label={t('activities.page.summary')}
          value={details.values.summary}
          maxLength={300}
          onChange={(e) => details.change('summary', e.currentTarget.value)}
          onBlur={() => void details.flush()}
        />
        {activity.accountId && (
          <Field label={t('activities.page.account')}>
            <Anchor component={Link} href={paths.account(activity.accountId)}>
              {account ? account.tradeName || account.name : activity.accountId}
            </Anchor>
          </Field>
        )}
        {contact && <Field label={t('activities.page.contact')}>{`${contact.firstName} ${contact.lastName}`.trim()}</Field>}
        {deal && <Field label={t('activities.page.deal')}>{deal.title}</Field>}
        {isTask ? (
          <>
            <DateTimePicker
              label={t('activities.page.due')}
              value={toPickerValue(activity.dueAt)}
              onChange={(v) => v && save(dueAtPatch(fromPickerValue(v)))}
              valueFormat={pickerFormat}
            />
            <DateTimePicker
              label={t('activities.page.reminder')}
              placeholder={t('activities.quickLog.noReminder')}
              clearable
              clearButtonProps={{ 'aria-label': t('activities.quickLog.clearDate') }}
              value={toPickerValue(activity.reminderAt)}
              onChange={(v) => save({ reminderAt: fromPickerValue(v) })}
              valueFormat={pickerFormat}
              presets={presets}
            />
            <TaskDoneButton task={activity} />
          </>
        ) : (
          <>
            <DateTimePicker
              label={t('activities.page.when')}
              value={toPickerValue(activity.at)}
              onChange={(v) => v && save(activityTime(fromPickerValue(v)))}
              valueFormat={pickerFormat}
            />
            <DateTimePicker
              label={t('activities.page.reminder')}
              placeholder={t('activities.quickLog.noReminder')}
              clearable
              clearButtonProps={{ 'aria-label': t('activities.quickLog.clearDate') }}
              value={toPickerValue(activity.reminderAt)}
              onChange={(v) => save({ reminderAt: fromPickerValue(v) })}
              valueFormat={pickerFormat}
              presets={presets}
            />
            <Select
              label={t('activities.page.outcome')}
              data={ACTIVITY_OUTCOMES.map((o) => ({ value: o, label: t(`activities.outcome.${o || 'none'}`) }))}
              value={activity.outcome}
              allowDeselect={false}
              onChange={(v) => save({ outcome: (v ?? '') as Activity['outcome'] })}
            />
            <NumberInput
              label={t('activities.quickLog.duration')}
              min={0}
              max={100_000}
              allowDecimal={false}
              value={details.values.durationMin}
              onChange={(v) => details.change('durationMin', String(v))}
              onBlur={() => void details.flush()}
            />
          </>
        )}
        <Field label={t('activities.page.owner')}>
          <OwnerName id={activity.ownerId} />
        </Field>
        <Text size="xs" c="dimmed">
          {t('activities.page.created', { date: fmt.dateTime(activity.createdAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The owner by name ("Você" for oneself), never a device id. */
function OwnerName({ id }: { id: string }) {
  return <>{useAuthorLabel().label(id)}</>;
}
