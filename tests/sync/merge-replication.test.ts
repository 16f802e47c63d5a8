import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoc, editDoc } from '../../shared/domain/documents';
import { couchRequest } from '../../shared/couchdb/http';
import type { Account } from '../../shared/models';
import { createDatabase } from '../../renderer/src/db/create-database';
import type { CarteiraDatabase } from '../../renderer/src/db/types';
import { createSyncMergeConflictHandler } from '../../renderer/src/sync/sync-merge-conflict-handler';
import { conflictsNewestFirst, recordConflicts, restoreConflict } from '../../renderer/src/sync/conflict-log';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { sampleAccountFields } from './account-fixture';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

const REMOTE_DB = 'acme-accounts';

/**
 * Two devices, each a real RxDB with the merge conflict handler, sync one account through a real
 * CouchDB-protocol server. Each sync is one-shot (`live: false`), so "offline" is simply the time
 * between syncs. Edits carry explicit clocks so which edit is later does not depend on timing.
 */
describe('merge on sync between two devices', () => {
  let server: TestCouchServer;
  let deviceA: CarteiraDatabase;
  let deviceB: CarteiraDatabase;
  const t0 = Date.now();
  const X = 'account-x';

  beforeAll(async () => {
    server = await startCouchServer();
    // RxDB's replication does not create the remote database (DESIGN §5).
    const created = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'PUT', `/${REMOTE_DB}`);
    expect(created.status).toBe(201);
    deviceA = await openDevice('a');
    deviceB = await openDevice('b');
  });
  afterAll(async () => {
    await deviceA?.close();
    await deviceB?.close();
    await server?.stop();
  });

  async function openDevice(label: string): Promise<CarteiraDatabase> {
    let db: CarteiraDatabase | undefined;
    const handler = createSyncMergeConflictHandler('accounts', (conflicts) => recordConflicts(db!, conflicts));
    db = await createDatabase({
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) as RxStorage<unknown, unknown>,
      name: `merge-${label}-${process.pid}-${t0}`,
      multiInstance: false,
      // Two databases in one process: open only what the test needs (RxDB's 13-collection limit).
      collections: ['accounts'],
      conflictHandlers: { accounts: handler },
    });
    return db;
  }

  /**
   * A device syncs: two one-shot rounds. In one round the pull can fetch a document before the
   * push of its newer local version lands; RxDB then writes that older server state over the pushed
   * one (measured with RxDB 17.6, about 4 runs in 10). The next pull brings the newer state back, as
   * a live replication's changes feed does at once. The same identifier each round keeps the
   * device's checkpoints and assumed master states.
   */
  async function sync(db: CarteiraDatabase): Promise<void> {
    await syncRound(db);
    await syncRound(db);
  }

  async function syncRound(db: CarteiraDatabase): Promise<void> {
    const replication = replicateCouchDB<Account>({
      replicationIdentifier: `merge-test-${db.name}`,
      collection: db.accounts,
      url: `${server.url}/${REMOTE_DB}/`,
      fetch: (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: server.adminAuth.header } }),
      live: false,
      pull: {},
      push: { batchSize: 1000 },
      retryTime: 100,
    });
    const errors: unknown[] = [];
    replication.error$.subscribe((e) => errors.push(e));
    await withTimeout(replication.awaitInitialReplication(), 10_000, `sync of ${db.name}`);
    await replication.cancel();
    expect(errors).toEqual([]);
  }

  async function edit(db: CarteiraDatabase, patch: Partial<Account>, by: string, at: number): Promise<void> {
    const doc = await db.accounts.findOne(X).exec();
    await doc!.incrementalModify((current) => editDoc(current as Account, patch, by, at));
  }

  const read = async (db: CarteiraDatabase) => (await db.accounts.findOne(X).exec())?.toJSON();
  async function onServer(): Promise<Record<string, unknown>> {
    const response = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'GET', `/${REMOTE_DB}/${X}`);
    return response.body as Record<string, unknown>;
  }
  const conflictLog = async (db: CarteiraDatabase) => (await conflictsNewestFirst(db).exec()).map((d) => d.toJSON());

  it('shares the account between both devices', async () => {
    await deviceA.accounts.insert(createDoc<Account>(sampleAccountFields('Acme Distribuidora'), 'ana', t0, X));
    await sync(deviceA);
    await sync(deviceB);
    expect(await read(deviceB)).toMatchObject({ name: 'Acme Distribuidora', city: 'Campinas' });
  });

  it('keeps both offline edits of different fields, on both devices and on the server', async () => {
    await edit(deviceA, { name: 'Acme Distribuidora SA' }, 'ana', t0 + 100);
    await edit(deviceB, { city: 'Sorocaba', tags: ['vip'] }, 'bia', t0 + 200);
    await sync(deviceA);
    await sync(deviceB); // B's push meets A's edit on the server: B merges, then pushes the merge.
    await sync(deviceA);
    const expected = { name: 'Acme Distribuidora SA', city: 'Sorocaba', tags: ['vip'] };
    expect(await read(deviceA)).toMatchObject(expected);
    expect(await read(deviceB)).toMatchObject(expected);
    expect(await onServer()).toMatchObject(expected);
    expect(await conflictLog(deviceA)).toEqual([]);
    expect(await conflictLog(deviceB)).toEqual([]);
  });

  it('lets the later edit of the same field win everywhere and logs the other where the conflict was resolved', async () => {
    await edit(deviceA, { city: 'Jundiaí' }, 'ana', t0 + 300);
    await edit(deviceB, { city: 'Valinhos' }, 'bia', t0 + 400);
    await sync(deviceA);
    await sync(deviceB);
    await sync(deviceA);
    expect((await read(deviceA))?.city).toBe('Valinhos');
    expect((await read(deviceB))?.city).toBe('Valinhos');
    expect((await onServer()).city).toBe('Valinhos');
    expect(await conflictLog(deviceA)).toEqual([]);
    expect(await conflictLog(deviceB)).toEqual([
      expect.objectContaining({
        collectionName: 'accounts',
        docId: X,
        field: 'city',
        keptValue: '"Valinhos"',
        lostValue: '"Jundiaí"',
        keptAt: t0 + 400,
        lostAt: t0 + 300,
        keptBy: 'bia',
        lostBy: 'ana',
        restoredAt: 0,
      }),
    ]);
  });

  it('restores the lost value on one device and it reaches the other', async () => {
    const [record] = await conflictLog(deviceB);
    await restoreConflict(deviceB, record!.id, 'bia', t0 + 500);
    await sync(deviceB);
    await sync(deviceA);
    expect((await read(deviceB))?.city).toBe('Jundiaí');
    expect((await read(deviceA))?.city).toBe('Jundiaí');
    expect((await onServer()).city).toBe('Jundiaí');
    expect((await conflictLog(deviceB))[0]?.restoredAt).toBe(t0 + 500);
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
