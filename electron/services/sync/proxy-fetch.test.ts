import { describe, expect, it } from 'vitest';
import { IpcError, type SyncFetchRequest } from '../../../shared/ipc';
import type { FetchLike } from './fetch-text';
import { proxyFetch, type ProxyContext } from './proxy-fetch';

const SERVER = 'http://127.0.0.1:5984';
const DB_URL = `${SERVER}/acme-accounts/`;

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** A fake CouchDB that accepts only the current cookie and records every request. */
function fakeCouch(validCookie: { value: string }) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    seen.push({ url, method: init.method ?? 'GET', headers, body: (init.body as string | undefined) ?? null });
    if (headers.cookie !== validCookie.value) return new Response('{"error":"unauthorized"}', { status: 401, headers: { 'content-type': 'application/json' } });
    return new Response('{"db_name":"acme-accounts"}', {
      status: 200,
      headers: [
        ['content-type', 'application/json'],
        ['set-cookie', `${validCookie.value}; Path=/; HttpOnly`],
        ['x-couch-request-id', 'abc'],
      ],
    });
  };
  return { fetch, seen };
}

function context(fetch: FetchLike, overrides: Partial<ProxyContext> = {}) {
  const state = { cookie: 'AuthSession=old', renewals: 0 };
  const ticket = () => ({ cookie: state.cookie });
  const ctx: ProxyContext = {
    fetch,
    idleTimeoutMs: 1_000,
    target: async () => ({ url: SERVER, team: 'acme' }),
    session: async () => ticket(),
    renewSession: async () => {
      state.renewals++;
      state.cookie = 'AuthSession=new';
      return ticket();
    },
    refreshCookie: (_stale, fresh) => void (state.cookie = fresh),
    ...overrides,
  };
  return { ctx, state };
}

const get = (url = DB_URL, headers: Record<string, string> = {}): SyncFetchRequest => ({ url, method: 'GET', headers, body: null });

describe('proxyFetch', () => {
  it('adds the session cookie, strips Authorization and Cookie from the renderer, and hides Set-Cookie', async () => {
    const couch = fakeCouch({ value: 'AuthSession=old' });
    const { ctx } = context(couch.fetch);
    const response = await proxyFetch(
      ctx,
      get(DB_URL, {
        Authorization: 'Basic eDp5',
        Cookie: 'AuthSession=forged',
        Accept: 'application/json',
        Host: 'evil.example',
        Origin: 'https://evil.example',
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ db_name: 'acme-accounts' });
    expect(response.headers).toMatchObject({ 'content-type': 'application/json', 'x-couch-request-id': 'abc' });
    expect(Object.keys(response.headers)).not.toContain('set-cookie');
    expect(couch.seen).toHaveLength(1);
    expect(couch.seen[0]!.headers).toEqual({ accept: 'application/json', cookie: 'AuthSession=old' });
  });

  it('passes a POST body through', async () => {
    const couch = fakeCouch({ value: 'AuthSession=old' });
    const { ctx } = context(couch.fetch);
    const body = JSON.stringify({ docs: [{ _id: 'a' }] });
    await proxyFetch(ctx, { url: `${DB_URL}_bulk_docs`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(couch.seen[0]).toMatchObject({ method: 'POST', body, headers: { 'content-type': 'application/json' } });
  });

  it('on 401 signs in once and retries with the new cookie', async () => {
    const couch = fakeCouch({ value: 'AuthSession=new' });
    const { ctx, state } = context(couch.fetch);
    const response = await proxyFetch(ctx, get());
    expect(response.status).toBe(200);
    expect(state.renewals).toBe(1);
    expect(couch.seen.map((s) => s.headers.cookie)).toEqual(['AuthSession=old', 'AuthSession=new']);
  });

  it('re-authenticates only once: a second 401 goes back to the caller', async () => {
    const couch = fakeCouch({ value: 'AuthSession=never' });
    const { ctx, state } = context(couch.fetch);
    expect((await proxyFetch(ctx, get())).status).toBe(401);
    expect(state.renewals).toBe(1);
    expect(couch.seen).toHaveLength(2);
  });

  it('reports a failed re-authentication with its code', async () => {
    const couch = fakeCouch({ value: 'AuthSession=new' });
    const { ctx } = context(couch.fetch, { renewSession: () => Promise.reject(new IpcError('unauthorized')) });
    await expect(proxyFetch(ctx, get())).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('keeps a refreshed cookie that CouchDB sends on an ordinary response', async () => {
    const fetch: FetchLike = async () => new Response('{}', { status: 200, headers: { 'set-cookie': 'AuthSession=refreshed; Path=/; HttpOnly' } });
    const { ctx, state } = context(fetch);
    await proxyFetch(ctx, get());
    expect(state.cookie).toBe('AuthSession=refreshed');
  });

  it('refuses a URL outside the team before any request', async () => {
    const couch = fakeCouch({ value: 'AuthSession=old' });
    const { ctx } = context(couch.fetch);
    await expect(proxyFetch(ctx, get(`${SERVER}/_users/`))).rejects.toMatchObject({ code: 'forbidden_url' });
    expect(couch.seen).toEqual([]);
  });

  it('refuses a body on GET as invalid_arguments', async () => {
    const { ctx } = context(fakeCouch({ value: 'AuthSession=old' }).fetch);
    await expect(proxyFetch(ctx, { ...get(), body: '{}' })).rejects.toMatchObject({ code: 'invalid_arguments' });
  });

  it('aborts a silent server with timeout', async () => {
    const hanging: FetchLike = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const { ctx } = context(hanging, { idleTimeoutMs: 50 });
    await expect(proxyFetch(ctx, get())).rejects.toMatchObject({ code: 'timeout' });
  });

  it('aborts a body that stops arriving with timeout, but lets a slow one that keeps arriving finish', async () => {
    const streaming =
      (gapsMs: number[], stallAtEnd: boolean): FetchLike =>
      async (_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
            for (const gap of gapsMs) {
              await new Promise((r) => setTimeout(r, gap));
              controller.enqueue(new TextEncoder().encode('\n'));
            }
            if (!stallAtEnd) controller.close();
          },
        });
        return new Response(body, { status: 200 });
      };
    const { ctx: slowButAlive } = context(streaming([30, 30, 30, 30], false), { idleTimeoutMs: 80 });
    expect((await proxyFetch(slowButAlive, get())).body).toBe('\n\n\n\n');
    const { ctx: stalled } = context(streaming([30], true), { idleTimeoutMs: 80 });
    await expect(proxyFetch(stalled, get())).rejects.toMatchObject({ code: 'timeout' });
  });

  it('maps a network failure to unreachable', async () => {
    const refused: FetchLike = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5984') }));
    const { ctx } = context(refused);
    await expect(proxyFetch(ctx, get())).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
  });
});
