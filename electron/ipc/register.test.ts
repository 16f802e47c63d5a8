import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { IpcEnvelope } from '../../shared/ipc';
import { APP_ORIGIN, APP_START_URL, type FrameLike } from '../main/trusted-url';
import { createHandlers } from './handlers';
import { createRefusalLogger, handleInvoke, registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from './register';
import { createTestServices } from './test-services';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>;

/** Stands in for ipcMain: records handlers and lets the test invoke them like a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, frame: FrameLike | null, ...args: unknown[]): Promise<IpcEnvelope<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame }, ...args);
  }
}

const mainFrame: FrameLike = { url: APP_START_URL, parent: null };
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const services = await createTestServices();
  dirs.push(services.dir);
  const ipcMain = new FakeIpcMain();
  const handlers = createHandlers(services);
  const warnings: string[] = [];
  const unregister = registerIpcHandlers({ ipcMain, handlers, warn: (message) => warnings.push(message) });
  return { ipcMain, handlers, unregister, services, warnings };
}

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract once and unregisters them all', async () => {
    const { ipcMain, unregister } = await setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('runs a call from the app main frame', async () => {
    const { ipcMain } = await setup();
    const result = await ipcMain.invoke('settings:set', mainFrame, { userName: 'Ana' });
    expect(result).toMatchObject({ ok: true, value: { userName: 'Ana' } });
    expect(await ipcMain.invoke('app:info', mainFrame)).toMatchObject({ ok: true, value: { name: 'Carteira' } });
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a subframe of our origin', { url: APP_START_URL, parent: mainFrame }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a destroyed frame', null],
  ] as const)('refuses %s with forbidden_sender and does not run the handler', async (_label, frame) => {
    const { ipcMain, services } = await setup();
    const result = await ipcMain.invoke('settings:set', frame, { userName: 'Mallory' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect((await services.settings.get()).userName).toBe('');
  });

  it.each([
    ['shell:openExternal', ['tel:+551133334444']],
    ['notify:show', [{ activityId: 'a1', title: 'Ligar', body: '' }]],
    ['export:save', [{ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' }]],
  ])('refuses %s from a subframe or a foreign page before the OS sees anything', async (channel, args) => {
    const touched: string[] = [];
    const services = await createTestServices({
      platform: {
        externalLinks: { open: async (url) => (touched.push(url), { opened: true, url }) },
        notifications: { show: () => (touched.push('notify'), { shown: true }), onClicked: () => () => undefined },
        exportFiles: { save: async () => (touched.push('export'), { saved: false, reason: 'cancelled' }) },
      },
    });
    dirs.push(services.dir);
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers({ ipcMain, handlers: createHandlers(services), warn: () => undefined });
    for (const frame of [{ url: APP_START_URL, parent: mainFrame }, { url: 'https://evil.example/', parent: null }, null]) {
      expect(await ipcMain.invoke(channel, frame, ...args)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(touched).toEqual([]);
    expect(await ipcMain.invoke(channel, mainFrame, ...args)).toMatchObject({ ok: true });
    expect(touched).toHaveLength(1);
  });

  it('refuses when reading the sender frame throws', async () => {
    const { handlers } = await setup();
    const event = {
      get senderFrame(): FrameLike {
        throw new Error('Render frame was disposed');
      },
    };
    const result = await handleInvoke(handlers, () => true, 'app:info', event, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it.each([
    ['a wrong type', [{ theme: 'purple' }]],
    ['an extra key', [{ userName: 'a', admin: true }]],
    ['too many arguments', [{ userName: 'a' }, 'extra']],
    ['no argument', []],
  ])('returns invalid_arguments for %s', async (_label, args) => {
    const { ipcMain } = await setup();
    const result = await ipcMain.invoke('settings:set', mainFrame, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('returns unknown_channel for a channel outside the contract, even from a trusted frame', async () => {
    const { handlers } = await setup();
    const result = await handleInvoke(handlers, () => true, 'fs:readFile', { senderFrame: mainFrame }, ['/etc/passwd']);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('uses an injected sender check', async () => {
    const services = await createTestServices();
    dirs.push(services.dir);
    const ipcMain = new FakeIpcMain();
    const frames: Array<FrameLike | null> = [];
    registerIpcHandlers({ ipcMain, handlers: createHandlers(services), isTrustedSender: (f) => (frames.push(f), false), warn: () => undefined });
    expect(await ipcMain.invoke('app:info', mainFrame)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(frames).toEqual([mainFrame]);
  });

  it('logs each refused sender with its origin only, and not again and again for a frame that keeps calling', async () => {
    const { ipcMain, warnings } = await setup();
    await ipcMain.invoke('settings:set', { url: 'https://evil.example/steal?token=secret', parent: null }, { userName: 'Mallory' });
    await ipcMain.invoke('settings:set', { url: 'https://evil.example/again', parent: null }, { userName: 'Mallory' });
    await ipcMain.invoke('app:info', { url: APP_START_URL, parent: mainFrame });
    await ipcMain.invoke('app:info', null);
    await ipcMain.invoke('app:info', mainFrame);
    expect(warnings).toEqual([
      'ipc: refused settings:set from an untrusted sender (https://evil.example)',
      `ipc: refused app:info from an untrusted sender (${APP_ORIGIN}, a subframe)`,
      'ipc: refused app:info from an untrusted sender (no frame)',
    ]);
    expect(warnings.join('\n')).not.toContain('secret');
  });

  it('logs the same refusal again after a minute', () => {
    const warnings: string[] = [];
    let now = 0;
    const report = createRefusalLogger(
      (m) => warnings.push(m),
      () => now,
    );
    const frame = { url: 'https://evil.example/', parent: null };
    report('app:info', frame);
    now = 59_000;
    report('app:info', frame);
    now = 61_000;
    report('app:info', frame);
    expect(warnings).toHaveLength(2);
  });
});
