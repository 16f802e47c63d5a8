import { Badge, Button, Popover, Progress, Stack, Text } from '@mantine/core';
import { IconCloud, IconCloudOff, IconCloudCheck, IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncPhase } from '@shared/domain/sync-state';
import { SyncProblemsLink } from '../features/sync-problems/SyncProblemsLink';
import { useSyncStatus } from './sync-store';

const ICONS: Record<SyncPhase['kind'], typeof IconCloud> = {
  offline: IconCloudOff, connecting: IconRefresh, syncing: IconRefresh, upToDate: IconCloudCheck,
  paused: IconCloudOff, error: IconAlertTriangle, unauthorized: IconAlertTriangle,
};
const COLORS: Record<SyncPhase['kind'], string> = {
  offline: 'gray', connecting: 'blue', syncing: 'blue', upToDate: 'teal', paused: 'gray', error: 'red', unauthorized: 'orange',
};

/** Where sync stands, always visible: state, unsent local changes, last good sync, latest errors. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const { phase } = status;
  const Icon = status.enabled ? ICONS[phase.kind] : IconCloudOff;
  const label = !status.enabled
    ? t('sync.disabled')
    : phase.kind === 'syncing' && phase.total > 0
      ? t('sync.phase.syncingProgress', { done: phase.done, total: phase.total })
      : t(`sync.phase.${phase.kind}`);
  return (
    <Popover position="top-start" width={320} withArrow>
      <Popover.Target>
        <Button variant="subtle" color={status.enabled ? COLORS[phase.kind] : 'gray'} justify="flex-start" fullWidth leftSection={<Icon size={18} aria-hidden />}
          rightSection={status.pending > 0 ? <Badge size="sm" variant="filled" aria-hidden>{status.pending}</Badge> : null}
          aria-label={`${t('sync.label')}: ${label}${status.pending ? ` — ${t('sync.pending', { count: status.pending })}` : ''}`} role="status">
          <Text size="sm" truncate>{label}</Text>
        </Button>
      </Popover.Target>
      {status.enabled && phase.kind === 'syncing' && phase.total > 0 && (
        // The initial pull can take minutes on a big portfolio: show how far it got.
        <Progress value={(100 * phase.done) / phase.total} size="xs" mx="sm" aria-label={label} />
      )}
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fw={600} size="sm">{label}</Text>
          {!status.enabled && <Text size="sm" c="dimmed">{t('sync.disabledHint')}</Text>}
          <Text size="sm">{status.pending ? t('sync.pending', { count: status.pending }) : t('sync.nothingPending')}</Text>
          <Text size="sm" c="dimmed">{status.lastSyncAt ? t('sync.lastSync', { time: time.format(status.lastSyncAt) }) : t('sync.never')}</Text>
          <Text fw={600} size="sm" mt="xs">{t('sync.errorsTitle')}</Text>
          {status.errors.length === 0 ? <Text size="sm" c="dimmed">{t('sync.noErrors')}</Text> : (
            [...status.errors].reverse().slice(0, 5).map((e, i) => (
              <Text key={`${e.at}-${i}`} size="xs">{time.format(e.at)} — {t(`sync.errors.${e.reason}`, { detail: e.detail })}</Text>
            ))
          )}
          <SyncProblemsLink />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
