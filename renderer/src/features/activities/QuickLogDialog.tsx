import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Kbd, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_OUTCOMES, type Activity, type ActivityType } from '@shared/models';
import { defaultDueAt, newActivityFields } from '@shared/domain/activity-fields';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { useOverlaysStore } from '../../app/overlays-store';
import { isTypingTarget } from '../../app/useGoShortcuts';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useAccountContacts } from '../../db/hooks';
import { ActivityDates, fromPickerValue, toPickerValue, usePickerFormat, useReminderPresets } from './ActivityDates';
import { TYPE_KEYS, typeForKey } from './activity-types';
import { ReminderScheduler } from './ReminderScheduler';
import classes from './QuickLogDialog.module.css';
import { useRequestedTarget, useResolveTarget, useTargetLabels } from './useQuickLogTarget';

/**
 * The quick activity log, app-wide: `L` opens it where focus is not in a text field, a letter picks
 * the type, Enter saves with defaults (summary = the type's name, now). So `L`, `L`, Enter logs a call
 * on the account, contact or deal on screen. Also mounts the reminder scheduler (GlobalOverlays mounts this).
 */
export function QuickLogDialog() {
  const open = useOverlaysStore((s) => s.quickLog);
  const openQuickLog = useOverlaysStore((s) => s.openQuickLog);
  const close = useOverlaysStore((s) => s.closeQuickLog);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 'l') return;
      if (useOverlaysStore.getState().quickLog || useOverlaysStore.getState().paletteOpen) return;
      if (isTypingTarget(e.target) || document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      openQuickLog();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openQuickLog]);

  return (
    <>
      <ReminderScheduler />
      {open && <QuickLogForm key={JSON.stringify(open)} onClose={close} />}
    </>
  );
}

/** The dialog's fields as picked and typed (picker values as Mantine gives them). */
interface QuickLogValues {
  type: ActivityType;
  summary: string;
  outcome: Activity['outcome'];
  duration: number | string;
  contactId: string | null | undefined;
  at: string | null;
  dueAt: string | null;
  reminderAt: string | null;
}

function QuickLogForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const storeTarget = useOverlaysStore((s) => s.quickLog);
  const target = useRequestedTarget(storeTarget);
  const labels = useTargetLabels(target);
  const resolve = useResolveTarget();
  const repo = useRepository('activities');
  const { author } = useDatabaseContext();
  const contacts = useAccountContacts(labels.accountId || undefined);

  // What the dialog starts with, journalled as a draft per target: a window killed mid-typing
  // opens the same target's dialog again with everything typed (only what the user changed).
  const [fresh] = useState((): QuickLogValues => ({
    type: target.type ?? 'call',
    summary: '',
    outcome: '',
    duration: '',
    contactId: undefined,
    at: null,
    dueAt: toPickerValue(defaultDueAt(Date.now())),
    reminderAt: null,
  }));
  const draftId = [target.accountId, target.contactId, target.dealId, target.activityId].map((x) => x ?? '').join('.');
  const draft = useFormDraft<QuickLogValues>('quick-log', draftId, fresh)!;
  const start = draft.restored ?? draft.started;
  const [type, setType] = useState<ActivityType>(start.type);
  const [summary, setSummary] = useState(start.summary);
  const [outcome, setOutcome] = useState<Activity['outcome']>(start.outcome);
  const [duration, setDuration] = useState<number | string>(start.duration);
  // undefined: not touched (the target's contact); null: cleared by the user.
  const [contactId, setContactId] = useState<string | null | undefined>(start.contactId);
  const [at, setAt] = useState<string | null>(start.at);
  const [dueAt, setDueAt] = useState<string | null>(start.dueAt);
  const [reminderAt, setReminderAt] = useState<string | null>(start.reminderAt);
  const [restored, setRestored] = useState(draft.restored !== null);
  // Journalled in the same task as the keystroke's render, before anything else can run.
  useLayoutEffect(() => {
    draft.record({ type, summary, outcome, duration, contactId, at, dueAt, reminderAt });
  }, [draft, type, summary, outcome, duration, contactId, at, dueAt, reminderAt]);
  const discardDraft = () => {
    draft.discard();
    const v = draft.started;
    setType(v.type);
    setSummary(v.summary);
    setOutcome(v.outcome);
    setDuration(v.duration);
    setContactId(v.contactId);
    setAt(v.at);
    setDueAt(v.dueAt);
    setReminderAt(v.reminderAt);
    setRestored(false);
  };
  // Closing the dialog drops a draft of picks only; typed text stays for the next time it opens here.
  const dismiss = () => {
    if (!summary.trim() && duration === '') draft.clear();
    onClose();
  };
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const pickerFormat = usePickerFormat();
  const typeName = t(`activityType.${type}`);
  const isTask = type === 'task';
  // Shortcuts before the meeting (when: now unless picked) or before the task's due date.
  const eventPresets = useReminderPresets(fromPickerValue(at) || Date.now());
  const duePresets = useReminderPresets(fromPickerValue(dueAt));

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const ids = await resolve(target);
      const now = Date.now();
      const fields = newActivityFields(
        {
          type,
          summary: summary.trim() || typeName,
          ...ids,
          contactId: contactId === undefined ? ids.contactId || labels.contactId : (contactId ?? ''),
          at: at ? fromPickerValue(at) : now,
          outcome,
          durationMin: typeof duration === 'number' ? duration : 0,
          dueAt: isTask ? fromPickerValue(dueAt) || defaultDueAt(now) : 0,
          reminderAt: fromPickerValue(reminderAt),
        },
        now,
        author(),
      );
      const saved = await repo.create(fields);
      draft.clear();
      onClose();
      notifications.show({
        title: t('activities.quickLog.savedTitle'),
        message: (
          <Stack gap={2}>
            {/* Full contrast: Mantine greys a notification's description below 4.5:1. */}
            <Text size="sm" c="var(--mantine-color-text)">
              {t('activities.quickLog.savedBody', { type: typeName, summary: saved.summary })}
            </Text>
            <Anchor size="sm" href={`#/activities/${saved.id}`}>
              {t('activities.quickLog.openLink')}
            </Anchor>
          </Stack>
        ),
        color: 'teal',
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    } catch (err) {
      setBusy(false);
      notifications.show({ color: 'red', message: t('activities.quickLog.error', { message: (err as Error).message }) });
    }
  }

  // Letters pick the type and Enter saves wherever focus is in the dialog, except in text fields
  // (and open pickers); also right after opening, before the focus trap has moved focus inside.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    // The key that opened the dialog (L, or Enter on the palette's command) may still be on its way
    // up to the document: only keys pressed after the dialog opened count.
    const openedAt = performance.now();
    const onKey = (e: KeyboardEvent) => {
      if (e.timeStamp < openedAt || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const el = e.target as HTMLElement | null;
      const inside = !!el && !!formRef.current?.contains(el);
      if (!inside && el !== document.body && el !== null) return;
      if (e.key === 'Enter') {
        if (el?.tagName === 'TEXTAREA' || el?.getAttribute('aria-expanded') === 'true') return;
        if (el?.tagName === 'BUTTON' && !el.hasAttribute('data-type-key') && el.getAttribute('type') !== 'submit') return;
        e.preventDefault();
        void saveRef.current();
        return;
      }
      const arrow = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if (arrow && el?.hasAttribute('data-type-key')) {
        e.preventDefault();
        const i = TYPE_KEYS.findIndex((k) => k.type === el.getAttribute('data-type-key'));
        const next = TYPE_KEYS[(i + arrow + TYPE_KEYS.length) % TYPE_KEYS.length]!.type;
        setType(next);
        formRef.current?.querySelector<HTMLElement>(`[data-type-key="${next}"]`)?.focus();
        return;
      }
      const picked = isTypingTarget(el) ? undefined : typeForKey(e.key);
      if (picked) {
        e.preventDefault();
        setType(picked);
        formRef.current?.querySelector<HTMLElement>(`[data-type-key="${picked}"]`)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const targetText =
    labels.contact && labels.account
      ? `${t('activities.quickLog.account', { name: labels.account })} · ${t('activities.quickLog.contactTarget', { name: labels.contact })}`
      : labels.account
        ? t('activities.quickLog.account', { name: labels.account })
        : labels.deal
          ? t('activities.quickLog.deal', { name: labels.deal })
          : t('activities.quickLog.noTarget');

  return (
    <Modal
      opened
      onClose={dismiss}
      title={t('activities.quickLog.title')}
      size="lg"
      transitionProps={{ duration: 80 }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ActivityDates>
        <form ref={formRef} onSubmit={save}>
          <Stack gap="sm">
            {restored && <DraftNotice onDiscard={discardDraft} />}
            <Text size="sm" c="dimmed">
              {targetText}
              {labels.deal && labels.account ? ` · ${t('activities.quickLog.deal', { name: labels.deal })}` : ''}
            </Text>
            <div role="radiogroup" aria-label={t('activities.quickLog.typeLabel')}>
              <SimpleGrid cols={3} spacing={6} verticalSpacing={6}>
                {TYPE_KEYS.map(({ type: ty, key, icon: Icon }) => (
                  <UnstyledButton
                    key={ty}
                    type="button"
                    role="radio"
                    aria-checked={ty === type}
                    tabIndex={ty === type ? 0 : -1}
                    data-type-key={ty}
                    data-autofocus={ty === type ? true : undefined}
                    className={classes.type}
                    onClick={() => setType(ty)}
                    aria-keyshortcuts={key}
                  >
                    <Icon size={16} aria-hidden />
                    <span className={classes.typeName}>{t(`activityType.${ty}`)}</span>
                    <Kbd size="xs" aria-hidden>
                      {key}
                    </Kbd>
                  </UnstyledButton>
                ))}
              </SimpleGrid>
            </div>
            <Text size="xs" c="dimmed">
              {t('activities.quickLog.hint')}
            </Text>
            <TextInput
              label={t('activities.quickLog.summary')}
              placeholder={typeName}
              value={summary}
              maxLength={300}
              onChange={(e) => setSummary(e.currentTarget.value)}
            />
            {isTask ? (
              <Group grow align="flex-start">
                <DateTimePicker label={t('activities.quickLog.due')} value={dueAt} onChange={setDueAt} valueFormat={pickerFormat} />
                <DateTimePicker
                  label={t('activities.quickLog.reminder')}
                  placeholder={t('activities.quickLog.noReminder')}
                  value={reminderAt}
                  onChange={setReminderAt}
                  clearable
                  clearButtonProps={{ 'aria-label': t('activities.quickLog.clearDate') }}
                  valueFormat={pickerFormat}
                  presets={duePresets}
                />
              </Group>
            ) : (
              <>
                <Group grow align="flex-start">
                  <DateTimePicker
                    label={t('activities.quickLog.when')}
                    placeholder={t('activities.quickLog.now')}
                    value={at}
                    onChange={setAt}
                    clearable
                    clearButtonProps={{ 'aria-label': t('activities.quickLog.clearDate') }}
                    valueFormat={pickerFormat}
                  />
                  <DateTimePicker
                    label={t('activities.quickLog.reminder')}
                    placeholder={t('activities.quickLog.noReminder')}
                    value={reminderAt}
                    onChange={setReminderAt}
                    clearable
                    clearButtonProps={{ 'aria-label': t('activities.quickLog.clearDate') }}
                    valueFormat={pickerFormat}
                    presets={eventPresets}
                  />
                </Group>
                <Group grow align="flex-start">
                  <Select
                    label={t('activities.quickLog.outcome')}
                    data={ACTIVITY_OUTCOMES.map((o) => ({ value: o, label: t(`activities.outcome.${o || 'none'}`) }))}
                    value={outcome}
                    onChange={(v) => setOutcome((v ?? '') as Activity['outcome'])}
                    allowDeselect={false}
                  />
                  <NumberInput label={t('activities.quickLog.duration')} min={0} max={100_000} value={duration} onChange={setDuration} allowDecimal={false} />
                </Group>
              </>
            )}
            {labels.accountId && (contacts?.length ?? 0) > 0 && (
              <Select
                label={t('activities.quickLog.contact')}
                placeholder={t('activities.quickLog.noContact')}
                data={(contacts ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))}
                value={contactId === undefined ? labels.contactId || null : contactId}
                onChange={setContactId}
                clearable
                searchable
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} rightSection={<Kbd size="xs">Enter</Kbd>}>
                {t('activities.quickLog.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </ActivityDates>
    </Modal>
  );
}
