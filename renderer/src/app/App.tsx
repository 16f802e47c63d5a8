import { useCallback, useEffect, useMemo } from 'react';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { DataScope } from '@shared/domain/data-scope';
import { DatabaseProvider, type LocalDataSource } from '../db/DatabaseProvider';
import type { CarteiraDatabase } from '../db/types';
import { listenForReminderClicks, notifySyncProblems, notifyUser } from '../platform/external';
import { refusedSignInNoticeText, syncProblemNoticeText, watchRefusedSignIn, watchSyncProblems } from '../sync/sync-problem-notices';
import { useSyncStore } from '../sync/sync-store';
import { syncProblemStore } from '../sync/sync-problems-store';
import { RouteBoundary } from '../ui/ErrorBoundary';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './AppRoutes';
import { AppThemeProvider } from './AppThemeProvider';
import { currentAuthor, useSettingsStore } from './settings-store';
import { installNavigationGuard } from './useUnsavedChangesGuard';

// Before the router subscribes to hashchange, so a form with unsaved changes hears of a navigation first.
installNavigationGuard();

interface AppProps {
  db: CarteiraDatabase;
  i18n: i18n;
  /** The (server, team) the database belongs to (none: the no-server database). */
  scope?: DataScope;
  /** The no-server database, which a team's may take documents from (Settings). */
  localData?: LocalDataSource;
}

/** The whole app around an open database and an i18n instance (both created at boot or by tests). */
export function App({ db, i18n, scope, localData }: AppProps) {
  const locale = useSettingsStore((s) => s.settings?.locale);
  useEffect(() => {
    if (locale && i18n.language !== locale) void i18n.changeLanguage(locale);
    if (locale) document.documentElement.lang = locale;
  }, [i18n, locale]);
  // A click on an OS reminder (Electron) opens its activity.
  useEffect(() => listenForReminderClicks(), []);
  // New sync problems only the user can solve are told once: an OS notification in Electron, a notice in the page in web mode.
  useEffect(
    () =>
      watchSyncProblems({
        store: syncProblemStore(),
        notify: (notice) => notifySyncProblems(notice),
        text: (counts) => syncProblemNoticeText(i18n.t.bind(i18n), counts),
      }),
    [i18n],
  );
  // A session the server refuses (a changed password) is told once, with the way to sign in again.
  useEffect(
    () =>
      watchRefusedSignIn({
        refused: () => useSyncStore.getState().machine.unauthorized,
        subscribe: (listener) => useSyncStore.subscribe(listener),
        notify: () => notifyUser(refusedSignInNoticeText(i18n.t.bind(i18n)), 'settings'),
      }),
    [i18n],
  );
  const author = useCallback(() => currentAuthor(), []);
  const router = useMemo(() => ({ hook: useHashLocation }), []);
  return (
    <I18nextProvider i18n={i18n}>
      <AppThemeProvider>
        {/* Bottom right: page actions (New, Save, Edit) sit top right, and reminders stay until closed. */}
        <Notifications position="bottom-right" />
        <DatabaseProvider db={db} author={author} scope={scope} localData={localData}>
          <Router hook={router.hook}>
            {/* Last resort: should the frame itself fail, a notice instead of a blank window. */}
            <RouteBoundary>
              <AppLayout>
                <AppRoutes />
              </AppLayout>
            </RouteBoundary>
          </Router>
        </DatabaseProvider>
      </AppThemeProvider>
    </I18nextProvider>
  );
}
