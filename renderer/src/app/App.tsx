import { useCallback, useEffect, useMemo } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DatabaseProvider } from '../db/DatabaseProvider';
import type { CarteiraDatabase } from '../db/types';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './AppRoutes';
import { currentAuthor, useSettingsStore } from './settings-store';
import { cssVariablesResolver, theme } from './theme';


/** The whole app around an open database and an i18n instance (both created at boot or by tests). */
export function App({ db, i18n }: { db: CarteiraDatabase; i18n: i18n }) {
  const locale = useSettingsStore((s) => s.settings?.locale);
  const colorScheme = useSettingsStore((s) => s.settings?.theme ?? 'auto');
  useEffect(() => {
    if (locale && i18n.language !== locale) void i18n.changeLanguage(locale);
    if (locale) document.documentElement.lang = locale;
  }, [i18n, locale]);
  const author = useCallback(() => currentAuthor(), []);
  const router = useMemo(() => ({ hook: useHashLocation }), []);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme={colorScheme === 'auto' ? undefined : colorScheme} defaultColorScheme="auto">
        <Notifications position="top-right" />
        <DatabaseProvider db={db} author={author}>
          <Router hook={router.hook}>
            <AppLayout>
              <AppRoutes />
            </AppLayout>
          </Router>
        </DatabaseProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
