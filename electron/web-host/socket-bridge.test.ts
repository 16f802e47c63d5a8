/**
 * The host's `/ws`: calls and events multiplexed over one WebSocket, guarded like `/ipc`.
 * Talks the raw protocol with the `ws` client so the frames themselves are under test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appInfo } from '../../shared/ipc';
import { MAX_MESSAGE_BYTES } from '../../renderer/src/platform/socket-link';
import { createSlowSyncServices, slowFetchRequest } from '../../tests/helpers/slow-sync-services';
import { DEFAULT_MAX_MESSAGE_BYTES } from './socket-bridge';
import { startWebHost, type WebHost } from './web-host';

let base: string;
let host: WebHost;
let port: number;
let services: ReturnType<typeof createSlowSyncServices>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carteira-ws-'));
  services = createSlowSyncServices(join(base, 'data'));
  host = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir: base, services, maxBodyBytes: 4096 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

type Message = { id: number; envelope: { ok: boolean; value?: unknown; error?: { code: string } } } | { event: string; payload: unknown };

/** An open socket plus its incoming messages; `origin` as the browser would send it. */
async function open({ origin = `http://127.0.0.1:${port}`, hostHeader }: { origin?: string; hostHeader?: string } = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin, headers: { Cookie: host.cookie, ...(hostHeader ? { Host: hostHeader } : {}) } });
  const messages: Message[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return {
    socket,
    messages,
    closed,
    call(id: number, channel: string, ...args: unknown[]) {
      socket.send(JSON.stringify({ id, channel, args }));
    },
    /** Resolves once `predicate` holds for the messages so far. */
    async until(predicate: (m: Message[]) => boolean): Promise<Message[]> {
      while (!predicate(messages)) await new Promise<void>((resolve) => waiters.push(resolve));
      return messages;
    },
  };
}

/** The HTTP status a refused upgrade answered with. */
function refusedWith(options: { origin?: string; headers?: Record<string, string>; path?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}`, {
      origin: options.origin,
      headers: { Cookie: host.cookie, ...options.headers },
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => reject(new Error('upgrade was accepted')));
    socket.on('error', () => undefined);
  });
}

const idsOf = (messages: Message[]) => messages.flatMap((m) => ('id' in m ? [m.id] : []));

describe('web host WebSocket', () => {
  it('answers app:info with the same envelope as /ipc', async () => {
    const client = await open();
    client.call(1, 'app:info');
    const [reply] = await client.until((m) => m.length === 1);
    expect(reply).toMatchObject({ id: 1, envelope: { ok: true } });
    expect(appInfo.parse((reply as { envelope: { value: unknown } }).envelope.value)).toMatchObject({ mode: 'web' });
    client.call(2, 'fs:read', '/etc/passwd');
    client.call(3, 'settings:set', { theme: 'neon' });
    await client.until((m) => m.length === 3);
    expect(client.messages.slice(1)).toEqual(
      expect.arrayContaining([
        { id: 2, envelope: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) }) },
        { id: 3, envelope: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_arguments' }) }) },
      ]),
    );
    client.socket.close();
  });

  it('runs calls concurrently and answers each as it finishes: a long-poll does not block', async () => {
    const client = await open();
    for (let i = 1; i <= 12; i++) client.call(i, 'sync:fetch', slowFetchRequest(600, i));
    client.call(100, 'app:info');
    client.call(101, 'sync:fetch', slowFetchRequest(0, 'fast'));
    const startedAt = Date.now();
    await client.until((m) => idsOf(m).includes(100) && idsOf(m).includes(101));
    expect(Date.now() - startedAt).toBeLessThan(400);
    expect(idsOf(client.messages)).toEqual(expect.arrayContaining([100, 101]));
    expect(idsOf(client.messages)).toHaveLength(2);

    await client.until((m) => idsOf(m).length === 14);
    const slow = client.messages.filter((m): m is Extract<Message, { id: number }> => 'id' in m && m.id <= 12);
    expect(slow.map((m) => m.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(slow.every((m) => m.envelope.ok)).toBe(true);
    client.socket.close();
  });

  it('pushes IPC events to every open socket', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    a.call(1, 'settings:set', { userName: 'Bia' });
    for (const client of [a, b]) {
      const messages = await client.until((m) => m.some((x) => 'event' in x));
      expect(messages.find((x) => 'event' in x)).toEqual({ event: 'settings:changed', payload: expect.objectContaining({ userName: 'Bia' }) });
    }
    a.socket.close();
    b.socket.close();
  });

  it('applies the /ipc size limit per channel without dropping the socket', async () => {
    const client = await open();
    client.call(1, 'settings:set', { userName: 'x'.repeat(10_000) });
    client.call(2, 'sync:fetch', { ...slowFetchRequest(0), method: 'POST', body: 'y'.repeat(10_000) });
    await client.until((m) => m.length === 2);
    expect(client.messages).toEqual(
      expect.arrayContaining([
        { id: 1, envelope: expect.objectContaining({ error: expect.objectContaining({ code: 'payload_too_large' }) }) },
        { id: 2, envelope: expect.objectContaining({ ok: true }) },
      ]),
    );
    client.socket.close();
  });

  it('answers the platform channels as web mode: the page opens links, shows reminders and downloads exports', async () => {
    const client = await open();
    client.call(1, 'shell:openExternal', 'tel:+55 (11) 3333-4444');
    client.call(2, 'shell:openExternal', 'javascript:alert(1)');
    client.call(3, 'notify:show', { activityId: 'act1', title: 'Ligar para Ana', body: '14:00' });
    client.call(4, 'notify:show', { activityId: 'act1', title: 'x'.repeat(500), body: '' });
    // An export is bigger than other calls (maxBodyBytes is 4096 here) and still gets its answer.
    client.call(5, 'export:save', { fileName: 'contas.csv', mimeType: 'text/csv', text: 'a;b\r\n'.repeat(20_000) });
    client.call(6, 'export:save', { fileName: 'contas.csv', mimeType: 'text/csv' });
    await client.until((m) => m.length === 6);
    const byId = Object.fromEntries(client.messages.map((m) => ('id' in m ? [m.id, m.envelope] : [])));
    expect(byId).toEqual({
      1: { ok: true, value: { opened: false, url: 'tel:+551133334444' } },
      2: { ok: false, error: expect.objectContaining({ code: 'external_url_refused' }) },
      3: { ok: true, value: { shown: false } },
      4: { ok: false, error: expect.objectContaining({ code: 'invalid_arguments' }) },
      5: { ok: true, value: { saved: false, reason: 'unsupported' } },
      6: { ok: false, error: expect.objectContaining({ code: 'invalid_arguments' }) },
    });
    client.socket.close();
  });

  it.each([
    ['not JSON', '{nope'],
    ['no id', JSON.stringify({ channel: 'app:info', args: [] })],
    ['an array', '[1, "app:info", []]'],
  ])('closes the socket on a malformed frame (%s)', async (_label, frame) => {
    const client = await open();
    client.socket.send(frame);
    expect(await client.closed).toBe(1008);
  });

  it('closes the socket on a binary frame', async () => {
    const client = await open();
    client.socket.send(Buffer.from('{"id":1,"channel":"app:info","args":[]}'));
    expect(await client.closed).toBe(1003);
  });

  it('uses the same frame limit as the renderer', () => {
    expect(MAX_MESSAGE_BYTES).toBe(DEFAULT_MAX_MESSAGE_BYTES);
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a foreign port in Origin', { origin: 'http://127.0.0.1:1' }],
    ['an Origin of "null"', { origin: 'null' }],
    ['no Origin', {}],
    ['a DNS-rebinding Host', { origin: 'http://evil.example:PORT', headers: { Host: 'evil.example:PORT' } }],
  ])('refuses the upgrade with 403 for %s', async (_label, options: { origin?: string; headers?: Record<string, string> }) => {
    const withPort = (s: string) => s.replace('PORT', String(port));
    const status = await refusedWith({
      origin: options.origin && withPort(options.origin),
      headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, withPort(v)])),
    });
    expect(status).toBe(403);
  });

  it('refuses upgrades on other paths with 404', async () => {
    expect(await refusedWith({ origin: `http://127.0.0.1:${port}`, path: '/events' })).toBe(404);
  });

  it('accepts localhost as Host and Origin', async () => {
    const client = await open({ origin: `http://localhost:${port}`, hostHeader: `localhost:${port}` });
    client.call(7, 'app:info');
    expect(await client.until((m) => m.length === 1)).toMatchObject([{ id: 7, envelope: { ok: true } }]);
    client.socket.close();
  });
});

describe('web host WebSocket lifecycle', () => {
  it('close() ends open sockets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-ws-close-'));
    const other = await startWebHost({ port: 0, dataDir: dir, rendererDir: dir });
    const otherPort = new URL(other.url).port;
    const socket = new WebSocket(`ws://127.0.0.1:${otherPort}/ws`, { origin: other.origin, headers: { Cookie: other.cookie } });
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await other.close();
    expect(await closed).toBe(1001);
    await rm(dir, { recursive: true, force: true });
  });
});
