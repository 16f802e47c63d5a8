import { keyUnder } from '../i18n/app-messages';
import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '@shared/ipc';
import { BridgeError } from '../platform/bridge';
import { useSettingsStore } from './settings-store';
import { errorMessage } from '@shared/error-message';

type Theme = AppSettings['theme'];
/** The order a click steps through. */
const NEXT: Record<Theme, Theme> = { light: 'dark', dark: 'auto', auto: 'light' };
const ICONS = { light: IconSun, dark: IconMoon, auto: IconDeviceDesktop } as const;

/**
 * The header's light → dark → automatic (follow the OS) switch. Saved through settings:set like
 * the Settings page, so the choice survives a restart and both places agree.
 */
export function ThemeToggle() {
  const { t } = useTranslation();
  const current = useSettingsStore((s) => s.settings?.theme ?? 'auto');
  const update = useSettingsStore((s) => s.update);
  const next = NEXT[current];
  const Icon = ICONS[current];
  const label = t('theme.toggle', { current: t(`settings.themes.${current}`), next: t(`settings.themes.${next}`) });

  const change = () => {
    update({ theme: next }).catch((error: unknown) => {
      const code = error instanceof BridgeError ? error.code : 'internal';
      const message = t(keyUnder('errors', code), { message: errorMessage(error) });
      notifications.show({ color: 'red', message: t('theme.changeFailed', { message }) });
    });
  };

  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon variant="subtle" color="gray" size="md" aria-label={label} onClick={change}>
        <Icon size={18} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
