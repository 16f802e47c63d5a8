import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EVENT_KINDS, EVENT_QUESTION_KINDS, type CrmEvent, type EventQuestion } from '@shared/models';
import { eventDatesError } from '@shared/domain/events/fair-lead';
import { newId } from '@shared/domain/ids';
import { useRepository } from '../../db/DatabaseProvider';
import { useDocument, useDocuments } from '../../db/hooks';
import { accountQueries } from '../../db/collections/accounts';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { Section } from '../../ui/Section';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';

type EventForm = Pick<CrmEvent, 'name' | 'kind' | 'startDate' | 'endDate' | 'venue' | 'city' | 'state'> & {
  stand: string;
  goals: string;
  consentText: string;
  consentRequired: boolean;
  questions: (EventQuestion & { optionsText: string })[];
};

const formOf = (e: CrmEvent): EventForm => ({
  name: e.name,
  kind: e.kind,
  startDate: e.startDate,
  endDate: e.endDate,
  venue: e.venue,
  city: e.city,
  state: e.state,
  stand: e.stand ?? '',
  goals: e.goals ?? '',
  consentText: e.consentText ?? '',
  consentRequired: e.consentRequired ?? false,
  questions: (e.questions ?? []).map((q) => ({ ...q, optionsText: (q.options ?? []).join(', ') })),
});

/** One event: its details, qualification questions and consent text (what fair mode shows), and its leads. */
export function EventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const event = useDocument('events', id);
  if (event === undefined) return <LoadingState />;
  if (event === null) return <NotFoundState>{t('events.notFound')}</NotFoundState>;
  return (
    <Stack gap="md">
      <Anchor component={Link} href={paths.events()} size="sm">
        {t('events.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{event.name}</Title>
        <Button component={Link} href={paths.eventCapture(event.id)}>
          {t('events.leads.capture')}
        </Button>
      </Group>
      <EventEditor event={event} />
      <EventLeads ids={event.leadAccountIds} />
    </Stack>
  );
}

function EventEditor({ event }: { event: CrmEvent }) {
  const { t } = useTranslation();
  const repo = useRepository('events');
  const [form, setForm] = useState<EventForm>(() => formOf(event));
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [tried, setTried] = useState(false);
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setStatus('idle');
  };
  const setQuestion = (index: number, patch: Partial<EventForm['questions'][number]>) =>
    set(
      'questions',
      form.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)),
    );

  const nameError = tried && !form.name.trim() ? t('events.form.nameRequired') : null;
  const datesError = eventDatesError(form.startDate, form.endDate) ? t('events.form.endBeforeStart') : null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.name.trim() || datesError) return;
    const questions: EventQuestion[] = form.questions
      .filter((q) => q.label.trim())
      .map(({ optionsText, ...q }) => ({
        id: q.id,
        label: q.label.trim().slice(0, 200),
        kind: q.kind,
        ...(q.kind === 'choice'
          ? {
              options: optionsText
                .split(',')
                .map((o) => o.trim().slice(0, 100))
                .filter(Boolean),
            }
          : {}),
      }));
    try {
      await repo.update(event.id, {
        name: form.name.trim().slice(0, 200),
        kind: form.kind,
        startDate: form.startDate,
        endDate: form.endDate,
        venue: form.venue.trim().slice(0, 200),
        city: form.city.trim().slice(0, 100),
        state: form.state.trim().slice(0, 40),
        stand: form.stand.trim().slice(0, 100),
        goals: form.goals.slice(0, 2000),
        consentText: form.consentText.trim().slice(0, 2000),
        consentRequired: form.consentRequired,
        questions,
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="sm" maw={720}>
        <TextInput label={t('events.form.name')} value={form.name} maxLength={200} error={nameError} onChange={(e) => set('name', e.currentTarget.value)} />
        <NativeSelect
          label={t('events.form.kind')}
          value={form.kind}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(keyUnder('events.kind', k)) }))}
          onChange={(e) => set('kind', e.currentTarget.value as CrmEvent['kind'])}
        />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('events.form.startDate')} value={form.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} />
          <TextInput
            type="date"
            label={t('events.form.endDate')}
            value={form.endDate}
            error={datesError}
            onChange={(e) => set('endDate', e.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('events.form.venue')} value={form.venue} maxLength={200} onChange={(e) => set('venue', e.currentTarget.value)} />
          <TextInput label={t('events.form.city')} value={form.city} maxLength={100} onChange={(e) => set('city', e.currentTarget.value)} />
          <TextInput label={t('events.form.state')} value={form.state} maxLength={40} onChange={(e) => set('state', e.currentTarget.value)} />
        </Group>
        <TextInput label={t('events.form.stand')} value={form.stand} maxLength={100} onChange={(e) => set('stand', e.currentTarget.value)} />
        <Textarea label={t('events.form.goals')} value={form.goals} maxLength={2000} rows={3} onChange={(e) => set('goals', e.currentTarget.value)} />
        <Textarea
          label={t('events.form.consentText')}
          value={form.consentText}
          maxLength={2000}
          rows={3}
          onChange={(e) => set('consentText', e.currentTarget.value)}
        />
        <Checkbox label={t('events.form.consentRequired')} checked={form.consentRequired} onChange={(e) => set('consentRequired', e.currentTarget.checked)} />
        <Section title={t('events.questions.title')}>
          <Stack gap="xs">
            {form.questions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('events.questions.empty')}
              </Text>
            )}
            {form.questions.map((q, i) => (
              <Group key={q.id} align="flex-end" wrap="nowrap">
                <TextInput
                  flex={2}
                  label={t('events.questions.label')}
                  value={q.label}
                  maxLength={200}
                  onChange={(e) => setQuestion(i, { label: e.currentTarget.value })}
                />
                <NativeSelect
                  label={t('events.questions.kind')}
                  value={q.kind}
                  data={EVENT_QUESTION_KINDS.map((k) => ({ value: k, label: t(keyUnder('events.questions.kinds', k)) }))}
                  onChange={(e) => setQuestion(i, { kind: e.currentTarget.value as EventQuestion['kind'] })}
                />
                {q.kind === 'choice' && (
                  <TextInput
                    flex={2}
                    label={t('events.questions.options')}
                    value={q.optionsText}
                    onChange={(e) => setQuestion(i, { optionsText: e.currentTarget.value })}
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('events.questions.remove', { label: q.label })}
                  onClick={() =>
                    set(
                      'questions',
                      form.questions.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => set('questions', [...form.questions, { id: newId(), label: '', kind: 'yes_no', optionsText: '' }])}
              >
                {t('events.questions.add')}
              </Button>
            </Group>
          </Stack>
        </Section>
        <Group>
          <Button type="submit">{t('events.form.save')}</Button>
          {status === 'saved' && (
            <Text size="sm" role="status">
              {t('events.saved')}
            </Text>
          )}
        </Group>
        {status === 'failed' && <ErrorState>{t('events.saveFailed')}</ErrorState>}
      </Stack>
    </form>
  );
}

function EventLeads({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const unique = useMemo(() => [...new Set(ids)], [ids]);
  const accounts = useDocuments('accounts', unique.length ? accountQueries.byIds(unique) : null);
  const byId = useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a])), [accounts]);
  return (
    <Section title={t('events.leads.title')}>
      {unique.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('events.leads.empty')}
        </Text>
      ) : (
        <ul aria-label={t('events.leads.title')}>
          {unique.map((accountId) => {
            const account = byId.get(accountId);
            return account ? (
              <li key={accountId}>
                <Anchor component={Link} href={paths.account(accountId)}>
                  {account.tradeName || account.name}
                </Anchor>
              </li>
            ) : null;
          })}
        </ul>
      )}
    </Section>
  );
}
