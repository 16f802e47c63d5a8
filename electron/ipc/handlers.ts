import { buildDiagnosticsText } from '../../shared/diagnostics';
import type { IpcHandlers } from '../../shared/ipc';
import type { AppInfoService } from '../services/app-info';
import type { ExportFilesService } from '../services/export-files';
import type { ExternalLinksService } from '../services/external-links';
import type { NotificationsService } from '../services/notifications';
import type { SettingsService } from '../services/settings';
import type { SyncService } from '../services/sync';

/** The services the IPC handlers delegate to; Electron and the web host build them the same way. */
export interface IpcServices {
  appInfo: AppInfoService;
  settings: SettingsService;
  sync: SyncService;
  externalLinks: ExternalLinksService;
  notifications: NotificationsService;
  exportFiles: ExportFilesService;
  /** Versions and the log's recent errors; absent in web mode and tests, where only Node's version is known. */
  diagnostics?: DiagnosticsSource;
}

export interface DiagnosticsSource {
  versions(): { electron?: string; chrome?: string; node?: string; os?: string };
  recentErrors(): string[];
}

/**
 * The one implementation of the IPC contract. Arguments arrive already validated by `dispatch`,
 * so handlers stay one-liners over the services.
 */
export function createHandlers(services: IpcServices) {
  return {
    'app:info': () => services.appInfo.get(),
    'settings:get': () => services.settings.get(),
    'settings:set': (patch) => services.settings.set(patch),
    'sync:getConfig': () => services.sync.getConfig(),
    'sync:setConfig': (config) => services.sync.setConfig(config),
    'sync:signIn': ({ password }) => services.sync.signIn(password),
    'sync:signOut': async () => (await services.sync.signOut(), null),
    'sync:status': () => services.sync.status(),
    'sync:fetch': (request) => services.sync.fetch(request),
    'sync:flushed': () => (services.sync.flushed(), null),
    'shell:openExternal': (url) => services.externalLinks.open(url),
    'notify:show': (notice) => services.notifications.show(notice),
    'export:save': (file) => services.exportFiles.save(file),
    'app:diagnostics': async () => {
      const [app, sync] = [services.appInfo.get(), await services.sync.status()];
      const text = buildDiagnosticsText({
        app,
        versions: services.diagnostics?.versions() ?? { node: process.versions.node },
        // Only the flags: the server URL, team and user name stay out of a support message.
        sync: { configured: sync.configured, signedIn: sync.signedIn, connectivity: sync.connectivity, credentialsPersistent: sync.credentialsPersistent },
        recentErrors: services.diagnostics?.recentErrors() ?? [],
        now: new Date(),
      });
      return { text };
    },
  } satisfies IpcHandlers;
}
