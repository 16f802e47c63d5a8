/**
 * Electron main: lifecycle and wiring only. Everything with logic lives in tested modules
 * (services/, ipc/, and the pure helpers beside this file).
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { createHandlers, type IpcServices } from '../ipc/handlers';
import { forwardIpcEvents } from '../ipc/events';
import { registerIpcHandlers } from '../ipc/register';
import { createAppInfoService } from '../services/app-info';
import { createSettingsService } from '../services/settings';
import { buildMenuTemplate } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { denyAllPermissions, installSecurityGuards } from './security';
import { APP_START_URL } from './trusted-url';
import { createWindowOptions } from './window-options';

// Both must happen before 'ready': privileged schemes and the global renderer sandbox.
registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

// A second copy would open the same IndexedDB and settings.json; focus the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installSecurityGuards(app, { openExternal: (url) => shell.openExternal(url) });
  app.on('second-instance', focusMainWindow);
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
  denyAllPermissions(session.defaultSession);
  const appPath = app.getAppPath();
  serveAppProtocol(protocol, join(appPath, 'dist', 'renderer'));

  const userDataDir = app.getPath('userData');
  const services: IpcServices = {
    appInfo: createAppInfoService({ name: app.getName(), version: app.getVersion(), mode: 'electron', userDataDir }),
    settings: createSettingsService({ dir: userDataDir }),
  };
  registerIpcHandlers({ ipcMain, handlers: createHandlers(services) });
  forwardIpcEvents(services, (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    }
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged })));
  createMainWindow();
}

function createMainWindow(): void {
  const preloadPath = join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');
  const window = new BrowserWindow(createWindowOptions({ preloadPath }));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_START_URL).catch((error: unknown) => console.error('Could not load the renderer:', error));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
