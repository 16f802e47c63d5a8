import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  CASE_CHANNELS,
  CASE_KINDS,
  CASE_SEVERITIES,
  type Account,
  type Case,
  type CaseChannel,
  type CaseKind,
  type CaseSeverity,
  type CaseStatus,
} from '@shared/models';
import { OPEN_CASE_STATUSES, appendAction, isOpenCase, type CaseError } from '@shared/domain/cases';
import { newId } from '@shared/domain/ids';
import { contactName } from '@shared/domain/record-merge-contacts';
import { keyUnder } from '../../i18n/app-messages';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { useAccount, useAccountContacts, useDocument } from '../../db/hooks';
import { paths } from '../../app/paths';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useCaseSave, type CasePatch, type StepOutcome } from './useCaseSave';
import { severityColor, useCaseTime } from './useDuration';

const NONE = '-';

/** One case, edited in place: its header, what was done, and its resolution with the client's rating. */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const found = useDocument('cases', id);
  const account = useAccount(found?.accountId || undefined);
  if (found === undefined) return <LoadingState />;
  if (found === null) return <NotFoundState>{t('cases.notFound')}</NotFoundState>;
  if (account === undefined) return <LoadingState />;
  return <CaseView c={found} account={account} />;
}

function CaseView({ c, account }: { c: Case; account: Account | null }) {
  const { t } = useTranslation();
  const { save, transition, rate, error } = useCaseSave(c.id);
  return (
    <Stack maw={1100}>
      <Anchor component={Link} href={paths.cases()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('cases.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{c.subject}</Title>
        <Group gap="xs">
          <Badge variant="light" color={severityColor(c.severity)}>
            {t(keyUnder('cases.severity', c.severity))}
          </Badge>
          <Badge variant="outline" data-testid="case-status">
            {t(keyUnder('cases.status', c.status))}
          </Badge>
        </Group>
      </Group>
      {error && <ErrorState>{error}</ErrorState>}
      <CaseHeader c={c} account={account} save={save} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CaseLifecycle c={c} transition={transition} rate={rate} save={save} />
        <CaseActions c={c} save={save} />
      </SimpleGrid>
    </Stack>
  );
}

function CaseHeader({ c, account, save }: { c: Case; account: Account | null; save(patch: CasePatch): Promise<boolean> }) {
  const { t } = useTranslation();
  const f = useFormats();
  const contacts = useAccountContacts(c.accountId || undefined);
  const [subject, setSubject] = useState(c.subject);
  const [owner, setOwner] = useState(c.ownerId);
  const [description, setDescription] = useState(c.description);
  useEffect(() => setSubject(c.subject), [c.subject]);
  useEffect(() => setOwner(c.ownerId), [c.ownerId]);
  useEffect(() => setDescription(c.description), [c.description]);
  const subjectError = subject.trim() === '' ? t('cases.errors.subject_required') : subject.trim().length > 200 ? t('cases.errors.subject_too_long') : null;
  const contactData = useMemo(() => {
    const known = (contacts ?? []).map((k) => ({ value: k.id, label: contactName(k) || k.id }));
    const missing = c.contactId && !known.some((k) => k.value === c.contactId) ? [{ value: c.contactId, label: c.contactId }] : [];
    return [{ value: NONE, label: t('cases.fields.noContact') }, ...known, ...missing];
  }, [contacts, c.contactId, t]);
  const options = <T extends string>(values: readonly T[], prefix: 'cases.kind' | 'cases.severity' | 'cases.channel') =>
    values.map((v) => ({ value: v, label: t(keyUnder(prefix, v)) }));

  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput
          label={t('cases.fields.subject')}
          value={subject}
          error={subjectError}
          onChange={(e) => setSubject(e.currentTarget.value)}
          onBlur={() => {
            if (!subjectError && subject.trim() !== c.subject) void save({ subject: subject.trim() });
          }}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('cases.fields.account')}
          </Text>
          {account ? (
            <Anchor component={Link} href={paths.account(account.id)}>
              {account.name}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('common.none')}</Text>
          )}
        </Stack>
        <Select
          label={t('cases.fields.contact')}
          data={contactData}
          value={c.contactId || NONE}
          onChange={(v) => void save({ contactId: !v || v === NONE ? '' : v })}
          allowDeselect={false}
        />
        <Select
          label={t('cases.fields.kind')}
          data={options(CASE_KINDS, 'cases.kind')}
          value={c.kind}
          onChange={(v) => v && void save({ kind: v as CaseKind })}
          allowDeselect={false}
        />
        <Select
          label={t('cases.fields.severity')}
          data={options(CASE_SEVERITIES, 'cases.severity')}
          value={c.severity}
          onChange={(v) => v && void save({ severity: v as CaseSeverity })}
          allowDeselect={false}
        />
        <Select
          label={t('cases.fields.channel')}
          // "Not given" only until one is chosen: a channel is corrected, not taken back.
          data={[...(c.channel ? [] : [{ value: NONE, label: t('cases.fields.noChannel') }]), ...options(CASE_CHANNELS, 'cases.channel')]}
          value={c.channel || NONE}
          onChange={(v) => v && v !== NONE && void save({ channel: v as CaseChannel })}
          allowDeselect={false}
        />
        <TextInput
          label={t('cases.fields.owner')}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          onBlur={() => {
            if (owner.trim() !== c.ownerId) void save({ ownerId: owner.trim() });
          }}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('cases.fields.opened')}
          </Text>
          <Text size="sm">{f.dateTime(c.openedAt)}</Text>
        </Stack>
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('cases.fields.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        onBlur={() => {
          if (description !== c.description) void save({ description });
        }}
        minRows={2}
      />
    </Card>
  );
}

function CaseLifecycle({
  c,
  transition,
  rate,
  save,
}: {
  c: Case;
  transition(shown: Case, to: CaseStatus, input: { resolution?: string; satisfaction?: number }): Promise<StepOutcome>;
  rate(shown: Case, satisfaction: number): Promise<StepOutcome>;
  save(patch: CasePatch): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const caseTime = useCaseTime();
  const [resolution, setResolution] = useState(c.resolution);
  const [satisfaction, setSatisfaction] = useState(c.satisfaction);
  const [problem, setProblem] = useState<CaseError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setResolution(c.resolution), [c.resolution]);
  useEffect(() => setSatisfaction(c.satisfaction), [c.satisfaction]);
  const open = isOpenCase(c);
  const time = caseTime(c, Date.now());

  const run = async (step: () => Promise<StepOutcome>) => {
    setBusy(true);
    const outcome = await step();
    setBusy(false);
    // A refusal keeps everything typed; the page-level message covers a failed write.
    setProblem(outcome.ok ? null : outcome.error === 'save_failed' ? null : outcome.error);
  };
  const moveTo = (to: CaseStatus) => void run(() => transition(c, to, { resolution, satisfaction }));
  const onRating = (value: string | null) => {
    const n = Number(value ?? 0);
    setSatisfaction(n);
    // Rated while open: kept here and stored with the resolution; once resolved, stored at once.
    if (!open) void run(() => rate(c, n));
    else setProblem(null);
  };
  const problemText = problem ? t(keyUnder('cases.errors', problem)) : null;
  const resolutionProblem = problem === 'resolution_required' || problem === 'resolution_too_long';

  return (
    <Card withBorder component="section" aria-label={t('cases.lifecycle.title')}>
      <Title order={3} size="h4" mb="sm">
        {t('cases.lifecycle.title')}
      </Title>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" data-testid="case-time">
            {time.text}
          </Text>
          {time.overdue && (
            <Badge color="red" variant="light" title={t('cases.duration.overdueHint')}>
              {t('cases.duration.overdue')}
            </Badge>
          )}
          {!open && c.resolvedAt > 0 && (
            <Text size="sm" c="dimmed">
              · {t('cases.lifecycle.resolvedAt', { date: f.dateTime(c.resolvedAt) })}
            </Text>
          )}
        </Group>
        {open && (
          <Select
            label={t('cases.lifecycle.moveTo')}
            data={OPEN_CASE_STATUSES.map((s) => ({ value: s, label: t(keyUnder('cases.status', s)) }))}
            value={c.status}
            onChange={(v) => v && moveTo(v as CaseStatus)}
            allowDeselect={false}
          />
        )}
        <Textarea
          label={t('cases.fields.resolution')}
          description={t('cases.fields.resolutionHint')}
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          onBlur={() => {
            // The text is kept as typed even before resolving (nothing typed is lost on a refusal or a reload).
            if (resolution !== c.resolution && resolution.length <= 20_000) void save({ resolution });
          }}
          error={resolutionProblem ? problemText : null}
          minRows={3}
        />
        <Select
          label={t('cases.fields.satisfaction')}
          data={[
            { value: '0', label: t('cases.fields.notRated') },
            ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('cases.fields.rating', { n }) })),
          ]}
          value={String(satisfaction)}
          onChange={onRating}
          allowDeselect={false}
          error={problem && !resolutionProblem ? problemText : null}
        />
        <Group>
          {open ? (
            <>
              <Button onClick={() => moveTo('resolved')} loading={busy}>
                {t('cases.lifecycle.resolve')}
              </Button>
              <Button variant="default" onClick={() => moveTo('closed')} disabled={busy}>
                {t('cases.lifecycle.close')}
              </Button>
            </>
          ) : (
            <>
              {c.status === 'resolved' && (
                <Button onClick={() => moveTo('closed')} loading={busy}>
                  {t('cases.lifecycle.close')}
                </Button>
              )}
              <Button variant="default" onClick={() => moveTo('open')} disabled={busy}>
                {t('cases.lifecycle.reopen')}
              </Button>
            </>
          )}
        </Group>
        {problemText && (
          <Alert color="red" role="alert" p="xs">
            {problemText}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function CaseActions({ c, save }: { c: Case; save(patch: CasePatch): Promise<boolean> }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { author } = useDatabaseContext();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<CaseError | null>(null);
  const actions = c.actions ?? [];

  const add = async () => {
    const entry = { id: newId(), at: Date.now(), by: author(), text };
    const checked = appendAction(c.actions, entry);
    if (!checked.ok) {
      setProblem(checked.error);
      return;
    }
    setProblem(null);
    // Appended to the actions as stored at write time: one typed on another laptop meanwhile stays.
    const saved = await save((current) => {
      const r = appendAction(current.actions, entry);
      return r.ok ? { actions: r.actions } : {};
    });
    if (saved) setText('');
  };

  return (
    <Card withBorder component="section" aria-label={t('cases.actions.title')}>
      <Title order={3} size="h4" mb="sm">
        {t('cases.actions.title')}
      </Title>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.actions.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('cases.actions.title')}>
          {actions.map((a) => (
            <li key={a.id}>
              <Text size="xs" c="dimmed">
                {f.dateTime(a.at)} · {a.by}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.text}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('cases.actions.text')}
            placeholder={t('cases.actions.placeholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem ? t(keyUnder('cases.errors', problem)) : null}
            minRows={2}
          />
          <Group>
            <Button type="submit" variant="light">
              {t('cases.actions.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
