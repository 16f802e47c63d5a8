import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../platform/bridge';
import { useSyncStatus } from '../../sync/sync-store';
import { useUpdateStore, watchUpdates } from './update-store';

/**
 * Asks once per downloaded version before restarting to install it, and says plainly when changes
 * still wait to be sent (they are safe on this computer and go out after the restart). "Later" leaves
 * the install to the next quit; nothing ever restarts without the user's click.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const status = useUpdateStore((s) => s.status);
  const postponed = useUpdateStore((s) => s.postponed);
  const postpone = useUpdateStore((s) => s.postpone);
  const { pending } = useSyncStatus();
  const [failed, setFailed] = useState(false);
  const [restarting, setRestarting] = useState(false);
  useEffect(() => watchUpdates(), []);

  const version = status?.state === 'ready' ? (status.version ?? '') : null;
  const opened = version !== null && postponed !== version;
  const restart = async () => {
    setRestarting(true);
    try {
      const { restarting: ok } = await call('update:install');
      if (!ok) setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setRestarting(false);
    }
  };

  return (
    <Modal opened={opened} onClose={() => version !== null && postpone(version)} title={t('updates.prompt.title')} centered>
      <Stack>
        <Text>{t('updates.prompt.body', { version })}</Text>
        {pending > 0 && (
          <Alert color="yellow" data-testid="update-pending">
            {t('updates.prompt.pending', { count: pending })}
          </Alert>
        )}
        {failed && (
          <Alert color="red" role="alert">
            {t('updates.prompt.failed')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('updates.prompt.laterNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => version !== null && postpone(version)}>
            {t('updates.prompt.later')}
          </Button>
          <Button onClick={() => void restart()} loading={restarting}>
            {t('updates.prompt.restart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
