import { useId, useState } from 'react';
import { Alert, Button, Card, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { problemActions } from '../../sync/sync-problem-actions';
import type { QuarantinedDocument, RejectedChange } from '../../sync/sync-problems-store';
import { collectionLabel, useDocumentTitle } from '../conflicts';
import { issueText, refusalText } from './problem-text';
import { useSyncProblems } from './useSyncProblems';
import { errorMessage } from '@shared/error-message';
import { LoadingState } from '../../ui/states';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

/** Screens with a page for one record, so a rejected change can be opened and fixed. */
const DETAIL_PATHS: Partial<Record<string, (id: string) => string>> = {
  accounts: (id) => paths.account(id),
  contacts: (id) => paths.contact(id),
  activities: (id) => paths.activity(id),
  products: (id) => paths.product(id),
};

/**
 * Documents sync could not take in (quarantined: never stored, never rendered, with the reason per
 * field) or send out (refused by the server: kept on the device, with retry, fix and discard).
 */
export function SyncProblemsPage() {
  const { t } = useTranslation();
  const problems = useSyncProblems();
  const rejected = problems?.filter((p): p is RejectedChange => p.kind === 'rejected') ?? [];
  const quarantined = problems?.filter((p): p is QuarantinedDocument => p.kind === 'quarantined') ?? [];
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('syncProblems.title')}</Title>
      <Text c="dimmed">{t('syncProblems.intro')}</Text>
      {problems === undefined ? (
        <LoadingState />
      ) : problems.length === 0 ? (
        <Alert role="status" variant="light" color="teal" icon={<IconCheck aria-hidden />} title={t('syncProblems.emptyTitle')}>
          {t('syncProblems.emptyBody')}
        </Alert>
      ) : (
        <>
          {rejected.length > 0 && (
            <Stack component="section" aria-label={t('syncProblems.rejectedTitle')} gap="sm">
              <Title order={3} size="h4">
                {t('syncProblems.rejectedTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('syncProblems.rejectedIntro')}
              </Text>
              {rejected.map((p) => (
                <RejectedCard key={p.key} problem={p} />
              ))}
            </Stack>
          )}
          {quarantined.length > 0 && (
            <Stack component="section" aria-label={t('syncProblems.quarantinedTitle')} gap="sm">
              <Title order={3} size="h4">
                {t('syncProblems.quarantinedTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('syncProblems.quarantinedIntro')}
              </Text>
              {quarantined.map((p) => (
                <QuarantinedCard key={p.key} problem={p} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function useWhen() {
  return useFormats().dateTime;
}

function RejectedCard({ problem }: { problem: RejectedChange }) {
  const { t } = useTranslation();
  const when = useWhen();
  const headingId = useId();
  const title = useDocumentTitle(problem.collection, problem.docId);
  const name = title ?? problem.docId;
  const [busy, setBusy] = useState<'retry' | 'discard' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const detailPath = DETAIL_PATHS[problem.collection]?.(problem.docId);

  async function run(kind: 'retry' | 'discard') {
    const actions = problemActions(problem.scope);
    if (!actions) {
      setMessage({ ok: false, text: t('syncProblems.notRunning') });
      return;
    }
    setBusy(kind);
    setMessage(null);
    try {
      if (kind === 'discard') {
        await actions.discard(problem.docId);
        return;
      }
      const outcome = await actions.retry(problem.docId);
      if (outcome.ok) setMessage({ ok: true, text: t('syncProblems.retryOk') });
      else if (outcome.reason === 'server_changed') setMessage({ ok: false, text: t('syncProblems.serverChanged') });
      else setMessage({ ok: false, text: t('syncProblems.retryRefused', { reason: outcome.reason }) });
    } catch (e) {
      setMessage({ ok: false, text: t('syncProblems.actionFailed', { message: errorMessage(e) }) });
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  }

  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap={4}>
        <Title order={4} size="h5" id={headingId}>
          {collectionLabel(problem.collection, t)} · {title === undefined ? '' : name}
        </Title>
        <Text size="xs" c="dimmed">
          {t('syncProblems.detectedAt', { time: when(problem.at) })}
        </Text>
        <Text size="sm" fw={600}>
          {refusalText(problem.error, problem.status, t)}
        </Text>
        {problem.reason && <Text size="sm">{t('syncProblems.serverReason', { reason: problem.reason })}</Text>}
        <Group gap="xs" mt="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={busy === 'retry'}
            disabled={busy !== null}
            onClick={() => void run('retry')}
            aria-describedby={headingId}
          >
            {t('syncProblems.retry')}
          </Button>
          {detailPath && (
            <Button
              size="xs"
              variant="light"
              component={Link}
              href={detailPath}
              leftSection={<IconPencil size={16} aria-hidden />}
              aria-describedby={headingId}
            >
              {t('syncProblems.fix')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
            aria-describedby={headingId}
          >
            {t('syncProblems.discard')}
          </Button>
        </Group>
        {message && (
          <Alert role={message.ok ? 'status' : 'alert'} color={message.ok ? 'teal' : 'red'} variant="light" mt="xs">
            {message.text}
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('syncProblems.discardTitle')} centered>
        <Text size="sm">{t(problem.serverRev === null ? 'syncProblems.discardBodyNew' : 'syncProblems.discardBody', { name })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('syncProblems.cancel')}
          </Button>
          <Button color="red" loading={busy === 'discard'} onClick={() => void run('discard')}>
            {t('syncProblems.discardConfirm')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

function QuarantinedCard({ problem }: { problem: QuarantinedDocument }) {
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const headingId = useId();
  const exists = (key: string) => i18n.exists(key);
  const f = useFormats();
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap={4}>
        <Title order={4} size="h5" id={headingId}>
          {collectionLabel(problem.collection, t)} · {problem.docId}
        </Title>
        <Text size="xs" c="dimmed">
          {t('syncProblems.detectedAt', { time: when(problem.at) })}
        </Text>
        <Stack component="ul" gap={2} m={0} pl="md">
          {problem.issues.map((issue, i) => (
            <Text component="li" size="sm" key={`${issue.path}-${issue.code}-${i}`}>
              {issueText(problem.collection, issue, t, i18n.language, exists)}
            </Text>
          ))}
        </Stack>
        {/* Shown as text only, never interpreted: this is the refused document itself. */}
        <details>
          <summary>
            <Text span size="sm">
              {t('syncProblems.raw')}
            </Text>
          </summary>
          {problem.raw.length < problem.rawChars && (
            <Text size="xs" c="dimmed">
              {t('syncProblems.rawCut', { shown: f.number(problem.raw.length), total: f.number(problem.rawChars) })}
            </Text>
          )}
          <Code block style={{ maxHeight: 240, overflow: 'auto', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {problem.raw}
          </Code>
        </details>
      </Stack>
    </Card>
  );
}
