/**
 * The renderer's web bridge against the real web host: both halves of the WebSocket protocol
 * together. Node 20 has no global WebSocket, so the `ws` client (with the page's Origin, as a
 * browser would send it) stands in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWebBridge, socketUrl, type WebBridge, type WebSocketConstructor } from '../../renderer/src/platform/web-bridge';
import { createSlowSyncServices, slowFetchRequest } from '../../tests/helpers/slow-sync-services';
import { startWebHost, type WebHost } from './web-host';
import { generateToken } from './web-session';

let dir: string;
let host: WebHost;
const bridges: WebBridge[] = [];

/** A browser-like socket: every connection carries the page's Origin and cookie. Counts attempts and successes. */
function browserSocket(origin: string, cookie = ''): WebSocketConstructor & { opened: number; connected: number } {
  const Ctor = class extends WebSocket {
    static opened = 0;
    static connected = 0;
    constructor(url: string) {
      super(url, { origin, headers: cookie ? { Cookie: cookie } : {} });
      Ctor.opened++;
      this.once('open', () => Ctor.connected++);
    }
  };
  return Ctor as unknown as WebSocketConstructor & { opened: number; connected: number };
}

function bridgeTo(target: { origin: string; cookie: string }, options: { retryDelaysMs?: number[] } = {}) {
  const Socket = browserSocket(target.origin, target.cookie);
  const bridge = createWebBridge({ baseUrl: target.origin, WebSocket: Socket, ...options });
  bridges.push(bridge);
  return { bridge, Socket };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-bridge-'));
  host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), rendererDir: dir, services: createSlowSyncServices(join(dir, 'data')) });
});
afterEach(() => {
  for (const bridge of bridges.splice(0)) bridge.close();
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web bridge ↔ web host', () => {
  it('invokes channels over one socket and gets contract envelopes back', async () => {
    const { bridge, Socket } = bridgeTo(host);
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: true, value: { mode: 'web' } });
    expect(await bridge.invoke('settings:set', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await bridge.invoke('nope:nope' as never)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(Socket.opened).toBe(1);
  });

  it('queues calls made before the socket opens and matches out-of-order answers to their calls', async () => {
    const { bridge, Socket } = bridgeTo(host);
    const order: string[] = [];
    const slow = Array.from({ length: 12 }, (_, i) => bridge.invoke('sync:fetch', slowFetchRequest(500, i)).then((envelope) => (order.push('slow'), envelope)));
    const fast = bridge.invoke('app:info').then((envelope) => (order.push('fast'), envelope));
    expect(await fast).toMatchObject({ ok: true, value: { mode: 'web' } });
    const answers = await Promise.all(slow);
    answers.forEach((envelope, i) => expect(envelope).toMatchObject({ ok: true, value: { body: expect.stringContaining(`tag=${i}`) } }));
    expect(order[0]).toBe('fast');
    expect(Socket.opened).toBe(1);
  });

  it('receives events; listeners survive a host restart', async () => {
    const restartable = await restartableHost();
    const { bridge, Socket } = bridgeTo(restartable.host, { retryDelaysMs: [10] });
    const seen: unknown[] = [];
    bridge.on('settings:changed', (payload) => seen.push(payload));
    await bridge.invoke('settings:set', { userName: 'Caio' });
    await expect.poll(() => seen).toEqual([expect.objectContaining({ userName: 'Caio' })]);

    // With a listener attached the bridge keeps trying by itself, without waiting for a call.
    await restartable.restart();
    await expect.poll(() => Socket.connected).toBe(2);
    await restartable.changeSettings({ userName: 'Dora' });
    await expect.poll(() => seen.at(-1)).toMatchObject({ userName: 'Dora' });
    await restartable.stop();
  });

  it('fails calls in flight as unreachable when the socket closes, then reconnects on the next call', async () => {
    const restartable = await restartableHost();
    const { bridge, Socket } = bridgeTo(restartable.host, { retryDelaysMs: [10] });
    const inFlight = bridge.invoke('sync:fetch', slowFetchRequest(5_000));
    await expect.poll(() => restartable.fetchesStarted()).toBe(1);
    await restartable.restart();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    // No listener: nothing reconnects until the next call needs the socket.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Socket.opened).toBe(1);
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: true });
    expect(Socket.connected).toBe(2);
    await restartable.stop();
  });

  it('a host restarted with a new secret refuses the old page: its calls fail as unreachable, not through', async () => {
    const restartable = await restartableHost({ sameToken: false });
    const { bridge } = bridgeTo(restartable.host, { retryDelaysMs: [10] });
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: true });
    await restartable.restart();
    expect(await bridge.invoke('sync:fetch', slowFetchRequest(0))).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(restartable.fetchesStarted()).toBe(0);
    await restartable.stop();
  });

  it('reports an unreachable host as an envelope, not a throw', async () => {
    const Socket = browserSocket('http://127.0.0.1:1');
    const bridge = createWebBridge({ baseUrl: 'http://127.0.0.1:1', WebSocket: Socket, retryDelaysMs: [10] });
    bridges.push(bridge);
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(Socket.opened).toBe(2);
  });

  it('derives ws:// and wss:// addresses from the page', () => {
    expect(socketUrl('http://127.0.0.1:5180')).toBe('ws://127.0.0.1:5180/ws');
    expect(socketUrl('https://crm.example/app/#/accounts')).toBe('wss://crm.example/ws');
  });
});

/**
 * A host that can be restarted on the same port: what `npm run web` after Ctrl+C looks like to the
 * page. With the same secret (CARTEIRA_WEB_TOKEN), so the page's cookie stays good.
 */
async function restartableHost({ sameToken = true }: { sameToken?: boolean } = {}) {
  const dataDir = join(dir, `restartable-${Math.random().toString(36).slice(2)}`);
  const token = generateToken();
  let services = createSlowSyncServices(dataDir);
  let current = await startWebHost({ port: 0, dataDir, rendererDir: dir, services, token });
  const port = Number(new URL(current.url).port);
  return {
    host: { origin: current.origin, cookie: current.cookie },
    fetchesStarted: () => services.fetchesStarted(),
    /** As another window would: the host pushes settings:changed to every page. */
    changeSettings: (patch: { userName: string }) => services.settings.set(patch),
    async restart() {
      await current.close();
      services = createSlowSyncServices(dataDir);
      current = await startWebHost({ port, dataDir, rendererDir: dir, services, token: sameToken ? token : undefined });
    },
    stop: () => current.close(),
  };
}
