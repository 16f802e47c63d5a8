import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import { provision } from '../../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../../../tests/helpers/couch-server';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../db/types';
import { checkRemoteDatabase, couchFetch, type CouchFetchOptions } from './couch-adapter';
import { DocumentGuard } from './document-guard';
import { createMemoryProblemStore } from './sync-problems-store';

let server: TestCouchServer;
const open: CarteiraDatabase[] = [];
const asAdmin = () => (input: string, init?: RequestInit) =>
  fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: server.adminAuth.header } });

beforeAll(async () => {
  server = await startCouchServer();
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team: 'acme',
    users: [{ name: 'ana', password: 'ana-pw', roles: ['manager'] }],
  });
}, 60_000);

afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

afterAll(async () => {
  await server?.stop();
});

async function adapter(extra: Partial<CouchFetchOptions> = {}) {
  const db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
  open.push(db);
  const url = `${server.url}/acme-accounts/`;
  const collection = db.collections.accounts as unknown as RxCollection<unknown>;
  const guard = await DocumentGuard.open('accounts', url, asAdmin(), createMemoryProblemStore(), collection, Date.now);
  const parsed: string[] = [];
  const couch = couchFetch({
    name: 'accounts',
    fetch: asAdmin(),
    guard,
    canPush: true,
    isStopped: () => false,
    onSkipped: () => {},
    onPageParsed: (channel) => parsed.push(channel),
    ...extra,
  });
  return { couch, url, parsed };
}

describe('the CouchDB adapter', () => {
  it("checks a team database before replicating it: its size, or why it can't be", async () => {
    const existing = await checkRemoteDatabase(asAdmin(), `${server.url}/acme-accounts/`);
    expect(existing.ok && existing.docCount).toBeGreaterThanOrEqual(1); // the validation design document
    expect(await checkRemoteDatabase(asAdmin(), `${server.url}/ghost-accounts/`)).toEqual({ ok: false, reason: 'missing_database' });
    expect(await checkRemoteDatabase(fetch, `${server.url}/acme-accounts/`)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await checkRemoteDatabase(fetch, 'http://127.0.0.1:9/acme-accounts/')).toEqual({ ok: false, reason: 'unreachable' });
  });

  it("hides the server's design documents from a pull page and reports the page as parsed", async () => {
    const { couch, url, parsed } = await adapter();
    const response = await couch.fetch(`${url}_changes?feed=normal&style=all_docs&since=0&include_docs=true&limit=200`);
    expect(couch.lastStatus()).toBe(200);
    const body = (await response.json()) as { results: { id: string }[] };
    expect(body.results.map((r) => r.id).filter((id) => id.startsWith('_design/'))).toEqual([]);
    expect(parsed).toEqual(['pull']);
  });

  it("turns a live feed's error answer into a failed request, so RxDB retries it instead of ending the feed", async () => {
    const { couch, parsed } = await adapter();
    await expect(couch.fetch(`${server.url}/ghost-accounts/_changes?feed=longpoll&since=1&include_docs=true&limit=200`)).rejects.toThrow(
      /Failed to fetch: the live feed answered 404/,
    );
    expect(couch.lastStatus()).toBe(404);
    expect(parsed).toEqual([]);
  });

  it('answers other requests as the server did, remembering only the latest status', async () => {
    const { couch } = await adapter();
    const missing = await couch.fetch(`${server.url}/acme-accounts/no-such-document`);
    expect(missing.status).toBe(404);
    expect(couch.lastStatus()).toBe(404);
    await expect(couch.fetch('http://127.0.0.1:9/acme-accounts/')).rejects.toThrow();
    // No answer: a network failure after the 404 is not classified by that 404.
    expect(couch.lastStatus()).toBe(0);
  });
});
