import { useLayoutEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
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
  const start = draft.restored ?? draft.started;
  const [kind, setKind] = useState<RiskSignalKind>(start.kind);
  const [note, setNote] = useState(start.note);
  // The last valid day, and what is typed in the field when it is not (yet) that day.
  const [seenOn, setSeenOn] = useState(start.seenOn);
  const [typed, setTyped] = useState<string | null>(start.typed);
  const [restored, setRestored] = useState(draft.restored !== null);
  useLayoutEffect(() => draft.record({ kind, note, seenOn, typed }), [draft, kind, note, seenOn, typed]);
  const discardDraft = () => {
    draft.discard();
    setKind(draft.started.kind);
    setNote(draft.started.note);
    setSeenOn(draft.started.seenOn);
    setTyped(draft.started.typed);
    setRestored(false);
  };
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const day = { format: (at: number) => formatInstant(at, i18n.language, { dateStyle: 'short', timeZone: 'UTC' }) };
  const kindLabel = (k: string) => t(`accounts.risk.kinds.${k}`);

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
  /** The day to record, or null after showing why the typed one cannot be used. */
  const checkSeenOn = (): string | null => {
    if (typed === null) return seenOn;
    const result = seenOnFromText(typed);
    if ('error' in result) {
      setDateError(t(`accounts.risk.seenAtErrors.${result.error}`));
      return null;
    }
    setDateError(null);
    return result.day;
  };
  const add = async () => {
    const day = checkSeenOn();
    if (!day) return;
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
      setNote('');
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Stack gap={6} mt="sm">
          {restored && <DraftNotice onDiscard={discardDraft} />}
          <Group gap="xs" grow>
            <NativeSelect
              size="xs"
              label={t('accounts.risk.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as RiskSignalKind)}
              data={RISK_SIGNALS.map((k) => ({ value: k, label: kindLabel(k) }))}
            />
            <DateInput
              size="xs"
              label={t('accounts.risk.seenAt')}
              placeholder={t('accounts.risk.seenAtPlaceholder')}
              value={seenOn}
              onChange={(value) => {
                if (!value) return;
                setSeenOn(value);
                setTyped(null);
                setDateError(null);
              }}
              onInput={(e) => {
                setTyped(e.currentTarget.value);
                setDateError(null);
              }}
              onBlur={() => void checkSeenOn()}
              dateParser={(text) => parseTypedDate(text)}
              fixOnBlur={false}
              valueFormat={dates.valueFormat}
              locale={dates.locale}
              firstDayOfWeek={dates.firstDayOfWeek}
              maxDate={todayIso()}
              error={dateError}
            />
          </Group>
          <Textarea size="xs" label={t('accounts.risk.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} maxLength={2000} />
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
      </form>
    </Card>
  );
}
