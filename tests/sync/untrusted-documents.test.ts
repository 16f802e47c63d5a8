import { createRequire } from 'node:module';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDoc } from '../../shared/domain/documents';
import { activityTime } from '../../shared/domain/activity-fields';
import type { Activity } from '../../shared/models';
import { createIndexedDbProblemStore, type QuarantinedDocument, type SyncProblemStore } from '../../renderer/src/sync/sync-problems-store';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { localDocs, openDevice, PASSWORD, provisionTeam, until, withTimeout, type Device } from '../helpers/sync-devices';
import { accountAsPushed } from '../couchdb/fixtures';

/** Just what this test uses of PouchDB 9 (it ships no types). */
interface PeerDB {
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
  get(id: string): Promise<Record<string, unknown> & { _rev: string }>;
  close(): Promise<void>;
}
const PouchDB = createRequire(import.meta.url)('pouchdb') as new (name: string, options?: object) => PeerDB;

/**
 * Reproduced: another client wrote an activity whose `at` is 9e15 (the server only checks that
 * required fields exist); every device that pulled it stored it and the account's 360° page went
 * white ("Invalid time value"). Pulled documents now pass the incoming check; a refused one is
 * quarantined with its reasons and the rest of the sync goes on.
 */
let server: TestCouchServer;
let teamCounter = 0;
const devices: Device[] = [];
const peers: PeerDB[] = [];
/** The peer writes as itself: the server holds `updatedBy` to the signed-in user. */
const peerAccount = (name?: string): Record<string, unknown> => ({ ...accountAsPushed(name), updatedBy: 'peer' });

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
  for (const p of peers.splice(0)) await p.close();
});
afterAll(async () => {
  await server?.stop();
});

const AT = Date.UTC(2026, 2, 10, 14);

function activityAsPushed(id: string, at: number, summary = 'Reunião de abertura'): Record<string, unknown> {
  const { id: _id, ...rest } = createDoc<Activity>(
    {
      type: 'meeting',
      accountId: 'acc-ok',
      contactId: '',
      dealId: '',
      ...activityTime(at),
      summary,
      body: '',
      outcome: '',
      durationMin: 30,
      taskState: 'none',
      dueAt: 0,
      reminderAt: 0,
      ownerId: 'peer',
    },
    'peer',
    AT,
    id,
  );
  return { _id, ...rest };
}

async function setup() {
  const team = `untrusted${++teamCounter}`;
  await provisionTeam(server, team, ['ana', 'peer']);
  const peer = (collection: string) => {
    const db = new PouchDB(`${server.url}/${team}-${collection}`, { auth: { username: 'peer', password: PASSWORD('peer') }, skip_setup: true });
    peers.push(db);
    return db;
  };
  const problems = createIndexedDbProblemStore({ name: `problems-${team}-${Date.now()}`, indexedDB, IDBKeyRange });
  return { team, accounts: peer('accounts'), activities: peer('activities'), problems };
}

async function quarantined(problems: SyncProblemStore): Promise<Map<string, QuarantinedDocument>> {
  const all = await problems.list();
  return new Map(all.filter((p): p is QuarantinedDocument => p.kind === 'quarantined').map((p) => [p.docId, p]));
}

describe("documents another client wrote past the server's checks", () => {
  it('are quarantined with their reasons while the valid ones of the same pull are stored, and sync goes on', async () => {
    const { team, accounts, activities, problems } = await setup();
    const good = { ...peerAccount('Ferragens Boas Ltda'), _id: 'acc-ok' };
    await accounts.put(good);
    await activities.put(activityAsPushed('act-ok', AT));
    await activities.put(activityAsPushed('act-9e15', 9e15));
    await accounts.put({ ...peerAccount(), _id: 'acc-number', name: 12345 });
    await accounts.put({ ...peerAccount(), _id: 'acc-huge', notes: [{ id: 'n1', at: AT, by: 'peer', text: 'x'.repeat(5 * 1024 * 1024) }] });
    await accounts.put({ ...peerAccount(), _id: 'acc-unknown', shoeSize: 44 });
    // pouchdb-server drops a `__proto__` key on arrival (Apache CouchDB keeps it; the unit test of
    // the check covers it): its two siblings in prototype pollution reach the device as written.
    const base = peerAccount();
    await accounts.put({
      ...base,
      _id: 'acc-proto',
      fieldTimes: { ...(base.fieldTimes as object), constructor: 1 },
      conditions: { ...(base.conditions as object), prototype: { isAdmin: true } },
    });

    const device = await openDevice({ serverUrl: server.url, team, user: 'ana', collections: ['accounts', 'activities'], problems });
    devices.push(device);
    await withTimeout(device.rep.awaitInSync(), 20_000, 'the first pull');

    expect([...(await localDocs(device.db, 'accounts')).keys()]).toEqual(['acc-ok']);
    expect([...(await localDocs(device.db, 'activities')).keys()]).toEqual(['act-ok']);
    const entries = await quarantined(problems);
    expect([...entries.keys()].sort()).toEqual(['acc-huge', 'acc-number', 'acc-proto', 'acc-unknown', 'act-9e15']);
    expect(entries.get('act-9e15')!.issues).toContainEqual({ path: 'at', code: 'time_out_of_range', limit: 7_258_118_400_000 });
    expect(entries.get('acc-number')!.issues).toEqual([{ path: 'name', code: 'invalid_type' }]);
    expect(entries.get('acc-huge')!.issues).toContainEqual({ path: 'notes[0].text', code: 'too_long', limit: 20_000 });
    expect(entries.get('acc-huge')!.issues).toContainEqual({ path: '', code: 'document_too_large', limit: 2_000_000 });
    expect(entries.get('acc-unknown')!.issues).toEqual([{ path: 'shoeSize', code: 'unknown_field' }]);
    expect(entries.get('acc-proto')!.issues).toEqual([
      { path: 'fieldTimes.constructor', code: 'forbidden_key' },
      { path: 'conditions.prototype', code: 'forbidden_key' },
    ]);
    // Kept raw, but bounded: the 5 MB document is not stored whole.
    expect(entries.get('acc-huge')!.raw.length).toBeLessThanOrEqual(32_000);
    expect(entries.get('acc-huge')!.rawChars).toBeGreaterThan(5_000_000);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    // Sync goes on: a valid change written afterwards arrives live.
    await accounts.put({ ...peerAccount('Chegou Depois Ltda'), _id: 'acc-later' });
    await until(async () => (await device.db.accounts.findOne('acc-later').exec()) !== null, 10_000, 'the later account on the device');

    // A later valid revision of a quarantined document replaces its entry and is stored.
    const bad = await activities.get('act-9e15');
    await activities.put({ ...activityAsPushed('act-9e15', AT + 60_000, 'Corrigida'), _rev: bad._rev });
    await until(async () => (await device.db.activities.findOne('act-9e15').exec()) !== null, 10_000, 'the fixed activity on the device');
    expect((await device.db.activities.findOne('act-9e15').exec())!.summary).toBe('Corrigida');
    await until(async () => !(await quarantined(problems)).has('act-9e15'), 5_000, 'the entry of the fixed activity cleared');
    expect([...(await quarantined(problems)).keys()].sort()).toEqual(['acc-huge', 'acc-number', 'acc-proto', 'acc-unknown']);
  }, 60_000);

  it("a quarantined document's refused revision does not replace the device's valid copy, survives a restart, and a local edit replaces it on the server", async () => {
    const { team, accounts, problems } = await setup();
    const first = await accounts.put({ ...peerAccount('Versão Boa Ltda'), _id: 'acc-1' });
    const device = await openDevice({ serverUrl: server.url, team, user: 'ana', collections: ['accounts'], problems });
    devices.push(device);
    await withTimeout(device.rep.awaitInSync(), 15_000, 'the first pull');
    expect((await device.db.accounts.findOne('acc-1').exec())!.name).toBe('Versão Boa Ltda');

    await accounts.put({ ...(await accounts.get('acc-1')), name: ['não', 'é', 'nome'], _rev: first.rev });
    await until(async () => (await quarantined(problems)).has('acc-1'), 10_000, 'the refused revision quarantined');
    expect((await device.db.accounts.findOne('acc-1').exec())!.name).toBe('Versão Boa Ltda');

    await device.rep.cancel();
    await device.restart();
    await withTimeout(device.rep.awaitInSync(), 15_000, 'in sync after the restart');
    expect((await quarantined(problems)).get('acc-1')!.issues).toEqual([{ path: 'name', code: 'invalid_type' }]);
    expect((await device.db.accounts.findOne('acc-1').exec())!.name).toBe('Versão Boa Ltda');

    // Edited here, the push reads the server's refused revision: it must not reach the collection
    // through the conflict merge; the device's valid version replaces it on the server.
    await device.accounts.update('acc-1', { city: 'Sorocaba' });
    await withTimeout(device.rep.awaitInSync(), 15_000, 'in sync after the local edit');
    const local = (await device.db.accounts.findOne('acc-1').exec())!;
    expect({ name: local.name, city: local.city }).toEqual({ name: 'Versão Boa Ltda', city: 'Sorocaba' });
    expect(await accounts.get('acc-1')).toMatchObject({ name: 'Versão Boa Ltda', city: 'Sorocaba' });
    await until(async () => !(await quarantined(problems)).has('acc-1'), 5_000, 'the entry cleared by the valid revision');
  }, 40_000);
});
