import { keyUnder } from '../../i18n/app-messages';
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RISK_SIGNALS, type Account } from '@shared/models';
import { newId } from '@shared/domain/ids';
import { riskLevel, withSignal, withoutSignal, type RiskSignalKind } from '@shared/domain/risk';
import { calendarDay, parseTypedDate, toIsoDate } from '@shared/domain/contact-dates';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { useDatesLocale } from '../../app/useDatesLocale';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import { formatInstant } from '../../ui/formats';
import { FormShell } from '../../ui/FormShell';
import { useFormShell } from '../../ui/form-shell';

const LEVEL_COLORS = { none: 'gray', low: 'teal', medium: 'yellow', high: 'red' } as const;

/** The user's local calendar day (not UTC's: at 22:00 in São Paulo, UTC is already tomorrow). */
const todayIso = () => toIsoDate(calendarDay(new Date()));

/** A "seen on" date as typed: the ISO day, or why it cannot be used. */
export function seenOnFromText(text: string, today = todayIso()): { day: string } | { error: 'required' | 'invalid' | 'future' } {
  if (!text.trim()) return { error: 'required' };
  const day = parseTypedDate(text);
  if (!day) return { error: 'invalid' };
  return day > today ? { error: 'future' } : { day };
}

/** The badge with the account's risk score and its level in words. */
export function RiskBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const level = riskLevel(score);
  return (
    <Badge color={LEVEL_COLORS[level]} variant="light" title={t(`accounts.risk.level.${level}`)}>
      {t('accounts.risk.score', { score })} · {t(`accounts.risk.level.${level}`)}
    </Badge>
  );
}

/** The new signal's fields as typed. */
interface SignalValues {
  kind: RiskSignalKind;
  note: string;
  seenOn: string;
  typed: string | null;
}

/** A typed day that is not the picked one must read as a past or present day (messages: `accounts.risk.seenAtErrors.*`). */
const signalSchema = z.object({ kind: z.enum(RISK_SIGNALS), note: z.string(), seenOn: z.string(), typed: z.string().nullable() }).superRefine((v, ctx) => {
  if (v.typed === null) return;
  const result = seenOnFromText(v.typed);
  if ('error' in result) ctx.addIssue({ code: 'custom', path: ['seenOn'], message: result.error });
});

/**
 * Warning signs seen in a prospect (late payments, lawsuits, unclear ownership…), each with a
 * note and the date it was seen; the score is recomputed and stored whenever the list changes.
 */
export function ReliabilityPanel({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const dates = useDatesLocale();
  const repo = useRepository('accounts');
  const { author } = useDatabaseContext();
  const { label: person } = useAuthorLabel();
  // The new signal's fields are journalled as a draft, so a killed window loses nothing typed.
  const [fresh] = useState((): SignalValues => ({ kind: 'late_payments', note: '', seenOn: todayIso(), typed: null }));
  const draft = useFormDraft<SignalValues>('risk-signal', account.id, fresh)!;
  // The panel stays on the account's page, so typing is kept by the draft, not by a leave guard; a
  // date is checked as it is left and at submit, and its message goes as soon as it is changed.
  const { form } = useFormShell<SignalValues>({
    defaultValues: draft.started,
    schema: signalSchema,
    reValidateMode: 'onSubmit',
    guard: false,
    restored: draft.restored,
    onValuesChange: draft.record,
  });
  const { register, control, formState, getValues, setValue, clearErrors, trigger } = form;
  const [restored, setRestored] = useState(draft.restored !== null);
  const discardDraft = () => {
    draft.discard();
    form.reset(draft.started);
    setRestored(false);
  };
  const dateError = formState.errors.seenOn?.message ? t(keyUnder('accounts.risk.seenAtErrors', formState.errors.seenOn.message)) : null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const day = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeZone: 'UTC' }) };
  const kindLabel = (k: string) => t(keyUnder('accounts.risk.kinds', k));

  const save = async (risk: Account['risk']) => {
    setBusy(true);
    setError(null);
    try {
      await repo.update(account.id, { risk });
      return true;
    } catch (e) {
      setError(t('errors.save_failed', { message: e instanceof Error ? e.message : String(e) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** Records valid values (the schema has checked the typed day). */
  const add = async ({ kind, note, seenOn, typed }: SignalValues) => {
    const day = typed === null ? seenOn : (seenOnFromText(typed) as { day: string }).day;
    const seenAt = Date.parse(`${day}T12:00:00Z`);
    const signal = {
      id: newId(),
      kind,
      note: note.trim().slice(0, 2000),
      seenAt: Number.isFinite(seenAt) ? seenAt : Date.now(),
      recordedBy: author().slice(0, 80),
    };
    if (await save(withSignal(account.risk, signal, Date.now()))) {
      draft.clear({ kind, note: '', seenOn, typed });
      form.reset({ kind, note: '', seenOn, typed });
      setRestored(false);
    }
  };

  return (
    <Card withBorder component="section" aria-label={t('accounts.risk.title')}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('accounts.risk.title')}
        </Title>
        <RiskBadge score={account.risk.score} />
      </Group>
      {account.risk.signals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accounts.risk.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...account.risk.signals]
            .sort((a, b) => b.seenAt - a.seenAt)
            .map((s) => (
              <Group key={s.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {kindLabel(s.kind)} · {day.format(s.seenAt)}
                  </Text>
                  {s.note && <Text size="xs">{s.note}</Text>}
                  {s.recordedBy && (
                    <Text size="xs" c="dimmed">
                      {t('accounts.risk.recordedBy', { who: person(s.recordedBy) })}
                    </Text>
                  )}
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={busy}
                  aria-label={t('accounts.risk.remove', { kind: kindLabel(s.kind), date: day.format(s.seenAt) })}
                  onClick={() => void save(withoutSignal(account.risk, s.id, Date.now()))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
        </Stack>
      )}
      {/* One checked field, whose message sits under it: no summary. Ctrl+S adds only from inside the panel. */}
      <FormShell form={form} onSubmit={add} summary="manual" saveShortcut="inside">
        <Stack gap={6} mt="sm">
          {restored && <DraftNotice onDiscard={discardDraft} />}
          <Group gap="xs" grow>
            <NativeSelect size="xs" label={t('accounts.risk.kind')} {...register('kind')} data={RISK_SIGNALS.map((k) => ({ value: k, label: kindLabel(k) }))} />
            <Controller
              control={control}
              name="seenOn"
              render={({ field }) => (
                <DateInput
                  size="xs"
                  name={field.name}
                  label={t('accounts.risk.seenAt')}
                  placeholder={t('accounts.risk.seenAtPlaceholder')}
                  value={field.value}
                  onChange={(value) => {
                    if (!value) return;
                    field.onChange(value);
                    setValue('typed', null, { shouldDirty: true });
                    clearErrors('seenOn');
                  }}
                  onInput={(e) => {
                    setValue('typed', e.currentTarget.value, { shouldDirty: true });
                    clearErrors('seenOn');
                  }}
                  onBlur={() => {
                    if (getValues('typed') !== null) void trigger('seenOn');
                  }}
                  dateParser={(text) => parseTypedDate(text)}
                  fixOnBlur={false}
                  valueFormat={dates.valueFormat}
                  locale={dates.locale}
                  firstDayOfWeek={dates.firstDayOfWeek}
                  maxDate={todayIso()}
                  error={dateError}
                />
              )}
            />
          </Group>
          <Textarea size="xs" label={t('accounts.risk.note')} {...register('note')} rows={2} maxLength={2000} />
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>
              {t('accounts.risk.explain')}
            </Text>
            <Button size="xs" type="submit" loading={busy}>
              {t('accounts.risk.add')}
            </Button>
          </Group>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </FormShell>
    </Card>
  );
}
