import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../../scripts/lib/provision';
import { couchRequest } from '../../../shared/couchdb/http';
import { findFreePort } from '../../../scripts/lib/pouchdb-server-process';
import { startCouchServer, type TestCouchServer } from '../../../tests/helpers/couch-server';
import { createMemoryCredentialStore, type CredentialStore } from './credential-store';
import type { FetchLike } from './fetch-text';
import { createSyncService, type SyncService } from './sync-service';
import { accountAsPushed } from '../../../tests/couchdb/fixtures';

const ANA = { name: 'ana', password: 'ana-pässword', roles: ['manager' as const] };
const BRUNO = { name: 'bruno', password: 'bruno-password', roles: [] };

let couch: TestCouchServer;
const dirs: string[] = [];

beforeAll(async () => {
  couch = await startCouchServer();
  const admin = { url: couch.url, adminUser: couch.adminAuth.user, adminPassword: couch.adminAuth.password };
  await provision({ ...admin, team: 'acme', users: [ANA] });
  // A second team, so "another team's database" exists and is really there to be refused.
  await provision({ ...admin, team: 'beta', users: [BRUNO] });
});
afterAll(async () => {
  await couch?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const services: SyncService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
});

/**
 * A fetch that counts sign-ins and, once `expired` is set, spoils every cookie until the next
 * sign-in, as if the server had expired the session.
 */
function instrumentedFetch() {
  const spy = {
    sessionPosts: 0,
    expired: false,
    fetch: (async (url, init) => {
      const headers = { ...((init.headers ?? {}) as Record<string, string>) };
      if (url.endsWith('/_session') && init.method === 'POST') {
        spy.sessionPosts++;
        spy.expired = false;
      } else if (spy.expired && headers.cookie) {
        headers.cookie = 'AuthSession=expired';
      }
      return fetch(url, { ...init, headers });
    }) as FetchLike,
  };
  return spy;
}

async function newService({
  team = 'acme',
  user = ANA.name,
  credentials = createMemoryCredentialStore(),
  fetch,
  dir,
}: { team?: string; user?: string; credentials?: CredentialStore; fetch?: FetchLike; dir?: string } = {}) {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'carteira-sync-')));
  dirs.push(folder);
  const service = createSyncService({
    dir: folder,
    credentials,
    fetch,
    warn: () => undefined,
    timeouts: { signInMs: 5_000, probeMs: 2_000, proxyIdleMs: 5_000 },
  });
  services.push(service);
  await service.setConfig({ url: `${couch.url}/`, team, user });
  return { service, dir: folder, credentials };
}

const get = (url: string) => ({ url, method: 'GET' as const, headers: { accept: 'application/json' }, body: null });

describe('sync service against pouchdb-server', () => {
  it('signs in with _session and reports the roles; status shows the session but never the cookie', async () => {
    const { service } = await newService();
    expect(await service.signIn(ANA.password)).toEqual({ ok: true, user: 'ana', roles: expect.arrayContaining(['team:acme', 'acme:manager']) });
    const status = await service.status();
    expect(status).toMatchObject({
      configured: true,
      url: couch.url,
      team: 'acme',
      user: 'ana',
      signedIn: true,
      credentialsStored: true,
      credentialsPersistent: false,
    });
    expect(JSON.stringify(status)).not.toContain('AuthSession');
    expect(JSON.stringify(status)).not.toContain(ANA.password);
  });

  it('answers unauthorized to a wrong password and keeps nothing', async () => {
    const { service } = await newService();
    await expect(service.signIn('wrong')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await service.status()).toMatchObject({ signedIn: false, credentialsStored: false });
    await expect(service.fetch(get(`${couch.url}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('answers missing_databases for a team that was never provisioned', async () => {
    const { service } = await newService({ team: 'gamma' });
    await expect(service.signIn(ANA.password)).rejects.toMatchObject({ code: 'missing_databases', message: expect.stringContaining('gamma-accounts') });
    expect((await service.status()).signedIn).toBe(false);
  });

  it('signs in to a server provisioned before the team conflict log existed (its data still syncs)', async () => {
    const admin = { url: couch.url, auth: couch.adminAuth, timeoutMs: 5_000 };
    await provision({ url: couch.url, adminUser: couch.adminAuth.user, adminPassword: couch.adminAuth.password, team: 'older', users: [ANA] });
    expect((await couchRequest(admin, 'DELETE', '/older-conflicts')).status).toBe(200);
    const { service } = await newService({ team: 'older' });
    expect(await service.signIn(ANA.password)).toMatchObject({ ok: true, user: 'ana' });
  });

  it("answers not_team_member when the user may not read the team's databases", async () => {
    const { service } = await newService({ team: 'beta' });
    await expect(service.signIn(ANA.password)).rejects.toMatchObject({ code: 'not_team_member' });
  });

  it('answers unreachable when nothing listens at the server address', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'carteira-sync-'));
    dirs.push(folder);
    const service = createSyncService({ dir: folder, credentials: createMemoryCredentialStore(), warn: () => undefined });
    await service.setConfig({ url: `http://127.0.0.1:${await findFreePort()}`, team: 'acme', user: 'ana' });
    await expect(service.signIn(ANA.password)).rejects.toMatchObject({ code: 'unreachable' });
  });

  it("proxies a GET of the team's database with the session", async () => {
    const { service } = await newService();
    await service.signIn(ANA.password);
    const response = await service.fetch(get(`${couch.url}/acme-accounts/`));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ db_name: 'acme-accounts' });
    expect(response.headers).not.toHaveProperty('set-cookie');
  });

  it('writes through the proxy and the server enforces its own rules (products are catalogue-admin only)', async () => {
    const { service } = await newService();
    await service.signIn(ANA.password);
    const account = accountAsPushed();
    const put = (db: string, doc: Record<string, unknown>) =>
      service.fetch({
        url: `${couch.url}/${db}/${String(doc._id)}`,
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
    const written = await put('acme-accounts', account);
    expect(written.status).toBe(201);
    expect(JSON.parse(written.body)).toMatchObject({ ok: true, id: account._id });
    const refused = await put('acme-products', { _id: 'product-1', name: 'x' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'forbidden' });
  });

  it.each([
    ['another host', 'http://localhost:PORT/acme-accounts/'],
    ['another port', 'http://127.0.0.1:1/acme-accounts/'],
    ['another scheme', 'https://127.0.0.1:PORT/acme-accounts/'],
    ['.. out of the server', 'SERVER/../_users'],
    ['.. out of a database', 'SERVER/acme-accounts/../_users/_all_docs'],
    ['_users', 'SERVER/_users/org.couchdb.user:ana'],
    ['_all_dbs', 'SERVER/_all_dbs'],
    ["another team's database", 'SERVER/beta-accounts/'],
    ['userinfo', 'http://admin:admin-test-password@127.0.0.1:PORT/acme-accounts/'],
  ])('refuses %s with forbidden_url', async (_label, template) => {
    const { service } = await newService();
    await service.signIn(ANA.password);
    const url = template.replace('SERVER', couch.url).replace('PORT', new URL(couch.url).port);
    await expect(service.fetch(get(url))).rejects.toMatchObject({ code: 'forbidden_url' });
  });

  it('signs in again once when the session expired, then succeeds', async () => {
    const spy = instrumentedFetch();
    const { service } = await newService({ fetch: spy.fetch });
    await service.signIn(ANA.password);
    expect(spy.sessionPosts).toBe(1);
    spy.expired = true;
    const response = await service.fetch(get(`${couch.url}/acme-accounts/`));
    expect(response.status).toBe(200);
    expect(spy.sessionPosts).toBe(2);
  });

  it('shares one re-sign-in among concurrent requests that hit the expired session', async () => {
    const spy = instrumentedFetch();
    const { service } = await newService({ fetch: spy.fetch });
    await service.signIn(ANA.password);
    spy.expired = true;
    const urls = ['accounts', 'contacts', 'deals', 'orders'].map((c) => `${couch.url}/acme-${c}/`);
    const responses = await Promise.all(urls.map((u) => service.fetch(get(u))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(spy.sessionPosts).toBe(2);
  });

  it('after a restart, signs in by itself with the stored password', async () => {
    const credentials = createMemoryCredentialStore();
    const spy = instrumentedFetch();
    const { service, dir } = await newService({ credentials, fetch: spy.fetch });
    await service.signIn(ANA.password);
    service.stop();
    const restarted = createSyncService({ dir, credentials, fetch: spy.fetch, warn: () => undefined });
    services.push(restarted);
    expect(await restarted.getConfig()).toEqual({ url: couch.url, team: 'acme', user: 'ana' });
    expect(await restarted.status()).toMatchObject({ signedIn: false, credentialsStored: true });
    expect((await restarted.fetch(get(`${couch.url}/acme-accounts/`))).status).toBe(200);
    expect(await restarted.status()).toMatchObject({ signedIn: true, roles: expect.arrayContaining(['team:acme']) });
  });

  it('signOut forgets session and password; changing the user does too, changing the team does not', async () => {
    const { service, credentials } = await newService();
    await service.signIn(ANA.password);
    await service.setConfig({ url: couch.url, team: 'beta', user: 'ana' });
    expect(await service.status()).toMatchObject({ signedIn: true, team: 'beta' });
    await service.setConfig({ url: couch.url, team: 'acme', user: 'bruno' });
    expect(await service.status()).toMatchObject({ signedIn: false, credentialsStored: false });
    expect(await credentials.get(`ana@${couch.url}`)).toBeNull();

    await service.setConfig({ url: couch.url, team: 'acme', user: 'ana' });
    await service.signIn(ANA.password);
    await service.signOut();
    expect(await service.status()).toMatchObject({ signedIn: false, credentialsStored: false });
    await expect(service.fetch(get(`${couch.url}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  /**
   * A fetch whose sign-ins (POST /_session) wait until released, as a slow server's would. The
   * other server is the same pouchdb-server spelled `localhost`: a session of the first, sent
   * there, would be accepted, so a stale one brought back would show.
   */
  function slowSignIns() {
    const held: (() => void)[] = [];
    const slow = { hold: false, posts: 0 };
    const fetchFn: FetchLike = async (url, init) => {
      if (url.endsWith('/_session') && init.method === 'POST') {
        slow.posts++;
        if (slow.hold) await new Promise<void>((resolve) => held.push(resolve));
      }
      return fetch(url, init);
    };
    return { slow, fetch: fetchFn, release: () => held.splice(0).forEach((r) => r()) };
  }
  const otherServer = () => couch.url.replace('127.0.0.1', 'localhost');

  it('a sign-in in flight when the server changes does not bring its session or password to the new server', async () => {
    const { slow, fetch: slowFetch, release } = slowSignIns();
    const { service, credentials } = await newService({ fetch: slowFetch });
    slow.hold = true;
    const signingIn = service.signIn(ANA.password);
    await expect.poll(() => slow.posts).toBe(1);
    await service.setConfig({ url: otherServer(), team: 'acme', user: 'ana' });
    release();
    await expect(signingIn).rejects.toMatchObject({ code: 'not_signed_in' });

    expect(await service.status()).toMatchObject({ url: otherServer(), signedIn: false, credentialsStored: false });
    expect(await credentials.get(`ana@${couch.url}`)).toBeNull();
    expect(await credentials.get(`ana@${otherServer()}`)).toBeNull();
    slow.hold = false;
    await expect(service.fetch(get(`${otherServer()}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('a re-sign-in in flight when the server changes does not bring the old session or password to the new server', async () => {
    const { slow, fetch: slowFetch, release } = slowSignIns();
    let expired = false;
    const spoiling: FetchLike = (url, init) => {
      const headers = { ...((init.headers ?? {}) as Record<string, string>) };
      if (expired && headers.cookie) headers.cookie = 'AuthSession=expired';
      return slowFetch(url, { ...init, headers });
    };
    const { service } = await newService({ fetch: spoiling });
    await service.signIn(ANA.password);
    expired = true;
    slow.hold = true;
    // The session expired: the proxied request signs in again with the kept password, slowly.
    const request = service.fetch(get(`${couch.url}/acme-accounts/`));
    await expect.poll(() => slow.posts).toBe(2);
    await service.setConfig({ url: otherServer(), team: 'acme', user: 'ana' });
    expired = false;
    slow.hold = false;
    release();
    await expect(request).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(await service.status()).toMatchObject({ url: otherServer(), signedIn: false, credentialsStored: false });
    await expect(service.fetch(get(`${otherServer()}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('signing out while a replication request renews the session leaves nothing signed in', async () => {
    // The request is in flight when the session closes: it meets the expired session and renews
    // it with the password main keeps. Before the fix that renewal signed the app in again, and
    // the renderer reopened the team's data after *Sair* (the team-switch e2e saw it).
    let expired = false;
    let duringClose: (() => Promise<unknown>) | null = null;
    const racing: FetchLike = async (url, init) => {
      const headers = { ...((init.headers ?? {}) as Record<string, string>) };
      if (url.endsWith('/_session') && init.method === 'DELETE' && duringClose) {
        const run = duringClose;
        duringClose = null;
        expired = true;
        await run().catch(() => undefined);
      }
      if (expired && headers.cookie && !url.endsWith('/_session')) headers.cookie = 'AuthSession=expired';
      return fetch(url, { ...init, headers });
    };
    const { service } = await newService({ fetch: racing });
    await service.signIn(ANA.password);
    duringClose = () => service.fetch(get(`${couch.url}/acme-accounts/`));
    await service.signOut();
    expect(duringClose).toBeNull();
    expect(await service.status()).toMatchObject({ signedIn: false, credentialsStored: false });
    await expect(service.fetch(get(`${couch.url}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('reports not_configured before any server is set', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'carteira-sync-'));
    dirs.push(folder);
    const service = createSyncService({ dir: folder, credentials: createMemoryCredentialStore(), warn: () => undefined });
    await expect(service.signIn('x')).rejects.toMatchObject({ code: 'not_configured' });
    await expect(service.fetch(get(`${couch.url}/acme-accounts/`))).rejects.toMatchObject({ code: 'not_configured' });
    expect(await service.status()).toMatchObject({ configured: false, url: null, connectivity: 'unknown' });
  });

  it('probes /_up: online against the server, offline against a closed port', async () => {
    const { service } = await newService();
    const seen: string[] = [];
    service.onConnectivity((event) => seen.push(event));
    service.start();
    await expect.poll(async () => (await service.status()).connectivity).toBe('online');
    await service.setConfig({ url: `http://127.0.0.1:${await findFreePort()}`, team: 'acme', user: 'ana' });
    await expect.poll(async () => (await service.status()).connectivity).toBe('offline');
    expect(seen).toEqual(['online', 'offline']);
  });
});
