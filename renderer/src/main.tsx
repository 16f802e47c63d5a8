import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { App } from './app/App';
import { preloadFirstScreen } from './app/AppRoutes';
import { useSettingsStore } from './app/settings-store';
import { createDatabase } from './db/create-database';
import type { CarteiraDatabase } from './db/types';
import { createI18n } from './i18n';
import { createMergeConflictHandlers } from './sync/conflict-handler';
import { recordConflicts } from './sync/conflict-log';
import { createSyncController } from './sync/sync-controller';
import { isWebMode } from './platform/bridge';

/** Boot: preferences from main, the local database on IndexedDB, then the UI. */
async function boot(): Promise<void> {
  preloadFirstScreen(window.location.hash);
  const root = createRoot(document.getElementById('root')!);
  const i18n = createI18n();
  root.render(<p className="boot">{i18n.t('app.loading')}</p>);
  try {
    const settings = await useSettingsStore.getState().load();
    await i18n.changeLanguage(settings.locale);
    document.documentElement.lang = settings.locale;
    // Conflicts found while replicating are merged field by field; the losing values are logged
    // in the local conflict log, which needs the database the handlers belong to.
    // The handlers exist before the database does, so they wait for it rather than drop a record.
    let resolveDb!: (db: CarteiraDatabase) => void;
    const dbReady = new Promise<CarteiraDatabase>((resolve) => (resolveDb = resolve));
    const conflictHandlers = createMergeConflictHandlers(async (conflicts) => recordConflicts(await dbReady, conflicts));
    // The desktop app has one window under a single-instance lock: its database need not tell
    // other tabs about every write (RxDB's cross-tab broadcast and leader election). Web mode may
    // have several tabs on the same database.
    const db = await createDatabase({ storage: getRxStorageDexie(), conflictHandlers, multiInstance: isWebMode() });
    resolveDb(db);
    const sync = createSyncController(db);
    void sync.refresh();
    root.render(<App db={db} i18n={i18n} />);
  } catch (error) {
    root.render(<p role="alert" className="boot">{i18n.t('app.dbError', { message: error instanceof Error ? error.message : String(error) })}</p>);
  }
}

void boot();
