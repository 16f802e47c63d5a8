import { useEffect, useState } from 'react';
import { Card, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@shared/ipc';
import { useSettingsStore } from '../../app/settings-store';
import { BackupCard } from './BackupCard';
import { DiagnosticsCard } from './DiagnosticsCard';
import { LocalDataCard } from './LocalDataCard';
import { StartAtLoginSwitch } from './StartAtLoginSwitch';
import { UpdateSettings } from '../updates';
import { SyncSettings } from './SyncSettings';
import { SyncProblemsLink } from '../sync-problems';
import { PanelBoundary } from '../../ui/ErrorBoundary';

const THEMES = ['auto', 'light', 'dark'] as const;

/** Preferences: language, theme and the name stamped on your edits. Saved as you change them. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, info, update } = useSettingsStore();
  const [userName, setUserName] = useState(settings?.userName ?? '');
  useEffect(() => setUserName(settings?.userName ?? ''), [settings?.userName]);
  if (!settings) return null;
  return (
    <Stack maw={640}>
      <Title order={2}>{t('settings.title')}</Title>
      <NativeSelect
        label={t('settings.language')}
        value={settings.locale}
        onChange={(e) => void update({ locale: e.currentTarget.value as Locale })}
        data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      <NativeSelect
        label={t('settings.theme')}
        value={settings.theme}
        onChange={(e) => void update({ theme: e.currentTarget.value as (typeof THEMES)[number] })}
        data={THEMES.map((v) => ({ value: v, label: t(`settings.themes.${v}`) }))}
      />
      <TextInput
        label={t('settings.userName')}
        description={t('settings.userNameHint')}
        value={userName}
        maxLength={80}
        onChange={(e) => setUserName(e.currentTarget.value)}
        onBlur={() => userName !== settings.userName && void update({ userName: userName.trim() })}
      />
      <StartAtLoginSwitch />
      <UpdateSettings />
      <PanelBoundary title={t('syncSettings.title')}>
        <SyncSettings />
      </PanelBoundary>
      <Card withBorder>
        <Title order={3} size="h5">
          {t('syncProblems.settingsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb={4}>
          {t('syncProblems.settingsHint')}
        </Text>
        <SyncProblemsLink />
      </Card>
      <LocalDataCard />
      <BackupCard />
      <DiagnosticsCard />
      {info && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('settings.about')}
          </Title>
          <Text size="sm">{t('settings.version', { version: info.version, mode: info.mode })}</Text>
          <Text size="sm" c="dimmed">
            {t('settings.dataDir', { dir: info.userDataDir })}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
