import { useEffect, useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUpdateUrl } from '@shared/ipc';
import { useSettingsStore } from '../../app/settings-store';
import { call } from '../../platform/bridge';
import { useFormats } from '../../ui/useFormats';
import { useUpdateStore } from './update-store';

/** The update server's address and where the update stands; only where the app can update itself. */
export function UpdateSettings() {
  const { t } = useTranslation();
  const f = useFormats();
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  const status = useUpdateStore((s) => s.status);
  const [url, setUrl] = useState(settings?.updateUrl ?? '');
  const [message, setMessage] = useState<'saved' | 'saveFailed' | null>(null);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setUrl(settings?.updateUrl ?? ''), [settings?.updateUrl]);
  if (!settings || !status?.supported) return null;

  const save = async () => {
    const typed = url.trim();
    if (typed !== '' && !isUpdateUrl(typed)) {
      setInvalid(true);
      return;
    }
    try {
      await update({ updateUrl: typed });
      setMessage('saved');
    } catch {
      setMessage('saveFailed');
    }
  };
  const percent = f.pct(Math.round((status.percent ?? 0) * 100));

  return (
    <Stack gap="xs" data-testid="update-settings">
      <Title order={3} size="h4">
        {t('updates.settings.title')}
      </Title>
      <TextInput
        label={t('updates.settings.url')}
        description={t('updates.settings.urlHint')}
        placeholder="https://"
        value={url}
        error={invalid ? t('updates.settings.urlInvalid') : undefined}
        onChange={(e) => {
          setUrl(e.currentTarget.value);
          setInvalid(false);
          setMessage(null);
        }}
      />
      <Group>
        <Button variant="default" onClick={() => void save()} disabled={url.trim() === settings.updateUrl}>
          {t('updates.settings.save')}
        </Button>
        <Button variant="subtle" onClick={() => void call('update:check').catch(() => undefined)} disabled={status.state === 'off' || status.state === 'ready'}>
          {t('updates.settings.checkNow')}
        </Button>
      </Group>
      {message && (
        <Text size="sm" c={message === 'saved' ? undefined : 'red'} role={message === 'saved' ? 'status' : 'alert'}>
          {t(message === 'saved' ? 'updates.settings.saved' : 'updates.settings.saveFailed')}
        </Text>
      )}
      <Text size="sm" role="status" data-testid="update-state">
        {t(`updates.settings.state.${status.state}`, { version: status.version ?? '', percent, error: status.error ?? '' })}
      </Text>
      {status.checkedAt > 0 && (
        <Text size="xs" c="dimmed">
          {t('updates.settings.checkedAt', { when: f.dateTime(status.checkedAt) })}
        </Text>
      )}
    </Stack>
  );
}
