import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { checkDatabases } from '../../shared/couchdb/check-databases';
import { findFreePort } from '../../scripts/lib/pouchdb-server-process';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs a script the way `npm run` does (tsx), without npm in between so signals reach it. */
function spawnScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
}

function collect(child: ChildProcess): { output: () => string } {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return { output: () => text };
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`script still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function runScript(script: string, args: string[], timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  const child = spawnScript(script, args);
  const { output } = collect(child);
  const code = await exitOf(child, timeoutMs);
  return { code, output: output() };
}

async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output after ${timeoutMs} ms:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run provision', () => {
  let server: TestCouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  });
  afterAll(() => server?.stop());

  const base = () => ['--url', server.url, '--admin-user', server.adminAuth.user, '--admin-password', server.adminAuth.password, '--team', 'acme'];

  it('provisions, then reports nothing to change', async () => {
    const first = await runScript('scripts/provision.ts', [...base(), '--user', 'ana:se:nha:manager', '--user', 'cat:x:catalogue_admin,manager']);
    expect(first.output).toContain('created database acme-accounts');
    expect(first.output).toContain('created user ana');
    expect(first.code).toBe(0);
    const login = await couchRequest({ url: server.url, timeoutMs: 5_000 }, 'POST', '/_session', { name: 'ana', password: 'se:nha' });
    expect(login.status).toBe(200);

    const second = await runScript('scripts/provision.ts', [...base(), '--user', 'ana:se:nha:manager', '--user', 'cat:x:catalogue_admin,manager']);
    expect(second.output).toContain('Nothing to change');
    expect(second.code).toBe(0);
  });

  it('exits 1 with a clear reason when the server refuses or is unreachable', async () => {
    const wrong = await runScript('scripts/provision.ts', [...base().slice(0, 5), 'wrong', '--team', 'acme']);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/not a server admin/);
    const closedPort = await findFreePort();
    const unreachable = await runScript('scripts/provision.ts', [...base().slice(2), '--url', `http://127.0.0.1:${closedPort}`]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toMatch(/Cannot reach the CouchDB server/);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [
      [...base(), '--user', 'ana:senha:boss'],
      [...base().slice(0, 6), '--team', 'Acme!'],
      ['--team', 'acme'],
    ]) {
      const run = await runScript('scripts/provision.ts', args);
      expect(run.code, run.output).toBe(2);
      expect(run.output).toContain('Usage: npm run provision');
    }
  });
});

describe('npm run server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carteira-server-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startScript(port: number) {
    const child = spawnScript('scripts/server.ts', ['--port', String(port), '--data', dataDir, '--admin', 'root:root-pw']);
    const { output } = collect(child);
    await waitForOutput(output, /ready at|exited|failed/, 20_000);
    expect(output()).toContain(`ready at http://127.0.0.1:${port}`);
    return { child, output };
  }

  it('starts, provisions the demo team, stops on SIGINT and SIGTERM, and keeps its data', async () => {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const ana = { url, auth: { user: 'ana', password: 'ana-demo' }, timeoutMs: 5_000 };

    const first = await startScript(port);
    // 11 collections and the team's conflict log.
    expect(first.output()).toMatch(/Provisioned team demo: 12 database-created, 12 security-set, 12 design-doc-set, 3 user-created/);
    expect(first.output()).toMatch(/catalogo\s+\/ catalogo-demo\s+catalogue_admin/);
    expect(await checkDatabases(ana, 'demo')).toEqual([]);
    const put = await couchRequest(ana, 'PUT', '/demo-competitors/kept', {
      createdAt: 1,
      updatedAt: 1,
      updatedBy: 'ana',
      fieldTimes: {},
      name: 'X',
      nameSort: 'x',
      website: '',
      strengths: '',
      weaknesses: '',
      opportunities: '',
      threats: '',
      pricePositioning: 'similar',
      notes: [],
    });
    expect(put.status).toBe(201);
    first.child.kill('SIGINT');
    expect(await exitOf(first.child, 10_000)).toBe(0);
    await expect(fetch(`${url}/_up`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();

    const second = await startScript(port);
    expect(second.output()).toContain('Team demo already provisioned: nothing to change.');
    expect((await couchRequest(ana, 'GET', '/demo-competitors/kept')).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child, 10_000)).toBe(0);
    await expect(fetch(`${url}/_up`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  it('says so and exits 1 when the port is taken', async () => {
    const server = await startCouchServer();
    try {
      const port = new URL(server.url).port;
      const run = await runScript('scripts/server.ts', ['--port', port, '--data', join(dataDir, 'other')]);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/already in use/);
    } finally {
      await server.stop();
    }
  });
});
