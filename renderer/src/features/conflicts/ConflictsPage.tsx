import { useId, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconUserExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ConflictRecord } from '@shared/models/conflicts';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import { collectionLabel, fieldLabel, showValue, type ShownValue } from './conflict-values';
import { useConflicts, useDocumentTitle } from './useConflicts';
import { formatInstant } from '../../ui/formats';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { errorMessage } from '@shared/error-message';
import { ErrorState, LoadingState } from '../../ui/states';
import { paths } from '../../app/paths';

/** The newest records rendered at once; the log only grows, and a long one is read from the top. */
const SHOWN = 200;

/** Screens with a detail page, so a conflict can link to the document it is about. */
const DETAIL_PATHS: Partial<Record<string, (id: string) => string>> = {
  accounts: (id) => paths.account(id),
};

type Scope = 'team' | 'mine';

/**
 * The team's conflict log: every edit that lost a merge to a concurrent one, newest first, with
 * the value kept and the value lost side by side, and one click to bring the lost one back. The
 * log replicates through the team server, so the person whose value lost sees it on their own
 * device, marked as theirs, whichever device resolved the conflict.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const { conflicts: all, restore } = useConflicts();
  const { isSelf } = useAuthorLabel();
  const [scope, setScope] = useState<Scope>('team');
  const conflicts = scope === 'team' ? all : all?.filter((c) => isSelf(c.lostBy) || isSelf(c.keptBy));
  const pending = conflicts?.filter((c) => c.restoredAt === 0).length ?? 0;
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('conflicts.title')}</Title>
      <Text c="dimmed">{t('conflicts.intro')}</Text>
      <SegmentedControl
        aria-label={t('conflicts.show')}
        value={scope}
        onChange={(v) => setScope(v as Scope)}
        w="fit-content"
        data={[
          { value: 'team', label: t('conflicts.showTeam') },
          { value: 'mine', label: t('conflicts.showMine') },
        ]}
      />
      {conflicts === undefined ? (
        <LoadingState />
      ) : conflicts.length === 0 ? (
        <Alert role="status" variant="light" color="teal" icon={<IconCheck aria-hidden />} title={t('conflicts.emptyTitle')}>
          {t('conflicts.emptyBody')}
        </Alert>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('conflicts.count', { count: conflicts.length })} · {t('conflicts.pending', { count: pending })}
          </Text>
          {/* One record that cannot be shown leaves the others reviewable. */}
          {conflicts.slice(0, SHOWN).map((record) => (
            <PanelBoundary key={record.id}>
              <ConflictCard record={record} restore={restore} />
            </PanelBoundary>
          ))}
          {conflicts.length > SHOWN && (
            <Text size="sm" c="dimmed">
              {t('conflicts.more', { shown: SHOWN, count: conflicts.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function ConflictCard({ record, restore }: { record: ConflictRecord; restore: (id: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useDocumentTitle(record.collectionName, record.docId);
  const detailPath = DETAIL_PATHS[record.collectionName]?.(record.docId);
  const when = (at: number) => (at > 0 ? formatInstant(at, i18n.language) : t('common.none'));
  const restored = record.restoredAt > 0;
  const { label, isSelf } = useAuthorLabel();
  const mineLost = isSelf(record.lostBy) && !isSelf(record.keptBy);
  const mineKept = isSelf(record.keptBy) && !isSelf(record.lostBy);

  async function onRestore() {
    setBusy(true);
    setError(null);
    try {
      await restore(record.id);
    } catch (e) {
      setError(t('conflicts.restoreFailed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={2}>
          <Title order={3} size="h5" id={headingId}>
            {collectionLabel(record.collectionName, t)} · <DocumentName title={title} id={record.docId} href={detailPath} />
            {' — '}
            {fieldLabel(record.collectionName, record.field, t, exists)}
          </Title>
          <Text size="xs" c="dimmed">
            {t('conflicts.detectedAt', { time: when(record.detectedAt) })}
          </Text>
        </Stack>
        {restored ? (
          <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />} tt="none">
            {t('conflicts.restoredAt', { time: when(record.restoredAt) })}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            loading={busy}
            onClick={() => void onRestore()}
            aria-describedby={headingId}
          >
            {t('conflicts.restore')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <ValueColumn
          label={t(restored ? 'conflicts.keptBeforeRestore' : 'conflicts.kept')}
          value={showValue(record.collectionName, record.field, record.keptValue, t, i18n.language, exists)}
          by={t('conflicts.by', { author: label(record.keptBy), time: when(record.keptAt) })}
        />
        <ValueColumn
          label={t(restored ? 'conflicts.lostRestored' : 'conflicts.lost')}
          value={showValue(record.collectionName, record.field, record.lostValue, t, i18n.language, exists)}
          by={t('conflicts.by', { author: label(record.lostBy), time: when(record.lostAt) })}
          highlight={!restored}
        />
      </SimpleGrid>
      {mineLost && !restored && (
        <Alert role="note" variant="light" color="orange" mt="sm" icon={<IconUserExclamation aria-hidden />}>
          {t('conflicts.yoursReplaced', { author: label(record.keptBy) })}
        </Alert>
      )}
      {mineKept && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('conflicts.youReplaced', { author: label(record.lostBy) })}
        </Text>
      )}
      {error && (
        <ErrorState variant="light" mt="sm">
          {error}
        </ErrorState>
      )}
    </Card>
  );
}

/** The document's name (a link when it has a page); its id when it has no name or is gone; nothing while loading, so the id does not flash. */
function DocumentName({ title, id, href }: { title: string | null | undefined; id: string; href: string | undefined }) {
  if (title === undefined) return null;
  if (title === null) return <>{id}</>;
  return href ? (
    <Anchor component={Link} href={href} inherit>
      {title}
    </Anchor>
  ) : (
    <>{title}</>
  );
}

function ValueColumn({ label, value, by, highlight = false }: { label: string; value: ShownValue; by: string; highlight?: boolean }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c={highlight ? 'orange.8' : 'dimmed'}>
        {label}
      </Text>
      {value.block ? (
        <Code block style={{ maxHeight: 240, overflow: 'auto' }}>
          {value.text}
        </Code>
      ) : (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {value.text}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {by}
      </Text>
    </Stack>
  );
}
