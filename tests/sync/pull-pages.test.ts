import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { accountDoc, fetchAs, openDevice, PASSWORD, provisionTeam, withTimeout, type Device } from '../helpers/sync-devices';

/**
 * How the first pull of a team pages through the server's changes: a short first page (writing
 * starts while the server prepares the next), then pages of 1000; the team's design document is
 * dropped without another request for the row it took; and a first page made mostly of design
 * documents is topped up rather than ending the pull.
 */
const TOTAL = 1_300;
let server: TestCouchServer;
const open: Device[] = [];

async function seed(team: string, designDocs: number): Promise<void> {
  await provisionTeam(server, team, ['ana']);
  const admin = { url: server.url, auth: server.adminAuth, timeoutMs: 60_000 };
  const extra = Array.from({ length: designDocs }, (_, i) => ({ _id: `_design/extra-${i}`, views: {} }));
  const accounts = Array.from({ length: TOTAL }, (_, i) => {
    const { id, ...rest } = accountDoc(`Cliente ${String(i).padStart(4, '0')}`, 'seed', 1_700_000_000_000 + i, `acc-${String(i).padStart(4, '0')}`);
    return { _id: id, ...rest };
  });
  const written = await couchRequest(admin, 'POST', `/${team}-accounts/_bulk_docs`, { docs: [...extra, ...accounts] });
  expect(written.status).toBe(201);
}

/** Pulls the team on a fresh device and returns the `limit` of every page request (not the live feed). */
async function firstPull(team: string): Promise<{ device: Device; pages: { since: string; limit: number }[] }> {
  const base = fetchAs('ana', PASSWORD('ana'));
  const pages: { since: string; limit: number }[] = [];
  const device = await openDevice({
    serverUrl: server.url,
    team,
    user: 'ana',
    storage: 'memory',
    name: `pages-${team}-${process.pid}-${Date.now()}`,
    fetch: (input, init) => {
      const url = new URL(input);
      if (url.pathname.endsWith('/_changes') && url.searchParams.get('feed') === 'normal') {
        pages.push({ since: url.searchParams.get('since') ?? '', limit: Number(url.searchParams.get('limit')) });
      }
      return base(input, init);
    },
  });
  open.push(device);
  // The initial pull itself must bring everything: a pull ended early is caught up later by the
  // live feed or a re-sync, which awaitInSync would wait for.
  await withTimeout(device.rep.states.get('accounts')!.awaitInitialReplication(), 90_000, 'the first pull');
  return { device, pages };
}

beforeAll(async () => {
  server = await startCouchServer();
  await seed('paginas', 0);
  await seed('projetos', 120);
}, 120_000);
afterEach(async () => {
  for (const device of open.splice(0)) await device.close();
});
afterAll(async () => {
  await server?.stop();
});

describe("a team's first pull", () => {
  it('starts with a short page, goes on in pages of 1000 and asks nothing more for the dropped design document', async () => {
    const { device, pages } = await firstPull('paginas');
    expect(await device.db.accounts.count().exec()).toBe(TOTAL);
    expect(await device.db.accounts.findOne('_design/carteira').exec()).toBeNull();
    expect(pages[0]).toEqual({ since: '0', limit: 250 });
    // Every later request is a whole page: none asks for just the row the design document took.
    expect(pages.slice(1).every((p) => p.limit === 1000)).toBe(true);
  }, 120_000);

  it('tops up a first page that was mostly design documents instead of ending the pull there', async () => {
    const { device } = await firstPull('projetos');
    expect(await device.db.accounts.count().exec()).toBe(TOTAL);
    const ids = (await device.db.accounts.find().exec()).map((d) => d.primary);
    expect(ids.some((id) => id.startsWith('_design/'))).toBe(false);
  }, 120_000);
});
