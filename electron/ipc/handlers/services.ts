import type { AppInfoService } from '../../services/app-info';
import type { BackupFilesService } from '../../services/backup';
import type { ExportFilesService } from '../../services/export-files';
import type { ExternalLinksService } from '../../services/external-links';
import type { NotificationsService } from '../../services/notifications';
import type { SettingsService } from '../../services/settings';
import type { SyncService } from '../../services/sync';
import type { UpdateService } from '../../services/updater';
import type { IpcEventName, IpcEventPayload, IpcNamespace, IpcNamespaceHandlers } from '../../../shared/ipc';

/** The services the IPC handlers delegate to; Electron and the web host build them the same way. */
export interface IpcServices {
  appInfo: AppInfoService;
  settings: SettingsService;
  sync: SyncService;
  externalLinks: ExternalLinksService;
  notifications: NotificationsService;
  exportFiles: ExportFilesService;
  /** Full backups written chunk by chunk (Electron); web mode answers `unsupported` and the page downloads. */
  backupFiles: BackupFilesService;
  /** The app's own updates; web mode's never has an updater (`supported` false). */
  update: UpdateService;
  /** Versions and the log's recent errors; absent in web mode and tests, where only Node's version is known. */
  diagnostics?: DiagnosticsSource;
}

export interface DiagnosticsSource {
  versions(): { electron?: string; chrome?: string; node?: string; os?: string };
  recentErrors(): string[];
}

/** Delivers one event to the renderer(s): webContents.send in Electron, the WebSocket and Server-Sent Events on the web. */
export type IpcEventSink = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => void;

/**
 * One namespace's side of main: its handlers (arguments arrive already validated by `dispatch`, so
 * they stay one-liners over the services) and the service notifications it forwards as events.
 */
export interface IpcNamespaceModule<N extends IpcNamespace> {
  handlers(services: IpcServices): IpcNamespaceHandlers<N>;
  /** Connects the services' change notifications to this namespace's events; returns the unsubscribers. */
  events?(services: IpcServices, emit: IpcEventSink): (() => void)[];
}
