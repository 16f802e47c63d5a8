import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CarteiraBridgeApi } from '../../shared/ipc';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invocations: [] as unknown[][],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: async (...args: unknown[]) => {
      fake.invocations.push(args);
      return { ok: true, value: 'from-main' };
    },
  });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer,
  };
});

const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
await import('./index');
const bridge = fake.exposed.get('carteira') as CarteiraBridgeApi;

beforeEach(() => {
  fake.invocations.length = 0;
  ipcRenderer.removeAllListeners();
});

describe('preload bridge', () => {
  it('is exposed as window.carteira and cannot be modified by the page', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards contract channels with their arguments', async () => {
    await expect(bridge.invoke('settings:set', { theme: 'dark' })).resolves.toEqual({ ok: true, value: 'from-main' });
    expect(fake.invocations).toEqual([['settings:set', { theme: 'dark' }]]);
  });

  it('refuses other channels without calling main', async () => {
    const result = await bridge.invoke('fs:readFile' as never, '/etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(fake.invocations).toEqual([]);
  });

  it('delivers event payloads without the IpcRendererEvent, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = bridge.on('settings:changed', (...args: unknown[]) => received.push(args));
    ipcRenderer.emit('settings:changed', { sender: ipcRenderer }, { theme: 'dark' });
    off();
    ipcRenderer.emit('settings:changed', { sender: ipcRenderer }, { theme: 'light' });
    expect(received).toEqual([[{ theme: 'dark' }]]);
    expect(ipcRenderer.listenerCount('settings:changed')).toBe(0);
  });

  it('forwards the platform channels and the notify:clicked event', async () => {
    await bridge.invoke('shell:openExternal', 'tel:190');
    await bridge.invoke('notify:show', { activityId: 'a1', title: 't', body: '' });
    await bridge.invoke('export:save', { fileName: 'a.csv', mimeType: 'text/csv', text: 'a' });
    expect(fake.invocations.map(([channel]) => channel)).toEqual(['shell:openExternal', 'notify:show', 'export:save']);
    const clicked: unknown[] = [];
    const off = bridge.on('notify:clicked', (payload) => clicked.push(payload));
    ipcRenderer.emit('notify:clicked', { sender: ipcRenderer }, { activityId: 'a1' });
    off();
    expect(clicked).toEqual([{ activityId: 'a1' }]);
  });

  it('refuses to listen to events outside the contract', () => {
    expect(() => bridge.on('ELECTRON_BROWSER_REQUIRE' as never, () => undefined)).toThrow(TypeError);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});
