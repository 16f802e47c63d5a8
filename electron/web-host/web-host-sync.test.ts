import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFetchResponse, syncStatus } from '../../shared/ipc';
import { provision } from '../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../../tests/helpers/couch-server';
import { startWebHost, type WebHost } from './web-host';

const ANA = { name: 'ana', password: 'senha-da-ana', roles: ['manager' as const] };

let couch: TestCouchServer;
let host: WebHost;
let base: string;

beforeAll(async () => {
  couch = await startCouchServer();
  await provision({ url: couch.url, adminUser: couch.adminAuth.user, adminPassword: couch.adminAuth.password, team: 'acme', users: [ANA] });
  base = await mkdtemp(join(tmpdir(), 'carteira-web-sync-'));
  host = await startWebHost({ port: 0, dataDir: join(base, 'data'), rendererDir: base });
});
afterAll(async () => {
  await host?.close();
  await couch?.stop();
  await rm(base, { recursive: true, force: true });
});

/** The web bridge's call: POST /ipc/<channel> with {args} and the bridge header. */
async function ipc(channel: string, ...args: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const response = await fetch(`${host.origin}/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Carteira-Bridge': '1', Cookie: host.cookie },
    body: JSON.stringify({ args }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

describe('web host sync', () => {
  it('configures, signs in and round-trips sync:fetch to CouchDB, with the password in memory only', async () => {
    expect(await ipc('sync:setConfig', { url: couch.url, team: 'acme', user: 'ana' })).toMatchObject({ ok: true });
    expect(await ipc('sync:signIn', { password: ANA.password })).toMatchObject({
      ok: true,
      value: { ok: true, user: 'ana', roles: expect.arrayContaining(['team:acme']) },
    });

    const reply = await ipc('sync:fetch', { url: `${couch.url}/acme-accounts/`, method: 'GET', headers: { Accept: 'application/json' }, body: null });
    expect(reply.ok).toBe(true);
    const response = syncFetchResponse.parse(reply.value);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ db_name: 'acme-accounts' });
    expect(JSON.stringify(reply)).not.toContain('AuthSession');

    const status = await ipc('sync:status');
    expect(syncStatus.parse(status.value)).toMatchObject({ signedIn: true, credentialsPersistent: false, credentialsStored: true });
    // Only the server settings reach the disk; no file in the data folder holds the password.
    const files = await readdir(join(base, 'data'));
    expect(files).toContain('sync-server.json');
    for (const file of files) expect(await readFile(join(base, 'data', file), 'utf8')).not.toContain(ANA.password);
  });

  it('refuses a URL outside the team through the host too', async () => {
    expect(await ipc('sync:fetch', { url: `${couch.url}/_users/_all_docs`, method: 'GET', headers: {}, body: null })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_url' },
    });
  });

  it('accepts a replication batch over the general /ipc body limit', async () => {
    const docs = Array.from({ length: 2_000 }, (_, i) => ({ id: `bulk-${i}`, padding: 'x'.repeat(600) }));
    const body = JSON.stringify({ docs });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const big = await ipc('sync:fetch', { url: `${couch.url}/acme-accounts/_bulk_get`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    // The server's verdict on the content does not matter here; the host let the large body through.
    expect(big.ok).toBe(true);
  });
});
