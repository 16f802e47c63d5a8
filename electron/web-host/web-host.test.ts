import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appInfo, appSettings } from '../../shared/ipc';
import { RESPONSE_CONTENT_SECURITY_POLICY } from '../main/csp';
import { startWebHost, type WebHost } from './web-host';
import { checkOrigin, webDataDir } from './request-guard';

let base: string;
let host: WebHost;
let port: number;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'carteira-web-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Carteira</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  host = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir, maxBodyBytes: 4096 });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/** node:http rather than fetch: fetch refuses to set Host, which the guard tests need. Signed in (this launch's cookie) unless told otherwise. */
function send(method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, Cookie: host.cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bridgeHeaders = { 'Content-Type': 'application/json', 'X-Carteira-Bridge': '1' };
const ipc = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
  send('POST', `/ipc/${encodeURIComponent(channel)}`, { headers: { ...bridgeHeaders, ...headers }, body: JSON.stringify({ args }) });

describe('web host IPC', () => {
  it('binds to loopback and answers app:info in web mode', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    const reply = await ipc('app:info', []);
    expect(reply.status).toBe(200);
    const envelope = reply.json() as { ok: true; value: unknown };
    expect(envelope.ok).toBe(true);
    expect(appInfo.parse(envelope.value)).toMatchObject({ mode: 'web', userDataDir: join(base, 'data') });
  });

  it('sets and gets settings, persisting them in the data dir', async () => {
    const set = await ipc('settings:set', [{ userName: 'Ana', locale: 'en' }]);
    expect(set.json()).toMatchObject({ ok: true, value: { userName: 'Ana', locale: 'en' } });
    const got = (await ipc('settings:get', [])).json() as { ok: true; value: unknown };
    expect(appSettings.parse(got.value)).toMatchObject({ userName: 'Ana', locale: 'en' });
    expect(JSON.parse(await readFile(join(base, 'data', 'settings.json'), 'utf8'))).toMatchObject({ userName: 'Ana' });
  });

  it('accepts the unencoded channel and localhost as Host', async () => {
    const reply = await send('POST', '/ipc/settings:get', {
      headers: { ...bridgeHeaders, Host: `localhost:${port}`, Origin: `http://localhost:${port}` },
      body: '{"args":[]}',
    });
    expect(reply.json()).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong type', [{ theme: 'neon' }]],
    ['the device id', [{ deviceId: 'forged' }]],
    ['missing arguments', []],
  ])('answers invalid_arguments for %s', async (_label, args) => {
    expect((await ipc('settings:set', args)).json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('answers invalid_arguments for a body that is not JSON or has non-array args', async () => {
    const notJson = await send('POST', '/ipc/settings:get', { headers: bridgeHeaders, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    const notArray = await send('POST', '/ipc/settings:set', { headers: bridgeHeaders, body: '{"args":{"theme":"dark"}}' });
    expect(notArray.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('answers unknown_channel for a channel outside the contract', async () => {
    expect((await ipc('fs:read', ['/etc/passwd'])).json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect((await send('POST', '/ipc/%E0%A4%A', { headers: bridgeHeaders })).json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a foreign Origin with 403 and does not run the call', async () => {
    const reply = await ipc('settings:set', [{ userName: 'Mallory' }], { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect((await ipc('settings:get', [])).json()).not.toMatchObject({ value: { userName: 'Mallory' } });
  });

  it.each([`evil.example:${'PORT'}`, 'evil.example', '127.0.0.1:1'])('refuses a DNS-rebinding Host %s with 403', async (badHost) => {
    const reply = await ipc('app:info', [], { Host: badHost.replace('PORT', String(port)) });
    expect(reply.status).toBe(403);
  });

  it('refuses an Origin of "null" (sandboxed frames, file://)', async () => {
    expect((await ipc('app:info', [], { Origin: 'null' })).status).toBe(403);
  });

  it('refuses /ipc without the bridge header with 403', async () => {
    const reply = await send('POST', '/ipc/app:info', { headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses GET on /ipc', async () => {
    expect((await send('GET', '/ipc/app:info', { headers: bridgeHeaders })).status).toBe(405);
  });

  it('answers 413 to a body over the limit and keeps serving', async () => {
    const big = JSON.stringify({ args: [{ userName: 'x'.repeat(10_000) }] });
    const reply = await send('POST', '/ipc/settings:set', { headers: bridgeHeaders, body: big });
    expect(reply.status).toBe(413);
    expect((await ipc('app:info', [])).status).toBe(200);
  });

  it('answers export:save over /ipc with a body above the general limit, and refuses one above its own', async () => {
    const text = 'Razão social;Cidade\r\n'.repeat(2_000);
    expect((await ipc('export:save', [{ fileName: 'contas.csv', mimeType: 'text/csv', text }])).json()).toEqual({
      ok: true,
      value: { saved: false, reason: 'unsupported' },
    });
    const small = await startWebHost({ port: 0, dataDir: join(base, 'data-export'), rendererDir: base, maxBodyBytes: 4096, maxExportBodyBytes: 8192 });
    const reply = await fetch(`${small.origin}/ipc/export:save`, {
      method: 'POST',
      headers: { ...bridgeHeaders, Cookie: small.cookie },
      body: JSON.stringify({ args: [{ fileName: 'a.csv', mimeType: 'text/csv', text: 'x'.repeat(9_000) }] }),
    });
    expect(reply.status).toBe(413);
    await small.close();
  });

  it('answers shell:openExternal and notify:show over /ipc as web mode', async () => {
    expect((await ipc('shell:openExternal', ['mailto:ana@empresa.com.br?subject=Proposta'])).json()).toEqual({
      ok: true,
      value: { opened: false, url: 'mailto:ana@empresa.com.br?subject=Proposta' },
    });
    expect((await ipc('shell:openExternal', ['file:///etc/passwd'])).json()).toMatchObject({ ok: false, error: { code: 'external_url_refused' } });
    expect((await ipc('notify:show', [{ activityId: 'a1', title: 'Ligar', body: '' }])).json()).toEqual({ ok: true, value: { shown: false } });
  });

  it('cuts off a body announced far over the limit without reading it', async () => {
    const huge = 'x'.repeat(64 * 1024);
    await expect(send('POST', '/ipc/settings:set', { headers: { ...bridgeHeaders, 'Content-Length': String(huge.length) }, body: huge })).rejects.toThrow();
    expect((await ipc('app:info', [])).status).toBe(200);
  });
});

describe('web host events', () => {
  it('streams settings:changed to /events after a set', async () => {
    const received = new Promise<{ status: number; contentType: string | undefined; text: string }>((resolvePromise, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/events', headers: { Accept: 'text/event-stream', Cookie: host.cookie } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) void ipc('settings:set', [{ theme: 'dark', userName: 'Bia' }]);
          if (/event: settings:changed\ndata: .*\n\n/.test(text)) {
            resolvePromise({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text });
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const { status, contentType, text } = await received;
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    const data = /event: settings:changed\ndata: (.*)\n/.exec(text)?.[1];
    expect(appSettings.parse(JSON.parse(data ?? 'null'))).toMatchObject({ theme: 'dark', userName: 'Bia' });
  });

  it('refuses /events from a foreign origin', async () => {
    expect((await send('GET', '/events', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('web host static files', () => {
  it('serves the renderer with the CSP header', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>Carteira</title>');
    expect(index.headers['content-security-policy']).toBe(RESPONSE_CONTENT_SECURITY_POLICY);
    const js = await send('GET', '/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('GET', '/accounts/42')).text).toContain('<title>Carteira</title>');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/assets/missing.js'])(
    'answers 404 for %s',
    async (path) => {
      const reply = await send('GET', path);
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain('do not serve');
    },
  );

  it('refuses other methods on static paths', async () => {
    expect((await send('DELETE', '/index.html')).status).toBe(405);
  });
});

describe('request guards', () => {
  it('checkOrigin lets only our loopback origin through', () => {
    expect(checkOrigin({ host: '127.0.0.1:5180' }, 5180)).toEqual({ ok: true });
    expect(checkOrigin({ host: 'LOCALHOST:5180', origin: 'http://localhost:5180' }, 5180)).toEqual({ ok: true });
    expect(checkOrigin({ host: '127.0.0.1:5180', origin: 'http://127.0.0.1:5181' }, 5180).ok).toBe(false);
    expect(checkOrigin({ host: '127.0.0.1:5180', origin: 'https://127.0.0.1:5180' }, 5180).ok).toBe(false);
    expect(checkOrigin({}, 5180).ok).toBe(false);
  });

  it('webDataDir uses CARTEIRA_DATA_DIR or ./.carteira-data', () => {
    expect(webDataDir({ CARTEIRA_DATA_DIR: '/srv/data' }, '/repo', resolve)).toBe(resolve('/srv/data'));
    expect(webDataDir({ CARTEIRA_DATA_DIR: 'rel' }, '/repo', resolve)).toBe(resolve('/repo/rel'));
    expect(webDataDir({}, '/repo', resolve)).toBe(resolve('/repo/.carteira-data'));
    expect(webDataDir({ CARTEIRA_DATA_DIR: '  ' }, '/repo', resolve)).toBe(resolve('/repo/.carteira-data'));
  });
});

describe('startWebHost lifecycle', () => {
  it('reports a busy port instead of hanging, and close() ends open event streams', async () => {
    await expect(startWebHost({ port, dataDir: join(base, 'data2'), rendererDir: base })).rejects.toThrow(/EADDRINUSE/);
    const other = await startWebHost({ port: 0, dataDir: join(base, 'data3'), rendererDir: base });
    const otherPort = Number(new URL(other.url).port);
    const ended = new Promise<void>((resolvePromise) => {
      httpRequest({ host: '127.0.0.1', port: otherPort, path: '/events', headers: { Host: `127.0.0.1:${otherPort}`, Cookie: other.cookie } }, (res) => {
        res.once('data', () => void other.close());
        res.on('end', resolvePromise);
        res.on('error', () => resolvePromise());
        res.resume();
      }).end();
    });
    await expect(ended).resolves.toBeUndefined();
  });
});
