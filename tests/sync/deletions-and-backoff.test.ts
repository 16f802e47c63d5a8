import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { accountDoc, errorEvents, localDocs, openDevice, provisionTeam, serverDocs, until, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/**
 * Found by the three-device property test: a push meeting a document already deleted on the
 * server. CouchDB's `_all_docs` answers a deleted document with `doc: null`, which RxDB's CouchDB
 * replication took for "never existed". And the retry backoff, once shared by pull, push and the
 * live feed of a collection.
 */
let server: TestCouchServer;
const proxies: FaultProxy[] = [];
const devices: Device[] = [];
let teamCounter = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterEach(async () => {
  for (const device of devices.splice(0)) await device.close();
  for (const proxy of proxies.splice(0)) await proxy.stop();
});
afterAll(async () => {
  await server?.stop();
});

async function twoDevices(options: { retryDelay?: (n: number) => number } = {}) {
  const team = `del${++teamCounter}`;
  await provisionTeam(server, team);
  const [proxyA, proxyB] = [await startFaultProxy(server.url), await startFaultProxy(server.url)];
  proxies.push(proxyA, proxyB);
  const a = await openDevice({ serverUrl: proxyA.url, team, user: 'ana', ...options });
  const b = await openDevice({ serverUrl: proxyB.url, team, user: 'bruno', ...options });
  devices.push(a, b);
  return { team, a, b, proxyB };
}

/** Device B was offline; back online, as the app does on reconnect. */
function reconnect(proxy: FaultProxy, device: Device): void {
  proxy.up();
  device.rep.reSync();
}

const conflictLog = async (device: Device) => (await device.db.conflicts.find().exec()).map((r) => r.toJSON());

describe('a push that meets a deletion already on the server', () => {
  it('both devices delete the same account while one is offline: the second deletion is pushed, not retried forever', async () => {
    const { team, a, b, proxyB } = await twoDevices();
    const shared = await a.accounts.create(sampleAccountFields('Apagada Duas Vezes'));
    await until(async () => (await b.accounts.get(shared.id)) !== null, 10_000, 'the account on B');
    proxyB.down();
    await a.accounts.remove(shared.id);
    await withTimeout(a.rep.awaitInSync(), 10_000, 'A in sync');
    await b.accounts.remove(shared.id);
    reconnect(proxyB, b);
    await withTimeout(b.rep.awaitInSync(), 15_000, 'B in sync after pushing its own deletion');
    expect((await serverDocs(server, `${team}-accounts`)).has(shared.id)).toBe(false);
    expect(await b.accounts.get(shared.id)).toBeNull();
    // The failure was a TypeError in the push handler, retried forever; an offline error is expected, that one is not.
    expect(errorEvents(b.events).filter((e) => /Cannot read properties/.test(e.detail))).toEqual([]);
  }, 40_000);

  it('an offline edit of an account deleted meanwhile meets the deletion in the merge: the later edit wins and the deletion is recorded', async () => {
    const { team, a, b, proxyB } = await twoDevices();
    const shared = await a.accounts.create(sampleAccountFields('Editada Depois de Apagada'));
    await until(async () => (await b.accounts.get(shared.id)) !== null, 10_000, 'the account on B');
    proxyB.down();
    await a.accounts.remove(shared.id);
    await withTimeout(a.rep.awaitInSync(), 10_000, 'A in sync');
    await b.accounts.update(shared.id, { city: 'Sorocaba' });
    reconnect(proxyB, b);
    await withTimeout(b.rep.awaitInSync(), 15_000, 'B in sync');
    await withTimeout(a.rep.awaitInSync(), 15_000, 'A in sync again');
    // B's edit is later than the deleted version's last edit: the account comes back everywhere.
    expect((await serverDocs(server, `${team}-accounts`)).get(shared.id)).toMatchObject({ city: 'Sorocaba' });
    await until(async () => (await a.accounts.get(shared.id))?.city === 'Sorocaba', 10_000, 'the account back on A');
    expect(await conflictLog(b)).toEqual([
      expect.objectContaining({ docId: shared.id, field: '_deleted', keptValue: 'false', lostValue: 'true', keptBy: 'bruno' }),
    ]);
  }, 40_000);

  it('an offline edit older than the deletion loses to it, and the edited version is kept to restore', async () => {
    const { team, a, b, proxyB } = await twoDevices();
    const shared = await a.accounts.create(sampleAccountFields('Apagada Depois de Editada'));
    await until(async () => (await b.accounts.get(shared.id)) !== null, 10_000, 'the account on B');
    proxyB.down();
    await b.accounts.update(shared.id, { city: 'Sorocaba' });
    // A edits after B, then deletes: the deleted version's last edit is later than B's.
    await a.accounts.update(shared.id, { status: 'inactive' });
    await a.accounts.remove(shared.id);
    await withTimeout(a.rep.awaitInSync(), 10_000, 'A in sync');
    reconnect(proxyB, b);
    await withTimeout(b.rep.awaitInSync(), 15_000, 'B in sync');
    expect((await serverDocs(server, `${team}-accounts`)).has(shared.id)).toBe(false);
    expect(await b.accounts.get(shared.id)).toBeNull();
    const [record] = await conflictLog(b);
    expect(record).toMatchObject({ docId: shared.id, field: '_deleted', keptValue: 'true', lostBy: 'bruno' });
    expect(JSON.parse(record!.lostValue)).toMatchObject({ city: 'Sorocaba' });
  }, 40_000);
});

describe('retry backoff', () => {
  it('is kept per kind of request: a burst of live-feed errors does not slow the retry of a push', async () => {
    // Linear and short, so the test can tell 1 failure (200 ms) from 6 (1200 ms).
    const { team, b, proxyB } = await twoDevices({ retryDelay: (n) => 200 * n });
    await withTimeout(b.rep.awaitInSync(), 10_000, 'B in sync');
    const feedFaults = proxyB.inject({ match: /feed=longpoll/, times: 5, fault: { kind: 'status', status: 500 } });
    // A change on the server answers B's open live request; its next ones meet the faults.
    const { id: seedId, ...seed } = accountDoc('Do Servidor');
    const put = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'PUT', `/${team}-accounts/${seedId}`, seed);
    expect(put.status).toBe(201);
    await until(() => feedFaults.hits === 5, 10_000, 'five live-feed errors');

    const pushFault = proxyB.inject({ match: /_bulk_docs/, times: 1, fault: { kind: 'status', status: 500 } });
    const created = await b.accounts.create(sampleAccountFields('Empurrada Depois da Rajada'));
    await until(() => pushFault.hits === 1, 5_000, 'the failed push');
    const failedAt = Date.now();
    await until(async () => (await serverDocs(server, `${team}-accounts`)).has(created.id), 5_000, 'the retried push on the server');
    // One push failure: one step of backoff (200 ms), not the seventh of a shared count (1400 ms).
    expect(Date.now() - failedAt).toBeLessThan(900);
    await withTimeout(b.rep.awaitInSync(), 10_000, 'B in sync');
    expect((await localDocs(b.db)).has(seedId)).toBe(true);
  }, 40_000);
});
