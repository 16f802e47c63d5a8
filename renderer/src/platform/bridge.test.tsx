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

  it('falls back to the web bridge over fetch, with the bridge header', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { name: 'Carteira' } }), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    expect(isWebMode()).toBe(true);
    await expect(call('app:info')).resolves.toEqual({ name: 'Carteira' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/ipc/app%3Ainfo');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'X-Carteira-Bridge': '1' });
    expect(JSON.parse(String(init.body))).toEqual({ args: [] });
  });
});
