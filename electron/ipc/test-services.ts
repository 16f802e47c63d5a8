import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppInfoService } from '../services/app-info';
import { createBackupFilesService } from '../services/backup';
import { createExportFilesService } from '../services/export-files';
import { createExternalLinksService } from '../services/external-links';
import { createNotificationsService } from '../services/notifications';
import { createSettingsService } from '../services/settings';
import { createMemoryCredentialStore, createSyncService } from '../services/sync';
import { createUpdateService } from '../services/updater';
import type { FetchLike } from '../services/sync/fetch-text';
import type { IpcServices } from './handlers';

/**
 * Real services over a fresh temp folder, for tests of the IPC layers. The sync service never starts
 * probing; links, notifications and exports behave as in web mode unless `platform` replaces them.
 */
export async function createTestServices({
  fetch,
  platform = {},
}: { fetch?: FetchLike; platform?: Partial<Pick<IpcServices, 'externalLinks' | 'notifications' | 'exportFiles' | 'backupFiles'>> } = {}): Promise<
  IpcServices & { dir: string }
> {
  const dir = await mkdtemp(join(tmpdir(), 'carteira-ipc-'));
  return {
    dir,
    appInfo: createAppInfoService({ name: 'Carteira', version: '0.0.0-test', mode: 'electron', userDataDir: dir }),
    settings: createSettingsService({ dir, warn: () => undefined }),
    sync: createSyncService({ dir, credentials: createMemoryCredentialStore(), fetch, warn: () => undefined }),
    externalLinks: platform.externalLinks ?? createExternalLinksService(),
    notifications: platform.notifications ?? createNotificationsService(),
    exportFiles: platform.exportFiles ?? createExportFilesService(),
    backupFiles: platform.backupFiles ?? createBackupFilesService(),
    update: createUpdateService(),
  };
}
