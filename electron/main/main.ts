/**
 * Electron main: lifecycle and wiring only. Everything with logic lives in tested modules
 * (services/, ipc/, and the pure helpers beside this file).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import trayIconDataUrl from '../../build/icons/32x32.png';
import log from 'electron-log/node';
import { autoUpdater } from 'electron-updater';
import { release } from 'node:os';
import { join } from 'node:path';
import { createHandlers, forwardIpcEvents, type IpcServices } from '../ipc/handlers';

import { registerIpcHandlers } from '../ipc/register';
import type { AppSettings, Locale } from '../../shared/ipc';
import { createAppInfoService } from '../services/app-info';
import { configureMainLog, type MainLog } from '../services/diagnostics/logging';
import { createBackupFilesService, type BackupFilesService } from '../services/backup';
import { createExportFilesService } from '../services/export-files';
import { createExternalLinksService } from '../services/external-links';
import { createNotificationsService } from '../services/notifications';
import { createSettingsService } from '../services/settings';
import { followStartAtLogin } from '../services/login-item';
import { createUpdateService, type UpdaterPort } from '../services/updater';
import { clampToDisplays, createWindowStateStore } from '../services/window-state/window-state';
import {
  createSafeStorageCredentialStore,
  createSyncService,
  settingsPauseStore,
  electronNetFetch,
  fromEmitter,
  mergeOnlineEvents,
  pollOnlineFlag,
  type SyncService,
} from '../services/sync';
import { applySpellcheck, installContextMenu } from './context-menu';
import { buildMenuTemplate } from './menu';
import { createSyncTray } from './tray';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { guardPermissions, installSecurityGuards } from './security';
import { choseToOpen, externalLinkPromptOptions } from './external-link-prompt';
import { APP_START_URL } from './trusted-url';
import { choseToLeave, unloadPromptOptions } from './unload-prompt';
import { createWindowOptions, windowBackground } from './window-options';

// Both must happen before 'ready': privileged schemes and the global renderer sandbox.
registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let mainLog: MainLog | null = null;
let tray: ReturnType<typeof createSyncTray> | null = null;
let syncService: SyncService | null = null;
/** A backup being written when the window closes is abandoned: its temporary file is deleted. */
let backupFiles: BackupFilesService | null = null;
/** running → flushing (waiting for the renderer's last push) → done (quit for real). */
let quitPhase: 'running' | 'flushing' | 'done' = 'running';
/** How long quitting waits for the renderer's last push (DESIGN.md §2). */
const QUIT_FLUSH_TIMEOUT_MS = 3_000;
/** The language of main's own dialogs, following settings. */
let locale: Locale | undefined;
/** The theme setting, for the window's colour before the page paints. */
let theme: AppSettings['theme'] | undefined;
// tel:/mailto: are checked and normalised here whether they come from shell:openExternal or a clicked link.
const externalLinks = createExternalLinksService({ openExternal: (url) => shell.openExternal(url) });

// A second copy would open the same IndexedDB and settings.json; focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installSecurityGuards(app, {
    openExternal: (url) => shell.openExternal(url),
    confirmExternal: confirmExternalLink,
    openContactLink: (url) => externalLinks.open(url),
  });
  app.on('second-instance', focusMainWindow);
  app.on('before-quit', flushSyncBeforeQuit);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.whenReady().then(startApp, (error: unknown) => {
    console.error('Carteira failed to start:', error);
    app.exit(1);
  });
}

async function startApp(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('br.com.carteira.app');
  guardPermissions(session.defaultSession);
  const appPath = app.getAppPath();
  serveAppProtocol(protocol, join(appPath, 'dist', 'renderer'));

  const userDataDir = app.getPath('userData');
  mainLog = configureMainLog(log, { userDataDir });
  process.on('uncaughtException', (error) => console.error('Uncaught exception in main:', error));
  process.on('unhandledRejection', (reason) => console.error('Unhandled rejection in main:', reason));
  const settings = createSettingsService({ dir: userDataDir });
  const services: IpcServices = {
    appInfo: createAppInfoService({ name: app.getName(), version: app.getVersion(), mode: 'electron', userDataDir }),
    settings,
    sync: createSyncService({
      dir: userDataDir,
      pauseStore: settingsPauseStore(settings),
      credentials: createSafeStorageCredentialStore({ safeStorage, dir: userDataDir }),
      // Chromium's network stack: the system proxy and certificate store apply (Node's fetch ignores both).
      fetch: electronNetFetch(net),
      isOnline: () => net.isOnline(),
      onlineEvents: mergeOnlineEvents(pollOnlineFlag({ isOnline: () => net.isOnline() }), fromEmitter(powerMonitor, 'resume', 'resume')),
    }),
    externalLinks,
    notifications: createNotificationsService({
      createNotification: (options) => new Notification(options),
      isSupported: () => Notification.isSupported(),
      focusWindow: focusMainWindow,
    }),
    diagnostics: {
      versions: () => ({ electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node, os: release() }),
      recentErrors: () => mainLog?.recentErrors() ?? [],
    },
    exportFiles: createExportFilesService({
      showSaveDialog: (options) => (mainWindow && !mainWindow.isDestroyed() ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      defaultDir: defaultExportDir,
    }),
    backupFiles: createBackupFilesService({
      showSaveDialog: (options) => (mainWindow && !mainWindow.isDestroyed() ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      defaultDir: defaultExportDir,
    }),
    // Only an installed package can replace itself; a development run has no updater.
    update: createUpdateService({ updater: app.isPackaged ? packagedUpdater() : undefined, settings }),
  };
  followStartAtLogin({ setLoginItemSettings: (s) => app.setLoginItemSettings(s), platform: process.platform, settings });
  services.settings.onChange((settings) => ((theme = settings.theme), applyLocale(settings.locale)));
  void services.settings.get().then(
    (settings) => ((theme = settings.theme), applyLocale(settings.locale)),
    () => undefined,
  );
  syncService = services.sync;
  backupFiles = services.backupFiles;
  registerIpcHandlers({ ipcMain, handlers: createHandlers(services) });
  forwardIpcEvents(services, (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    }
  });

  services.sync.start();

  setApplicationMenu();
  applySpellcheck(session.defaultSession, locale, process.platform);
  createMainWindow();
  tray = createSyncTray({
    tray: new Tray(nativeImage.createFromDataURL(trayIconDataUrl)),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    sync: services.sync,
    locale: () => locale,
    open: openMainWindow,
    quit: () => app.quit(),
  });
}

/**
 * Puts the window back where the user left it (clamped to the displays there now). The file is read
 * while the page loads, so the bounds are set before 'ready-to-show' without delaying the window.
 */
function restoreWindowState(window: BrowserWindow, options: { width?: number; height?: number; minWidth?: number; minHeight?: number }): void {
  const store = createWindowStateStore({ dir: app.getPath('userData') });
  const size = { width: options.width ?? 1280, height: options.height ?? 800, minWidth: options.minWidth ?? 900, minHeight: options.minHeight ?? 600 };
  void store.load().then((saved) => {
    if (!saved || window.isDestroyed()) return;
    const bounds = clampToDisplays(
      saved.bounds,
      screen.getAllDisplays().map((d) => d.workArea),
      size,
    );
    if (bounds) window.setBounds(bounds);
    if (saved.maximized) window.maximize();
  });
  window.on('close', () => {
    if (window.isDestroyed()) return;
    void store
      .save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
      .catch((error: unknown) => console.warn('window state not saved:', error));
  });
}

function openMainWindow(): void {
  if (mainWindow) focusMainWindow();
  else if (app.isReady()) createMainWindow();
}

/** Asks, in the app's language, before a link opens a host for the first time in this run. */
async function confirmExternalLink(url: string, host: string): Promise<boolean> {
  const options = externalLinkPromptOptions(locale, url, host);
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return choseToOpen(response);
}

/** Main's dialogs and menus follow the app's language, not the OS's. */
function applyLocale(next: Locale): void {
  if (next === locale) return;
  locale = next;
  setApplicationMenu();
  void tray?.refresh();
  applySpellcheck(session.defaultSession, locale, process.platform);
}

function setApplicationMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, locale })));
}

function createMainWindow(): void {
  const preloadPath = join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');
  const options = createWindowOptions({ preloadPath, backgroundColor: windowBackground(theme, nativeTheme.shouldUseDarkColors) });
  const window = new BrowserWindow(options);
  mainWindow = window;
  restoreWindowState(window, options);
  window.once('ready-to-show', () => window.show());
  installContextMenu(window.webContents, { getLocale: () => locale, popup: (template) => Menu.buildFromTemplate(template).popup({ window }) });
  // A form with unsaved changes cancels beforeunload; Electron would then silently keep the window open.
  window.webContents.on('will-prevent-unload', (event) => {
    if (choseToLeave(dialog.showMessageBoxSync(window, unloadPromptOptions(locale)))) {
      event.preventDefault();
      return;
    }
    // The user stayed, so a quit under way is off: sync runs on, and the next quit flushes again.
    if (quitPhase !== 'running') {
      quitPhase = 'running';
      syncService?.start();
    }
  });
  // Where closing the last window quits, quit first, so the renderer is still alive for its last push.
  window.on('close', (event) => {
    if (process.platform === 'darwin' || quitPhase === 'done' || BrowserWindow.getAllWindows().length > 1) return;
    event.preventDefault();
    app.quit();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    void backupFiles?.abortAll();
  });
  window.loadURL(APP_START_URL).catch((error: unknown) => console.error('Could not load the renderer:', error));
}

/** Holds the quit until the renderer pushed its pending changes or QUIT_FLUSH_TIMEOUT_MS passed. */
function flushSyncBeforeQuit(event: { preventDefault(): void }): void {
  if (quitPhase === 'done') return;
  event.preventDefault();
  if (quitPhase === 'flushing') return;
  quitPhase = 'flushing';
  const hasWindow = BrowserWindow.getAllWindows().some((window) => !window.isDestroyed());
  const flushed = syncService && hasWindow ? syncService.flushBeforeQuit(QUIT_FLUSH_TIMEOUT_MS) : Promise.resolve('none');
  void flushed.finally(() => {
    quitPhase = 'done';
    syncService?.stop();
    app.quit();
  });
}

/** electron-updater's autoUpdater, downloading in the background, logging to the app's log, installing at quit once downloaded. */
function packagedUpdater(): UpdaterPort {
  autoUpdater.logger = log;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  return autoUpdater as unknown as UpdaterPort;
}

/** Where the save dialog opens first: Downloads, or Documents where the OS has no Downloads folder. */
function defaultExportDir(): string {
  try {
    return app.getPath('downloads');
  } catch {
    return app.getPath('documents');
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
