import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CarteiraBridgeApi } from '../../../shared/ipc';
import { BridgeError, call, getBridge, isWebMode, onBridgeEvent, resetBridgeForTests } from './bridge';

function fakeElectronBridge(reply: unknown): CarteiraBridgeApi & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    invoke: async (...args: unknown[]) => (calls.push(args), reply) as never,
    on: (_event, listener) => {
      listener({ theme: 'dark' });
      return () => undefined;
    },
  };
}

afterEach(() => {
  delete window.carteira;
  resetBridgeForTests();
  vi.unstubAllGlobals();
});

describe('bridge', () => {
  it('uses window.carteira inside Electron', async () => {
    const electron = fakeElectronBridge({ ok: true, value: { locale: 'en' } });
    window.carteira = electron;
    expect(getBridge()).toBe(electron);
    expect(isWebMode()).toBe(false);
    await expect(call('settings:set', { locale: 'en' })).resolves.toEqual({ locale: 'en' });
    expect(electron.calls).toEqual([['settings:set', { locale: 'en' }]]);
  });

  it('throws a BridgeError with the envelope code', async () => {
    window.carteira = fakeElectronBridge({ ok: false, error: { code: 'invalid_arguments', message: 'theme: invalid' } });
    const error = await call('settings:get').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'invalid_arguments', message: 'theme: invalid' });
  });

  it('passes event payloads through onBridgeEvent', () => {
    window.carteira = fakeElectronBridge(null);
    const seen: unknown[] = [];
    onBridgeEvent('settings:changed', (s) => seen.push(s.theme));
    expect(seen).toEqual(['dark']);
  });

  it("falls back to the web bridge over one WebSocket to the page's host", async () => {
    const sockets: FakeSocket[] = [];
    class FakeSocket {
      readyState = 0;
      sent: unknown[] = [];
      onopen: (() => void) | null = null;
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onclose: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly url: string) {
        sockets.push(this);
        queueMicrotask(() => ((this.readyState = 1), this.onopen?.()));
      }
      send(frame: string) {
        const { id } = JSON.parse(frame) as { id: number };
        this.sent.push(JSON.parse(frame));
        queueMicrotask(() => this.onmessage?.({ data: JSON.stringify({ id, envelope: { ok: true, value: { name: 'Carteira' } } }) }));
      }
      close() {}
    }
    vi.stubGlobal('WebSocket', FakeSocket);
    expect(isWebMode()).toBe(true);
    await expect(call('app:info')).resolves.toEqual({ name: 'Carteira' });
    await expect(call('settings:get')).resolves.toEqual({ name: 'Carteira' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe(`ws://${window.location.host}/ws`);
    expect(sockets[0]!.sent).toEqual([
      { id: 1, channel: 'app:info', args: [] },
      { id: 2, channel: 'settings:get', args: [] },
    ]);
  });
});
