/**
 * Electron cannot run here, so main.ts is bundled and evaluated against a fake 'electron' module:
 * this checks the wiring (order of lifecycle calls, IPC registration, window options, start URL).
 */
import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-channels';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function loadMain({ gotLock }: { gotLock: boolean }) {
  const userData = await mkdtemp(join(tmpdir(), 'carteira-main-'));
  dirs.push(userData);
  const calls: string[] = [];
  const handled: string[] = [];
  const windows: Array<{ options: any; url?: string }> = [];
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), gotLock),
    quit: () => calls.push('quit'),
    exit: () => calls.push('exit'),
    whenReady: () => ready,
    isReady: () => true,
    getAppPath: () => '/app',
    getPath: (name: string) => (name === 'userData' ? userData : '/tmp'),
    getName: () => 'Carteira',
    getVersion: () => '9.9.9',
    isPackaged: true,
    setAppUserModelId: () => undefined,
  });
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly webContents = { send: () => undefined };
    constructor(readonly options: unknown) {
      super();
      BrowserWindow.all.push(this);
      windows.push({ options });
    }
    loadURL(url: string) {
      windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
  }
  const fakeElectron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string) => handled.push(channel), removeHandler: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => calls.push('setApplicationMenu') },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => calls.push(`protocol.handle:${scheme}`),
    },
    session: { defaultSession: { setPermissionRequestHandler: () => calls.push('permissions'), setPermissionCheckHandler: () => undefined } },
    shell: { openExternal: async () => undefined },
    net: { isOnline: () => false },
    powerMonitor: new EventEmitter(),
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  };

  const { outputFiles } = await build({
    entryPoints: [resolve(import.meta.dirname, 'main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    write: false,
  });
  const code = outputFiles[0]!.text;
  const nodeRequire = createRequire(import.meta.url);
  const fakeRequire = (id: string) => (id === 'electron' ? fakeElectron : nodeRequire(id));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(fakeRequire, module, module.exports, '/app/dist/electron', '/app/dist/electron/main.cjs');
  return { calls, handled, windows, app, ready: async () => (readyResolve(), await ready, await new Promise((r) => setTimeout(r, 0))) };
}

describe('main.ts wiring', () => {
  it('registers the scheme and sandbox before ready, then IPC, protocol, menu and one window', async () => {
    const main = await loadMain({ gotLock: true });
    expect(main.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect(main.app.listenerCount('web-contents-created')).toBe(1);
    expect(main.windows).toHaveLength(0);
    await main.ready();
    expect(main.calls).toEqual(expect.arrayContaining(['permissions', 'protocol.handle:app', 'setApplicationMenu']));
    expect([...main.handled].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(main.windows).toHaveLength(1);
    expect(main.windows[0]!.url).toBe('app://carteira/index.html');
    expect(main.windows[0]!.options.webPreferences).toMatchObject({ preload: join('/app', 'dist', 'electron', 'preload.cjs'), sandbox: true, contextIsolation: true });
  });

  it('quits at once when another instance holds the lock', async () => {
    const main = await loadMain({ gotLock: false });
    expect(main.calls).toContain('quit');
    expect(main.app.listenerCount('web-contents-created')).toBe(0);
  });
});
