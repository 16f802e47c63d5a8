import type { IpcServices } from '../../electron/ipc/handlers';
import { createAppInfoService } from '../../electron/services/app-info';
import { createBackupFilesService } from '../../electron/services/backup';
import { createExportFilesService } from '../../electron/services/export-files';
import { createExternalLinksService } from '../../electron/services/external-links';
import { createNotificationsService } from '../../electron/services/notifications';
import { createSettingsService } from '../../electron/services/settings';
import { createMemoryCredentialStore, createSyncService } from '../../electron/services/sync';
import { createUpdateService } from '../../electron/services/updater';

/**
 * Web-host services whose `sync:fetch` stands in for CouchDB's `_changes` long-poll: it answers
 * after the `delay` query parameter's milliseconds (0 by default) and echoes the URL, so a test can
 * hold many calls open and see which finished when. Everything else is the real services.
 */
export function createSlowSyncServices(dataDir: string): IpcServices & { fetchesStarted(): number } {
  const sync = createSyncService({ dir: dataDir, credentials: createMemoryCredentialStore() });
  let started = 0;
  return {
    appInfo: createAppInfoService({ name: 'Carteira', version: '0.0.0-test', mode: 'web', userDataDir: dataDir }),
    settings: createSettingsService({ dir: dataDir }),
    sync: {
      ...sync,
      async fetch(request) {
        started++;
        const delayMs = Number(new URL(request.url).searchParams.get('delay') ?? 0);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: request.url }) };
      },
    },
    // As in web mode: the renderer opens links, shows reminders and downloads exports itself.
    externalLinks: createExternalLinksService(),
    notifications: createNotificationsService(),
    exportFiles: createExportFilesService(),
    backupFiles: createBackupFilesService(),
    update: createUpdateService(),
    fetchesStarted: () => started,
  };
}

/** A sync:fetch argument for the slow service. */
export function slowFetchRequest(delayMs: number, tag: string | number = '') {
  return { url: `http://couch.invalid/acme-accounts/_changes?feed=longpoll&delay=${delayMs}&tag=${tag}`, method: 'GET' as const, headers: {}, body: null };
}
