import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { LOCAL_DATABASE_NAME } from '@shared/domain/data-scope';
import { App } from './app/App';
import { preloadFirstScreen } from './app/AppRoutes';
import { useSettingsStore } from './app/settings-store';
import { openAppDatabase } from './db/open-app-database';
import { createI18n } from './i18n';
import { createSyncController } from './sync/sync-controller';
import { isWebMode } from './platform/bridge';
import { errorMessage } from '@shared/error-message';

/**
 * Boot: preferences from main, then the local database of the active (server, team) on IndexedDB,
 * then the UI — re-rendered around the other database whenever the user switches team or server,
 * signs in or signs out.
 */
async function boot(): Promise<void> {
  preloadFirstScreen(window.location.hash);
  const root = createRoot(document.getElementById('root')!);
  const i18n = createI18n();
  root.render(<p className="boot">{i18n.t('app.loading')}</p>);
  const showError = (error: unknown) =>
    root.render(
      <p role="alert" className="boot">
        {i18n.t('app.dbError', { message: errorMessage(error) })}
      </p>,
    );
  try {
    const settings = await useSettingsStore.getState().load();
    await i18n.changeLanguage(settings.locale);
    document.documentElement.lang = settings.locale;
    const storage = getRxStorageDexie() as RxStorage<unknown, unknown>;
    const sync = createSyncController({
      // The desktop app has one window under a single-instance lock: its database need not tell
      // other tabs about every write (RxDB's cross-tab broadcast and leader election). Web mode may
      // have several tabs on the same database.
      open: (name) => openAppDatabase({ storage, name, multiInstance: isWebMode() }),
      // Unmounted now, not at React's next render: nothing may read the database once it closes.
      onClosing: () => flushSync(() => root.render(<p className="boot">{i18n.t('teamData.switching')}</p>)),
      // A new key: every screen starts over on the other database.
      onOpenFailed: showError,
      onOpened: ({ name, db, scope }) => root.render(<App key={name} db={db} i18n={i18n} scope={scope} localData={{ storage, name: LOCAL_DATABASE_NAME }} />),
    });
    // A failed open shows itself (onOpenFailed); a failed start of replication, in the sync indicator.
    void sync.refresh().catch(() => undefined);
  } catch (error) {
    showError(error);
  }
}

void boot();
