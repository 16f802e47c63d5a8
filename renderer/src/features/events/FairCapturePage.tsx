import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CrmEvent } from '@shared/models';
import {
  answersInOrder,
  capturesOnDay,
  emptyLeadForm,
  leadErrors,
  newLeadDocuments,
  visitActivityFields,
  withCapture,
  type LeadErrorKey,
  type LeadField,
  type LeadForm,
  type LeadWords,
} from '@shared/domain/events/fair-lead';
import { newId } from '@shared/domain/ids';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useDocument } from '../../db/hooks';
import { paths } from '../../app/paths';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { keyUnder } from '../../i18n/app-messages';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { useCategories } from '../catalogue';
import { useExistingClients, type ExistingClient } from './useExistingClients';

/**
 * The answer a key picks in a question's list, the same in every browser: the first letter of
 * "Sim"/"Não" (or y/n) for a yes-no question, 1–9 for the options of a choice; null for other keys.
 */
function answerKey(key: string, options: readonly string[] | null, yes: string, no: string): string | null {
  const k = key.toLowerCase();
  if (options === null) {
    if (k === 'y' || k === yes.charAt(0).toLowerCase()) return 'yes';
    if (k === 'n' || k === no.charAt(0).toLowerCase()) return 'no';
    return null;
  }
  const n = /^[1-9]$/.test(k) ? Number(k) : 0;
  return n && n <= options.length ? options[n - 1]! : null;
}

/** What the draft starts from: a blank lead (one constant, so the draft's baseline never moves). */
const BLANK: LeadForm = emptyLeadForm();

/** Fair mode: one event's full-screen lead capture, by keyboard, autosaved as typed. */
export function FairCapturePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const event = useDocument('events', id);
  const draft = useFormDraft<LeadForm>('fair-lead', id, BLANK);
  if (event === undefined || !draft) return <LoadingState />;
  if (event === null) return <NotFoundState>{t('events.notFound')}</NotFoundState>;
  return <Capture event={event} draft={draft} />;
}

type Draft = NonNullable<ReturnType<typeof useFormDraft<LeadForm>>>;

function Capture({ event, draft }: { event: CrmEvent; draft: Draft }) {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const accounts = useRepository('accounts');
  const contacts = useRepository('contacts');
  const activities = useRepository('activities');
  const events = useRepository('events');
  const categories = useCategories();
  const [form, setForm] = useState<LeadForm>(() => draft.restored ?? draft.started);
  // The values as typed right now (a keystroke's handler reads them before React renders them).
  const current = useRef(form);
  const [restored, setRestored] = useState(draft.restored !== null);
  const [errors, setErrors] = useState<Partial<Record<LeadField, LeadErrorKey>>>({});
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const saving = useRef(false);
  const fields = useRef<Partial<Record<LeadField, HTMLElement | null>>>({});
  const bind = (field: LeadField) => (el: HTMLElement | null) => {
    fields.current[field] = el;
  };
  const existing = useExistingClients(form);
  const questions = useMemo(() => event.questions ?? [], [event.questions]);
  const consentText = event.consentText?.trim() || t('events.capture.consentDefault');
  const words: LeadWords = {
    interests: t('events.capture.noteInterests'),
    yes: t('events.capture.yes'),
    no: t('events.capture.no'),
    consentShown: t('events.capture.consentShown'),
  };

  /** Every change goes to the draft within the keystroke, so a killed window loses nothing. */
  const change = useCallback(
    (patch: Partial<LeadForm>, field?: LeadField) => {
      const next = { ...current.current, ...patch };
      current.current = next;
      draft.record(next);
      setForm(next);
      if (field) setErrors(({ [field]: _, ...rest }) => rest);
      setMessage('');
    },
    [draft],
  );

  const reset = () => {
    current.current = emptyLeadForm();
    setForm(current.current);
  };
  const startNext = (done: string) => {
    draft.clear();
    reset();
    setErrors({});
    setRestored(false);
    setMessage(done);
    fields.current.name?.focus();
  };

  const save = async () => {
    if (saving.current) return;
    const found = leadErrors(form, event);
    if (found.length) {
      setErrors(Object.fromEntries(found.map((e) => [e.field, e.key])));
      fields.current[found[0]!.field]?.focus();
      return;
    }
    saving.current = true;
    setFailed(false);
    try {
      const now = Date.now();
      const by = author();
      const docs = newLeadDocuments(form, { ...event, consentText }, now, by, words);
      const account = await accounts.create(docs.account);
      const contact = await contacts.create({ ...docs.contact, accountId: account.id });
      await events.update(event.id, (current) => withCapture(current, { ...docs.capture, accountId: account.id, contactId: contact.id }));
      startNext(t('events.capture.saved', { name: form.name.trim() }));
    } catch {
      setFailed(true);
    } finally {
      saving.current = false;
    }
  };

  const logVisit = async (client: ExistingClient) => {
    if (saving.current) return;
    saving.current = true;
    setFailed(false);
    try {
      const now = Date.now();
      const by = author();
      const activity = await activities.create(
        visitActivityFields(form, event, client, now, by, { ...words, visitSummary: t('events.capture.visitSummary', { name: event.name }) }),
      );
      await events.update(event.id, (current) =>
        withCapture(current, {
          id: newId(now),
          kind: 'visit',
          accountId: client.accountId,
          contactId: client.contactId,
          activityId: activity.id,
          at: now,
          by: by.slice(0, 80),
          interests: form.interests,
          answers: answersInOrder(questions, form.answers),
        }),
      );
      startNext(t('events.capture.visitSaved', { name: client.name }));
    } catch {
      setFailed(true);
    } finally {
      saving.current = false;
    }
  };

  // Enter saves from any field but the note (where Ctrl+Enter does) and the buttons (which act).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'BUTTON' || target.tagName === 'A') return;
    if (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void save();
  };

  const error = (field: LeadField) => (errors[field] ? t(keyUnder('events.capture.errors', errors[field])) : null);
  const text = (field: 'name' | 'company' | 'taxId' | 'role' | 'phone' | 'email', props: { type?: string; autoFocus?: boolean } = {}) => (
    <TextInput
      ref={bind(field as LeadField)}
      label={t(keyUnder('events.capture', field))}
      value={form[field]}
      error={field === 'role' ? null : error(field)}
      size="md"
      autoComplete="off"
      data-autofocus={props.autoFocus || undefined}
      autoFocus={props.autoFocus}
      type={props.type}
      onChange={(e) => change({ [field]: e.currentTarget.value }, field === 'role' ? undefined : field)}
    />
  );

  const leadsHere = new Set(event.leadAccountIds).size;
  return (
    <Box
      component="section"
      aria-label={t('events.capture.title', { name: event.name })}
      style={{ position: 'fixed', inset: 0, zIndex: 300, overflow: 'auto', background: 'var(--mantine-color-body)' }}
      p="lg"
    >
      <Stack gap="md" maw={960} mx="auto">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2}>{t('events.capture.title', { name: event.name })}</Title>
          <Group gap="xs" wrap="nowrap">
            <Badge size="lg" variant="light" data-testid="captured-today">
              {t('events.capture.today', { count: capturesOnDay(event) })}
            </Badge>
            <Badge size="lg" variant="light" color="teal" data-testid="leads-at-event">
              {t('events.capture.atEvent', { count: leadsHere })}
            </Badge>
            <Anchor component={Link} href={paths.event(event.id)} size="sm" tabIndex={-1}>
              {t('events.capture.exit')}
            </Anchor>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('events.capture.hint')}
        </Text>
        {restored && (
          <DraftNotice
            onDiscard={() => {
              draft.clear();
              reset();
              setRestored(false);
              fields.current.name?.focus();
            }}
          />
        )}
        {message && (
          <Alert color="teal" variant="light" role="status">
            {message}
          </Alert>
        )}
        {failed && <ErrorState>{t('events.saveFailed')}</ErrorState>}
        <form
          noValidate
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <Group grow align="flex-start">
              {text('name', { autoFocus: true })}
              {text('company')}
              {text('taxId')}
            </Group>
            <Group grow align="flex-start">
              {text('role')}
              {text('phone', { type: 'tel' })}
              {text('email', { type: 'email' })}
            </Group>
            {existing.length > 0 && (
              <Alert color="yellow" variant="light" title={t('events.capture.existing.title')} aria-label={t('events.capture.existing.title')}>
                <Stack gap="xs">
                  {existing.map((client) => (
                    <Group key={client.accountId} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        <strong>{client.name}</strong> —{' '}
                        {client.reasons.map((r) => t(keyUnder('events.capture.existing.reason', r.kind), { value: r.value })).join('; ')}
                      </Text>
                      <Button type="button" size="xs" variant="light" onClick={() => void logVisit(client)}>
                        {t('events.capture.existing.logVisit', { name: client.name })}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Alert>
            )}
            <Checkbox.Group label={t('events.capture.interests')} value={form.interests} onChange={(interests) => change({ interests })}>
              <Group gap="sm" mt={4}>
                {(categories ?? []).map((c) => (
                  <Checkbox key={c.name} value={c.name} label={c.name} />
                ))}
                {categories?.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('events.capture.noCategories')}
                  </Text>
                )}
              </Group>
            </Checkbox.Group>
            {questions.length > 0 && (
              <Group grow align="flex-start">
                {questions.map((q) =>
                  q.kind === 'text' ? (
                    <TextInput
                      key={q.id}
                      label={q.label}
                      value={form.answers[q.id] ?? ''}
                      maxLength={500}
                      onChange={(e) => change({ answers: { ...current.current.answers, [q.id]: e.currentTarget.value } })}
                    />
                  ) : (
                    <NativeSelect
                      key={q.id}
                      label={q.label}
                      value={form.answers[q.id] ?? ''}
                      data={[
                        { value: '', label: t('events.capture.unanswered') },
                        ...(q.kind === 'yes_no'
                          ? [
                              { value: 'yes', label: t('events.capture.yes') },
                              { value: 'no', label: t('events.capture.no') },
                            ]
                          : (q.options ?? []).map((o) => ({ value: o, label: o }))),
                      ]}
                      onChange={(e) => change({ answers: { ...current.current.answers, [q.id]: e.currentTarget.value } })}
                      onKeyDown={(e) => {
                        const value = answerKey(e.key, q.kind === 'yes_no' ? null : (q.options ?? []), t('events.capture.yes'), t('events.capture.no'));
                        if (value === null) return;
                        e.preventDefault();
                        change({ answers: { ...current.current.answers, [q.id]: value } });
                      }}
                    />
                  ),
                )}
              </Group>
            )}
            <Checkbox
              ref={bind('consent')}
              label={consentText}
              aria-label={`${t('events.capture.consent')}: ${consentText}`}
              checked={form.consent}
              error={error('consent')}
              onChange={(e) => change({ consent: e.currentTarget.checked }, 'consent')}
            />
            <Textarea
              ref={bind('note')}
              label={t('events.capture.note')}
              value={form.note}
              error={error('note')}
              rows={3}
              onChange={(e) => change({ note: e.currentTarget.value }, 'note')}
            />
            <Group>
              <Button type="submit" size="md">
                {t('events.capture.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Box>
  );
}
