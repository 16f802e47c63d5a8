import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MantineProvider } from '@mantine/core';
import { useSettingsStore } from './settings-store';
import { cssVariablesResolver, themeWithLabels } from './theme';

/**
 * Mantine with the colour scheme of the `theme` setting: light or dark as chosen, or the OS's
 * when 'auto'. Settings (main's settings.json) stay the one source; nothing goes to localStorage.
 */
export function AppThemeProvider({ children }: { children: ReactNode }) {
  const colorScheme = useSettingsStore((s) => s.settings?.theme ?? 'auto');
  const { t } = useTranslation();
  const clearLabel = t('ui.clearField');
  const theme = useMemo(() => themeWithLabels(clearLabel), [clearLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme={colorScheme === 'auto' ? undefined : colorScheme}
      defaultColorScheme="auto"
    >
      {children}
    </MantineProvider>
  );
}
