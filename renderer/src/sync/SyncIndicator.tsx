import { useState } from 'react';
import { Button, Popover, Progress, Stack, Text } from '@mantine/core';
import { IconCloud, IconCloudOff, IconCloudCheck, IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncPhase } from '@shared/domain/sync-state';
import { SyncProblemsLink } from '../features/sync-problems/SyncProblemsLink';
import { formatInstant } from '../ui/formats';
import { useSyncStatus } from './sync-store';
import { call } from '../platform/bridge';

const ICONS: Record<SyncPhase['kind'], typeof IconCloud> = {
  offline: IconCloudOff,
  connecting: IconRefresh,
  syncing: IconRefresh,
  upToDate: IconCloudCheck,
  paused: IconCloudOff,
  error: IconAlertTriangle,
  unauthorized: IconAlertTriangle,
};
/** Offline is the normal state at a fair, so it stays calm: red is for what needs someone to act. */
const COLORS: Record<SyncPhase['kind'], string> = {
  offline: 'gray',
  connecting: 'blue',
  syncing: 'blue',
  upToDate: 'teal',
  paused: 'gray',
  error: 'red',
  unauthorized: 'orange',
};

/** Where the last good sync matters on the sidebar itself: the local work is not on the server yet. */
const SHOWS_LAST_SYNC = new Set<SyncPhase['kind']>(['offline', 'paused', 'error', 'unauthorized']);

/** Where sync stands, always visible: state, unsent local changes, last good sync, latest errors. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const time = { format: (at: number) => formatInstant(at, i18n.language) };
  const { phase } = status;
  const Icon = status.enabled ? ICONS[phase.kind] : IconCloudOff;
  const label = !status.enabled
    ? t('sync.disabled')
    : phase.kind === 'syncing' && phase.total > 0
      ? t('sync.phase.syncingProgress', { done: phase.done, total: phase.total })
      : t(`sync.phase.${phase.kind}`);
  const pending = t('sync.pending', { count: status.pending });
  const lastSync = status.lastSyncAt ? t('sync.lastSync', { time: time.format(status.lastSyncAt) }) : t('sync.never');
  return (
    <Popover position="top-start" width={320} withArrow>
      <Popover.Target>
        <Button
          variant="subtle"
          color={status.enabled ? COLORS[phase.kind] : 'gray'}
          justify="flex-start"
          fullWidth
          leftSection={<Icon size={18} aria-hidden />}
          h="auto"
          py={6}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
          aria-label={`${t('sync.label')}: ${label}${status.pending ? ` · ${pending}` : ''}`}
          role="status"
        >
          <Stack gap={0}>
            <Text size="sm" lh={1.3}>
              {label}
            </Text>
            {status.enabled && status.pending > 0 && (
              <Text size="xs" lh={1.3}>
                {pending}
              </Text>
            )}
            {status.enabled && SHOWS_LAST_SYNC.has(phase.kind) && (
              <Text size="xs" c="dimmed" lh={1.3}>
                {lastSync}
              </Text>
            )}
          </Stack>
        </Button>
      </Popover.Target>
      {status.enabled && phase.kind === 'syncing' && phase.total > 0 && (
        // The initial pull can take minutes on a big portfolio: show how far it got.
        <Progress value={(100 * phase.done) / phase.total} size="xs" mx="sm" aria-label={label} />
      )}
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {label}
          </Text>
          {!status.enabled && (
            <Text size="sm" c="dimmed">
              {t('sync.disabledHint')}
            </Text>
          )}
          {status.enabled && (phase.kind === 'offline' || phase.kind === 'error') && <CheckNowButton />}
          <Text size="sm">{status.pending ? pending : t('sync.nothingPending')}</Text>
          <Text size="sm" c="dimmed">
            {lastSync}
          </Text>
          <Text fw={600} size="sm" mt="xs">
            {t('sync.errorsTitle')}
          </Text>
          {status.errors.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('sync.noErrors')}
            </Text>
          ) : (
            [...status.errors]
              .reverse()
              .slice(0, 5)
              .map((e, i) => (
                <Text key={`${e.at}-${i}`} size="xs">
                  {time.format(e.at)} — {t(`sync.errors.${e.reason}`, { detail: e.detail })}
                </Text>
              ))
          )}
          <SyncProblemsLink />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * "Tentar agora": while offline main asks the server again only after a back-off that grows to two
 * minutes; when the user knows the network is back (the Wi-Fi of the fair reconnected), one click
 * asks at once, and a server that answers starts the sync. Still out of reach is said, calmly.
 */
function CheckNowButton() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'checking' | 'stillOffline'>('idle');
  const check = async () => {
    setState('checking');
    const after = await call('sync:checkNow').catch(() => 'offline' as const);
    setState(after === 'online' ? 'idle' : 'stillOffline');
  };
  return (
    <Stack gap={2}>
      <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={state === 'checking'} onClick={() => void check()}>
        {t('sync.checkNow')}
      </Button>
      {state === 'stillOffline' && (
        <Text size="xs" role="status">
          {t('sync.stillOffline')}
        </Text>
      )}
    </Stack>
  );
}
