import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { accountDoc, fetchAs, openDevice, PASSWORD, provisionTeam, withTimeout, type Device } from '../helpers/sync-devices';

/**
 * A device quits in the middle of its first pull of a large team and starts again: the pull must
 * go on from the checkpoint it stored, not download everything again. RxDB's memory storage keeps
 * a database's data by name after close for the life of the process (checked: the reopened
 * database has the first page), standing in for IndexedDB across app runs; Dexie over
 * fake-indexeddb is too slow for 3000 documents in Node (DESIGN §6).
 */
const TOTAL = 3_000;
let server: TestCouchServer;
const open: Device[] = [];

beforeAll(async () => {
  server = await startCouchServer();
  await provisionTeam(server, 'grande', ['ana']);
  const docs = Array.from({ length: TOTAL }, (_, i) => {
    const { id, ...rest } = accountDoc(`Cliente ${String(i).padStart(4, '0')}`, 'seed', 1_700_000_000_000 + i, `acc-${String(i).padStart(4, '0')}`);
    return { _id: id, ...rest };
  });
  const admin = { url: server.url, auth: server.adminAuth, timeoutMs: 60_000 };
  for (let i = 0; i < docs.length; i += 1_000) {
    const written = await couchRequest(admin, 'POST', '/grande-accounts/_bulk_docs', { docs: docs.slice(i, i + 1_000) });
    expect(written.status).toBe(201);
  }
}, 120_000);
afterEach(async () => {
  for (const device of open.splice(0)) await device.close();
});
afterAll(async () => {
  await server?.stop();
});

describe('restart in the middle of the initial pull', () => {
  it('resumes from its checkpoint after close and reopen, and ends with every document once', async () => {
    const name = `restart-${process.pid}-${Date.now()}`;
    const base = fetchAs('ana', PASSWORD('ana'));
    const changesSince: string[] = [];
    // The first run stops for good once one batch is in: its next _changes request never returns.
    let holdNextPulls = false;
    let releaseHeld: () => void = () => {};
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const firstRunFetch = async (input: string, init?: RequestInit) => {
      if (isPage(input)) {
        changesSince.push(new URL(input).searchParams.get('since') ?? '');
        if (holdNextPulls) {
          await held;
          throw new Error('the app quit');
        }
        holdNextPulls = true;
      }
      return base(input, init);
    };
    const first = await openDevice({ serverUrl: server.url, team: 'grande', user: 'ana', storage: 'memory', name, fetch: firstRunFetch });
    let receivedFirst = 0;
    first.rep.states.get('accounts')!.received$.subscribe(() => receivedFirst++);
    await withTimeout(
      waitFor(() => changesSince.length >= 2),
      60_000,
      'the second pull request',
    );
    await first.close();
    releaseHeld();
    const keptAfterFirst = receivedFirst;
    // The first page of a pull from the start is a short one (replication.ts FIRST_PAGE), less the design document.
    expect(keptAfterFirst).toBeGreaterThan(0);
    expect(keptAfterFirst).toBeLessThan(TOTAL);
    expect(changesSince).toEqual(['0', expect.any(String)]);

    const sinceSecond: string[] = [];
    let receivedSecond = 0;
    const second = await openDevice({
      serverUrl: server.url,
      team: 'grande',
      user: 'ana',
      storage: 'memory',
      name,
      fetch: async (input, init) => {
        if (isPage(input)) sinceSecond.push(new URL(input).searchParams.get('since') ?? '');
        return base(input, init);
      },
    });
    open.push(second);
    second.rep.states.get('accounts')!.received$.subscribe(() => receivedSecond++);
    await withTimeout(second.rep.awaitInSync(), 90_000, 'the resumed pull');

    // The data of the first run survived the close, and the second run fetched only the rest.
    expect(await second.db.accounts.count().exec()).toBe(TOTAL);
    expect(sinceSecond[0]).toBe(changesSince[1]);
    expect(sinceSecond).not.toContain('0');
    expect(receivedSecond).toBe(TOTAL - keptAfterFirst);
    const ids = (await second.db.accounts.find().exec()).map((d) => d.primary);
    expect(new Set(ids).size).toBe(TOTAL);
  }, 150_000);
});

/** One page of RxDB's initial pull (not the live feed). */
function isPage(input: string): boolean {
  const url = new URL(input);
  return url.pathname.endsWith('/_changes') && url.searchParams.get('feed') === 'normal';
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}
