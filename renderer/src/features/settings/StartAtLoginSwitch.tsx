import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../app/settings-store';

/** "Abrir ao iniciar sessão": only in the desktop app on macOS and Windows, where the OS can do it. */
export function StartAtLoginSwitch() {
  const { t } = useTranslation();
  const { settings, info, update } = useSettingsStore();
  if (!settings || info?.mode !== 'electron' || (info.platform !== 'darwin' && info.platform !== 'win32')) return null;
  return (
    <Switch
      label={t('settings.startAtLogin')}
      description={t('settings.startAtLoginHint')}
      checked={settings.startAtLogin}
      onChange={(e) => void update({ startAtLogin: e.currentTarget.checked })}
    />
  );
}
