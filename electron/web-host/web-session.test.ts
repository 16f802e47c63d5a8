/**
 * The web host's secret (issue 9, "Trust"): any local program could use the signed-in session by
 * sending the right Origin, Host and bridge headers. Only the holder of the printed link may now.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlowSyncServices, slowFetchRequest } from '../../tests/helpers/slow-sync-services';
import { firstChunk, rawRequest, upgrade } from '../../tests/helpers/http-client';
import { RESPONSE_CONTENT_SECURITY_POLICY } from '../main/csp';
import { pickLocale } from './unauthorized-page';
import { startWebHost, type WebHost } from './web-host';
import { readTokenInUrl, tokensMatch } from './web-session';

let base: string;
let rendererDir: string;
let host: WebHost;
let port: number;
let services: ReturnType<typeof createSlowSyncServices>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carteira-session-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Carteira app shell</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export const build = "abc123"');
  services = createSlowSyncServices(join(base, 'data'));
  host = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir, services });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

/** What the report's curl sent: our own Origin and Host, the bridge header, a sync:fetch body. */
const curlHeaders = () => ({ Origin: `http://127.0.0.1:${port}`, 'x-carteira-bridge': '1', 'Content-Type': 'application/json' });
const syncFetchBody = JSON.stringify({ args: [slowFetchRequest(0, 'stolen')] });

describe('a local program without the link (the reported curl)', () => {
  it('gets 401 on /ipc/sync:fetch and the CouchDB session is never used', async () => {
    const before = services.fetchesStarted();
    const reply = await rawRequest(port, { method: 'POST', path: '/ipc/sync:fetch', headers: curlHeaders(), body: syncFetchBody });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toEqual({ ok: false, error: { code: 'web_session_required', message: expect.any(String) } });
    expect(reply.text).not.toContain('stolen');
    expect(services.fetchesStarted()).toBe(before);
  });

  it('gets 401 on /events and no event stream', async () => {
    const reply = await firstChunk(port, '/events', { Origin: `http://127.0.0.1:${port}`, Accept: 'text/event-stream' });
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });

  it('gets its WebSocket upgrade refused with 401', async () => {
    expect(await upgrade(port, { Origin: `http://127.0.0.1:${port}` })).toEqual({ status: 401 });
  });

  it.each([
    ['a guessed cookie', () => `carteira-token-${port}=${'A'.repeat(43)}`],
    ['the token under another name', () => `token=${host.token}`],
    ['the cookie of a host on another port', () => `carteira-token-${port + 1}=${host.token}`],
    ['an empty cookie', () => `carteira-token-${port}=`],
  ])('is refused with %s', async (_label, cookie) => {
    const before = services.fetchesStarted();
    const headers = { ...curlHeaders(), Cookie: cookie() };
    expect((await rawRequest(port, { method: 'POST', path: '/ipc/sync:fetch', headers, body: syncFetchBody })).status).toBe(401);
    expect((await upgrade(port, headers)).status).toBe(401);
    expect(services.fetchesStarted()).toBe(before);
  });

  it('the same request with this launch cookie goes through (the guard is the cookie, nothing else)', async () => {
    const before = services.fetchesStarted();
    const reply = await rawRequest(port, { method: 'POST', path: '/ipc/sync:fetch', headers: { ...curlHeaders(), Cookie: host.cookie }, body: syncFetchBody });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true });
    expect(services.fetchesStarted()).toBe(before + 1);
    const socket = await upgrade(port, { Origin: `http://127.0.0.1:${port}`, Cookie: `other=1; ${host.cookie}` });
    expect(socket.status).toBe('open');
    if ('socket' in socket) socket.socket.close();
  });
});

describe('the printed link', () => {
  it('carries a random secret of at least 128 bits, new at every launch', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const other = await startWebHost({ port: 0, dataDir: join(base, 'data-other'), rendererDir, services: createSlowSyncServices(join(base, 'data-other')) });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and redirects to the address without it', async () => {
    const reply = await rawRequest(port, { path: `/?token=${host.token}` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
    const [cookie] = reply.headers['set-cookie'] ?? [];
    const attributes = (cookie ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toBe(host.cookie.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    // The browser then loads the app with the cookie.
    const app = await rawRequest(port, { path: '/', headers: { Cookie: cookie!.split(';')[0]! } });
    expect(app.status).toBe(200);
    expect(app.text).toContain('Carteira app shell');
  });

  it('keeps the path and the other parameters when dropping the token', async () => {
    expect((await rawRequest(port, { path: `/bench/index.html?size=S&token=${host.token}&x=%C3%A1` })).headers.location).toBe(
      '/bench/index.html?size=S&x=%C3%A1',
    );
  });

  it.each(['//evil.example/', '/\\evil.example/', '/%0d%0aSet-Cookie:x=1'])('never redirects off the host (%s)', async (path) => {
    const reply = await rawRequest(port, { path: `${path}?token=${host.token}` });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toMatch(/^\/(?![/\\])/);
    expect(reply.headers['set-cookie']).toHaveLength(1);
  });

  it('an old link (wrong token) gets the 401 page saying so, and no cookie', async () => {
    const reply = await rawRequest(port, { path: `/?token=${'x'.repeat(43)}` });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.text).toContain('Este link não vale mais');
  });
});

describe('static files without the cookie', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/accounts/42', '/favicon.ico'])('answer %s with the 401 page, not the app', async (path) => {
    const reply = await rawRequest(port, { path });
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.text).not.toContain('Carteira app shell');
    expect(reply.text).not.toContain('abc123');
    expect(reply.text).toContain('Abra o Carteira pelo link do terminal');
    expect(reply.text).toContain('npm run web');
  });

  it('speak the browser language: pt-BR by default, pt-PT and English when asked', async () => {
    const page = (lang?: string) => rawRequest(port, { path: '/', headers: lang ? { 'Accept-Language': lang } : {} });
    expect((await page()).headers['content-language']).toBe('pt-BR');
    const pt = await page('pt-PT,pt;q=0.9');
    expect(pt.text).toContain('<html lang="pt-PT">');
    expect(pt.text).toContain('Abra o Carteira pela ligação do terminal');
    const en = await page('en-US,en;q=0.9');
    expect(en.text).toContain('Open Carteira from the link in the terminal');
  });

  it('cannot be framed', async () => {
    const reply = await rawRequest(port, { path: '/' });
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['content-security-policy']).toBe(RESPONSE_CONTENT_SECURITY_POLICY);
  });
});

describe('framing', () => {
  it('every kind of answer says X-Frame-Options: DENY, and the app shell sends frame-ancestors none', async () => {
    const signedIn = { Cookie: host.cookie };
    const app = await rawRequest(port, { path: '/', headers: signedIn });
    expect(app.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const answers = [
      app,
      await rawRequest(port, { path: '/assets/app.js', headers: signedIn }),
      await rawRequest(port, { path: '/assets/missing.js', headers: signedIn }),
      await rawRequest(port, { method: 'POST', path: '/ipc/app:info', headers: { ...curlHeaders(), ...signedIn }, body: '{"args":[]}' }),
      await rawRequest(port, { method: 'POST', path: '/ipc/app:info', headers: { Origin: 'https://evil.example' } }),
      await rawRequest(port, { path: `/?token=${host.token}` }),
      await firstChunk(port, '/events', signedIn),
    ];
    for (const answer of answers) expect(answer.headers['x-frame-options']).toBe('DENY');
  });
});

describe('a token given by the environment (CARTEIRA_WEB_TOKEN)', () => {
  it('is used as given', async () => {
    const token = 'f3a1c09e7b2d4e6f8a0b1c2d3e4f5a6b';
    const fixed = await startWebHost({
      port: 0,
      dataDir: join(base, 'data-env'),
      rendererDir,
      services: createSlowSyncServices(join(base, 'data-env')),
      token,
    });
    expect(fixed.url).toBe(`${fixed.origin}/?token=${token}`);
    expect((await rawRequest(Number(new URL(fixed.origin).port), { path: '/', headers: { Cookie: fixed.cookie } })).status).toBe(200);
    await fixed.close();
  });

  it.each(['short', 'a'.repeat(31), `${'a'.repeat(32)} `, `${'a'.repeat(32)};x=1`])('is refused when weak or unsafe in a cookie (%j)', async (token) => {
    await expect(startWebHost({ port: 0, dataDir: join(base, 'data-bad'), rendererDir, services, token })).rejects.toThrow(/CARTEIRA_WEB_TOKEN/);
  });
});

describe('session helpers', () => {
  it('tokensMatch compares whole values of any length', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
  });

  it('readTokenInUrl wants every token parameter right', () => {
    expect(readTokenInUrl('/?x=1', 't'.repeat(43))).toEqual({ kind: 'none' });
    expect(readTokenInUrl(`/?token=${'t'.repeat(43)}&token=nope`, 't'.repeat(43))).toEqual({ kind: 'wrong' });
    expect(readTokenInUrl(`/?token=${'t'.repeat(43)}`, 't'.repeat(43))).toEqual({ kind: 'valid', location: '/' });
  });

  it('pickLocale follows the quality order and falls back to pt-BR', () => {
    expect(pickLocale(undefined)).toBe('pt-BR');
    expect(pickLocale('de-DE, fr;q=0.8')).toBe('pt-BR');
    expect(pickLocale('en;q=0.5, pt-PT;q=0.9')).toBe('pt-PT');
    expect(pickLocale('pt')).toBe('pt-BR');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('pt-PT;q=0, en')).toBe('en');
  });
});
