import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest, type CouchClient } from '../../shared/couchdb/http';
import { startPouchDBServer } from '../../scripts/lib/pouchdb-server-process';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';

describe('startCouchServer', () => {
  let server: TestCouchServer;
  let admin: CouchClient;
  let anonymous: CouchClient;

  beforeAll(async () => {
    server = await startCouchServer();
    admin = { url: server.url, auth: server.adminAuth, timeoutMs: 5_000 };
    anonymous = { url: server.url, timeoutMs: 5_000 };
  });
  afterAll(() => server?.stop());

  it('listens on loopback and answers /_up like CouchDB', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const up = await couchRequest(anonymous, 'GET', '/_up');
    expect(up).toEqual({ status: 200, body: { status: 'ok', seeds: {} } });
  });

  it('has a server admin, so anonymous users are not admins (no "admin party")', async () => {
    const asAdmin = await couchRequest(admin, 'GET', '/_session');
    expect((asAdmin.body as { userCtx: { roles: string[] } }).userCtx.roles).toContain('_admin');
    const asNobody = await couchRequest(anonymous, 'GET', '/_session');
    expect((asNobody.body as { userCtx: { roles: string[] } }).userCtx.roles).toEqual([]);
    expect((await couchRequest(anonymous, 'GET', '/_config')).status).toBe(401);
  });

  it('refuses database creation to non-admins with 401 and keeps serving (stock 4.2 crashes here)', async () => {
    const attempt = await couchRequest(anonymous, 'PUT', '/not-allowed');
    expect(attempt.status).toBe(401);
    expect(attempt.body).toMatchObject({ error: 'unauthorized' });
    expect((await couchRequest(anonymous, 'GET', '/_up')).status).toBe(200);
    expect((await couchRequest(admin, 'GET', '/not-allowed')).status).toBe(404);
    expect((await couchRequest(admin, 'PUT', '/allowed')).status).toBe(201);
  });
});

describe('stop()', () => {
  it('ends the server and removes its folder; a second stop is harmless', async () => {
    const server = await startCouchServer({ admin: { user: 'root', password: 'pässwört' } });
    expect(existsSync(server.dataDir)).toBe(true);
    const session = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'GET', '/_session');
    expect(session.body).toMatchObject({ userCtx: { name: 'root', roles: ['_admin'] } });
    await server.stop();
    await server.stop();
    expect(existsSync(server.dataDir)).toBe(false);
    await expect(fetch(`${server.url}/_up`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  it('servers started together get distinct ports', async () => {
    const servers = await Promise.all([startCouchServer(), startCouchServer(), startCouchServer()]);
    try {
      expect(new Set(servers.map((s) => s.url)).size).toBe(3);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});

describe('startPouchDBServer', () => {
  it('fails fast on a taken port instead of mistaking the other server for its own', async () => {
    const other = await startCouchServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'carteira-taken-'));
    try {
      const started = Date.now();
      await expect(startPouchDBServer({ port: Number(new URL(other.url).port), dataDir, admin: { user: 'a', password: 'b' }, inMemory: true })).rejects.toThrow(
        /port already in use/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await other.stop();
    }
  });
});

describe('a test process that dies without stop()', () => {
  it('takes its server and temp folder with it', async () => {
    const { spawn } = await import('node:child_process');
    const script = `
      import { startCouchServer } from './tests/helpers/couch-server.ts';
      const server = await startCouchServer();
      console.log(JSON.stringify({ url: server.url, dataDir: server.dataDir }));
      setInterval(() => {}, 1000);
    `;
    const orphanParent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('helper did not start within 15 s')), 15_000);
      orphanParent.stdout!.once('data', (chunk: Buffer) => {
        clearTimeout(timer);
        resolve(JSON.parse(chunk.toString()) as { url: string; dataDir: string });
      });
    });
    expect((await fetch(`${started.url}/_up`, { signal: AbortSignal.timeout(2_000) })).status).toBe(200);
    orphanParent.kill('SIGKILL');

    const deadline = Date.now() + 5_000;
    let serverGone = false;
    while (Date.now() < deadline && !(serverGone && !existsSync(started.dataDir))) {
      serverGone = await fetch(`${started.url}/_up`, { signal: AbortSignal.timeout(500) }).then(
        () => false,
        () => true,
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(serverGone).toBe(true);
    expect(existsSync(started.dataDir)).toBe(false);
  });
});
