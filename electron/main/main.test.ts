/**
 * Electron cannot run here, so main.ts is bundled and evaluated against a fake 'electron' module:
 * this checks the wiring (order of lifecycle calls, IPC registration, window options, start URL).
 */
import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/channels';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function loadMain({ gotLock }: { gotLock: boolean }) {
  const userData = await mkdtemp(join(tmpdir(), 'carteira-main-'));
  dirs.push(userData);
  const calls: string[] = [];
  const handled: string[] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<any>>();
  const opened: string[] = [];
  const sent: Array<[string, unknown]> = [];
  const notifications: FakeNotification[] = [];
  const dialogs = {
    saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
    saveAsked: [] as unknown[],
    boxAnswer: 1,
    boxAsked: [] as unknown[],
  };
  const windows: Array<{ options: any; url?: string }> = [];
  const menus: Array<Array<{ label?: string }>> = [];
  const spellcheck: unknown[] = [];
  const trays: Array<{ image: { url: string }; tooltip: string; menu: Array<{ label?: string; click?: () => void }> }> = [];
  const netFetches: Array<{ url: string; init?: RequestInit }> = [];
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
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    show() {
      this.shown = true;
    }
  }
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly webContents = Object.assign(new EventEmitter(), { send: (event: string, payload: unknown) => void sent.push([event, payload]) });
    focused = 0;
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
    isMinimized = () => false;
    restore = () => undefined;
    show = () => undefined;
    focus = () => void this.focused++;
    bounds = { x: 0, y: 0, width: 1280, height: 800 };
    maximized = false;
    setBounds = (b: { x: number; y: number; width: number; height: number }) => void (this.bounds = b);
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
    maximize = () => void (this.maximized = true);
  }
  const fakeElectron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => (
        handled.push(channel),
        listeners.set(channel, listener)
      ),
      removeHandler: () => undefined,
    },
    Notification: FakeNotification,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => (dialogs.saveAsked.push(args.at(-1)), dialogs.saveAnswer),
      showMessageBoxSync: (...args: unknown[]) => (dialogs.boxAsked.push(args.at(-1)), dialogs.boxAnswer),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (menu: unknown) => (calls.push('setApplicationMenu'), menus.push(menu as Array<{ label?: string }>)),
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => calls.push(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('permissions'),
        setPermissionCheckHandler: () => undefined,
        availableSpellCheckerLanguages: ['en-US', 'pt-BR', 'pt-PT'],
        setSpellCheckerEnabled: (on: boolean) => void spellcheck.push(['enabled', on]),
        setSpellCheckerLanguages: (languages: string[]) => void spellcheck.push(['languages', languages]),
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    net: {
      isOnline: () => false,
      fetch: async (url: string, init?: RequestInit) => {
        netFetches.push({ url, init });
        return new Response('{"error":"unauthorized","reason":"Name or password is incorrect."}', {
          status: 401,
          headers: { 'content-type': 'application/json' },
        });
      },
    },
    powerMonitor: new EventEmitter(),
    nativeTheme: { shouldUseDarkColors: true },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1440, height: 875 } }] },
    nativeImage: { createFromDataURL: (url: string) => ({ url }) },
    Tray: class extends EventEmitter {
      tooltip = '';
      menu: Array<{ label?: string; click?: () => void }> = [];
      constructor(readonly image: { url: string }) {
        super();
        trays.push(this);
      }
      setToolTip(text: string) {
        this.tooltip = text;
      }
      setContextMenu(menu: Array<{ label?: string; click?: () => void }>) {
        this.menu = menu;
      }
      isDestroyed() {
        return false;
      }
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  };

  const { outputFiles } = await build({
    entryPoints: [resolve(import.meta.dirname, 'main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    loader: { '.png': 'dataurl' },
    write: false,
  });
  const code = outputFiles[0]!.text;
  const nodeRequire = createRequire(import.meta.url);
  const fakeRequire = (id: string) => (id === 'electron' ? fakeElectron : nodeRequire(id));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
    fakeRequire,
    module,
    module.exports,
    '/app/dist/electron',
    '/app/dist/electron/main.cjs',
  );
  /** Calls a registered channel the way the preload would, from the app's main frame. */
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!({ senderFrame: { url: 'app://carteira/index.html', parent: null } }, ...args);
  return {
    calls,
    handled,
    windows,
    menus,
    spellcheck,
    trays,
    app,
    invoke,
    opened,
    sent,
    notifications,
    dialogs,
    userData,
    netFetches,
    window: () => BrowserWindow.all.at(-1)!,
    ready: async () => (readyResolve(), await ready, await new Promise((r) => setTimeout(r, 0))),
  };
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
    // The OS is in dark mode and the theme is 'auto' (settings not read yet): no light flash.
    expect(main.windows[0]!.options.backgroundColor).toBe('#242424');
    expect(main.windows[0]!.options.webPreferences).toMatchObject({
      preload: join('/app', 'dist', 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('labels the application menu in the app language and relabels it when the language changes', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    const topLabels = () =>
      main.menus
        .at(-1)!
        .map((item) => item.label)
        .filter((label) => label !== 'Carteira');
    expect(topLabels()).toEqual(['Arquivo', 'Editar', 'Exibir', 'Janela']);
    await main.invoke('settings:set', { locale: 'en' });
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Window']);
    await main.invoke('settings:set', { locale: 'pt-PT' });
    expect(topLabels()).toEqual(['Ficheiro', 'Editar', 'Ver', 'Janela']);
  });

  it.runIf(process.platform === 'linux')('keeps spellcheck off on Linux, where Chromium would fetch dictionaries from the network', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    expect(main.spellcheck.length).toBeGreaterThan(0);
    expect(new Set(main.spellcheck.map(String))).toEqual(new Set([String(['enabled', false])]));
  });

  it('puts a tray icon with the sync state in the app language, which reopens the window', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    await new Promise((r) => setTimeout(r, 20));
    const tray = main.trays[0]!;
    expect(tray.image.url).toMatch(/^data:image\/png;base64,/);
    expect(tray.tooltip).toBe('Carteira — Só neste computador');
    expect(tray.menu.map((i) => i.label)).toEqual(['Só neste computador', undefined, 'Abrir Carteira', 'Sair']);
    await main.invoke('settings:set', { locale: 'en' });
    await new Promise((r) => setTimeout(r, 20));
    expect(tray.tooltip).toBe('Carteira — On this computer only');
    const focusedBefore = main.window().focused;
    tray.menu.find((i) => i.label === 'Open Carteira')!.click!();
    expect(main.window().focused).toBe(focusedBefore + 1);
  });

  it('reopens the window where it was closed, brought back onto the screen that is there now', async () => {
    const main = await loadMain({ gotLock: true });
    // Last closed on a second monitor, which is unplugged now (only the 1440×875 laptop screen is left).
    await writeFile(join(main.userData, 'window-state.json'), JSON.stringify({ bounds: { x: 1600, y: 50, width: 1000, height: 700 }, maximized: true }));
    await main.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(main.window().bounds).toEqual({ x: 80, y: 38, width: 1280, height: 800 });
    expect(main.window().maximized).toBe(true);
    main.window().bounds = { x: 100, y: 60, width: 1100, height: 750 };
    main.window().maximized = false;
    main.window().emit('close', { preventDefault: () => undefined });
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(await readFile(join(main.userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 100, y: 60, width: 1100, height: 750 },
      maximized: false,
    });
  });

  it('opens tel:/mailto: through the checked service, from IPC and from a window.open alike', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    expect(await main.invoke('shell:openExternal', 'tel:+55 (11) 3333-4444')).toEqual({ ok: true, value: { opened: true, url: 'tel:+551133334444' } });
    expect(await main.invoke('shell:openExternal', 'file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'external_url_refused' } });
    const contents = Object.assign(new EventEmitter(), {
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      windowOpen: undefined as undefined | ((d: { url: string }) => unknown),
      setWindowOpenHandler(handler: (d: { url: string }) => unknown) {
        this.windowOpen = handler;
      },
    });
    main.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpen!({ url: 'mailto:ana@example.com?subject=Oi%20Ana' })).toEqual({ action: 'deny' });
    expect(contents.windowOpen!({ url: 'mailto:ana@example.com?attach=/etc/passwd' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(main.opened).toEqual(['tel:+551133334444', 'mailto:ana@example.com?subject=Oi%20Ana']);
  });

  it('shows reminders as OS notifications; a click focuses the window and tells the renderer', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    expect(await main.invoke('notify:show', { activityId: 'act1', title: 'Reunião com a Acme', body: '14:00' })).toEqual({ ok: true, value: { shown: true } });
    expect(main.notifications[0]).toMatchObject({ shown: true, options: { title: 'Reunião com a Acme', body: '14:00' } });
    main.notifications[0]!.emit('click');
    expect(main.window().focused).toBe(1);
    expect(main.sent).toContainEqual(['notify:clicked', { activityId: 'act1' }]);
  });

  it('saves exports where the save dialog says, starting in Downloads', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    expect(await main.invoke('export:save', { fileName: 'a.csv', mimeType: 'text/csv', text: 'x' })).toEqual({
      ok: true,
      value: { saved: false, reason: 'cancelled' },
    });
    expect(main.dialogs.saveAsked[0]).toMatchObject({ defaultPath: join('/tmp', 'a.csv') });
    main.dialogs.saveAnswer = { canceled: false, filePath: join(main.userData, 'contas.csv') };
    expect(await main.invoke('export:save', { fileName: 'contas.csv', mimeType: 'text/csv', text: 'Razão social\r\n' })).toEqual({
      ok: true,
      value: { saved: true, path: join(main.userData, 'contas.csv') },
    });
    expect(await readFile(join(main.userData, 'contas.csv'), 'utf8')).toBe('Razão social\r\n');
  });

  it('asks before closing over unsaved changes, and closes only when the user says so', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    const unload = () => {
      let prevented = false;
      main.window().webContents.emit('will-prevent-unload', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    main.dialogs.boxAnswer = 1;
    expect(unload()).toBe(false);
    main.dialogs.boxAnswer = 0;
    expect(unload()).toBe(true);
    expect(main.dialogs.boxAsked[0]).toMatchObject({ message: 'Há alterações não salvas.', cancelId: 1 });
  });

  it('a quit the user called off over unsaved changes leaves the app running, and the next quit flushes again', async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    const beforeQuit = () => {
      let prevented = false;
      main.app.emit('before-quit', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(beforeQuit()).toBe(true);
    await expect.poll(() => main.sent.some(([event]) => event === 'sync:flush')).toBe(true);
    await main.invoke('sync:flushed');
    await expect.poll(() => main.calls.filter((c) => c === 'quit').length).toBe(1);
    // Quitting closes the window; its form has unsaved changes and the user keeps editing.
    main.dialogs.boxAnswer = 1;
    main.window().webContents.emit('will-prevent-unload', { preventDefault: () => undefined });
    main.sent.length = 0;
    expect(beforeQuit()).toBe(true);
    await expect.poll(() => main.sent.some(([event]) => event === 'sync:flush')).toBe(true);
  });

  it("talks to the team server through Electron's net.fetch (system proxy and certificates), without its cookie jar", async () => {
    const main = await loadMain({ gotLock: true });
    await main.ready();
    const nodeFetch = globalThis.fetch;
    const viaNode: string[] = [];
    globalThis.fetch = (async (input: string) => (viaNode.push(String(input)), new Response(null, { status: 599 }))) as typeof fetch;
    try {
      expect(await main.invoke('sync:setConfig', { url: 'https://couch.example.com', team: 'acme', user: 'ana' })).toMatchObject({ ok: true });
      expect(await main.invoke('sync:signIn', { password: 'senha' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      globalThis.fetch = nodeFetch;
    }
    expect(main.netFetches.map((f) => [f.url, f.init?.method, f.init?.credentials])).toEqual([['https://couch.example.com/_session', 'POST', 'omit']]);
    expect(viaNode).toEqual([]);
  });

  it('quits at once when another instance holds the lock', async () => {
    const main = await loadMain({ gotLock: false });
    expect(main.calls).toContain('quit');
    expect(main.app.listenerCount('web-contents-created')).toBe(0);
  });
});
