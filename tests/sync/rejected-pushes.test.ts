import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { couchRequest } from '../../shared/couchdb/http';
import { createDoc } from '../../shared/domain/documents';
import type { Account } from '../../shared/models';
import { problemActions } from '../../renderer/src/sync/sync-problem-actions';
import { createIndexedDbProblemStore, type RejectedChange, type SyncProblemStore } from '../../renderer/src/sync/sync-problems-store';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { openDevice, provisionTeam, serverDocs, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/**
 * Read in RxDB 17's CouchDB push: one document the server refuses in a `_bulk_docs` answer (403
 * from validate_doc_update, 413, 400) made it throw for the whole batch, so the collection's push
 * was retried forever and the flush on quit never completed. Now a refusal is that document's
 * problem: it is marked with the server's reason, the rest of the batch flows.
 */
let server: TestCouchServer;
let teamCounter = 0;
const devices: Device[] = [];

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});
afterAll(async () => {
  await server?.stop();
});

const BLOCKED_CITY = 'Cidade Proibida';
const RULE_REASON = 'Cidade bloqueada pela regra de teste';
const RULE_ID = '_design/test-rule';

const admin = (method: string, path: string, body?: unknown) =>
  couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 15_000 }, method, path, body);

/** A server rule of the kind a team's admin may add: refuses accounts in one city. */
async function installRule(database: string): Promise<void> {
  const source = `function (newDoc) { if (newDoc.city === ${JSON.stringify(BLOCKED_CITY)}) throw({ forbidden: ${JSON.stringify(RULE_REASON)} }); }`;
  const answer = await admin('PUT', `/${database}/${RULE_ID}`, { validate_doc_update: source });
  expect(answer.status).toBe(201);
}

async function liftRule(database: string): Promise<void> {
  const current = await admin('GET', `/${database}/${RULE_ID}`);
  const answer = await admin('DELETE', `/${database}/${RULE_ID}?rev=${(current.body as { _rev: string })._rev}`);
  expect(answer.status).toBe(200);
}

async function setup() {
  const team = `rejected${++teamCounter}`;
  await provisionTeam(server, team, ['ana']);
  const database = `${team}-accounts`;
  const problems = createIndexedDbProblemStore({ name: `problems-${team}-${Date.now()}`, indexedDB, IDBKeyRange });
  const device = await openDevice({ serverUrl: server.url, team, user: 'ana', problems });
  devices.push(device);
  await withTimeout(device.rep.awaitInSync(), 10_000, 'the first sync');
  const scope = `${server.url}/${database}/`;
  return { team, database, device, problems, scope };
}

async function rejected(problems: SyncProblemStore): Promise<Map<string, RejectedChange>> {
  const all = await problems.list();
  return new Map(all.filter((p): p is RejectedChange => p.kind === 'rejected').map((p) => [p.docId, p]));
}

const lastPending = (device: Device) => [...device.events].reverse().find((e) => e.type === 'pending');

describe('a push the server refuses for one document', () => {
  it('in a batch of 1000: the other 999 reach the server, the refused one is marked with the reason, sync settles; a retry after the rule is lifted sends it', async () => {
    const { database, device, problems, scope } = await setup();
    await installRule(database);
    const at = Date.now();
    const docs = Array.from({ length: 1000 }, (_, i) =>
      createDoc<Account>({ ...sampleAccountFields(`Conta ${i}`), city: i === 500 ? BLOCKED_CITY : 'Campinas' }, 'ana', at, `acc-${String(i).padStart(4, '0')}`),
    );
    await device.db.accounts.bulkInsert(docs);

    await withTimeout(device.rep.awaitInSync(), 20_000, 'awaitInSync after the batch');
    const onServer = await serverDocs(server, database);
    expect(onServer.size).toBe(999);
    expect(onServer.has('acc-0500')).toBe(false);
    const marked = (await rejected(problems)).get('acc-0500');
    expect(marked).toMatchObject({ status: 403, error: 'forbidden', reason: RULE_REASON, serverRev: null, collection: 'accounts' });
    expect(lastPending(device)).toMatchObject({ count: 0 });
    // The change stays on the device.
    expect((await device.db.accounts.findOne('acc-0500').exec())!.city).toBe(BLOCKED_CITY);

    const actions = problemActions(scope)!;
    expect(await actions.retry('acc-0500')).toEqual({ ok: false, status: 403, reason: RULE_REASON });
    await liftRule(database);
    expect(await actions.retry('acc-0500')).toEqual({ ok: true });
    expect((await serverDocs(server, database)).get('acc-0500')).toMatchObject({ city: BLOCKED_CITY });
    expect((await rejected(problems)).size).toBe(0);
    await withTimeout(device.rep.awaitInSync(), 10_000, 'in sync after the retry');
    expect((await device.db.accounts.findOne('acc-0500').exec())!.city).toBe(BLOCKED_CITY);
  }, 60_000);

  it("discarding the refused change takes the server's version back", async () => {
    const { database, device, problems, scope } = await setup();
    const account = await device.accounts.create({ ...sampleAccountFields('Ferragens Silva'), city: 'Braga' });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'the account on the server');
    await installRule(database);
    await device.accounts.update(account.id, { city: BLOCKED_CITY, industry: 'ferragens' });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'awaitInSync after the refused edit');
    expect((await rejected(problems)).get(account.id)).toMatchObject({ status: 403, reason: RULE_REASON });

    await problemActions(scope)!.discard(account.id);
    expect((await rejected(problems)).size).toBe(0);
    await withTimeout(device.rep.awaitInSync(), 10_000, 'in sync after the discard');
    const local = (await device.db.accounts.findOne(account.id).exec())!;
    expect({ city: local.city, industry: local.industry }).toEqual({ city: 'Braga', industry: 'hardware' });
    expect((await serverDocs(server, database)).get(account.id)).toMatchObject({ city: 'Braga', industry: 'hardware' });
    expect((await rejected(problems)).size).toBe(0);
  }, 40_000);

  it("a later edit of a refused document is pushed over the server's revision once the rule is lifted, keeping the refused edit", async () => {
    const { database, device, problems } = await setup();
    const account = await device.accounts.create({ ...sampleAccountFields('Ferragens Norte'), city: 'Braga' });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'the account on the server');
    await installRule(database);
    await device.accounts.update(account.id, { city: BLOCKED_CITY });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'awaitInSync after the refused edit');
    expect((await rejected(problems)).has(account.id)).toBe(true);

    await liftRule(database);
    await device.accounts.update(account.id, { industry: 'ferragens' });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'in sync after the later edit');
    expect((await serverDocs(server, database)).get(account.id)).toMatchObject({ city: BLOCKED_CITY, industry: 'ferragens' });
    expect((await rejected(problems)).size).toBe(0);
    const local = (await device.db.accounts.findOne(account.id).exec())!;
    expect({ city: local.city, industry: local.industry }).toEqual({ city: BLOCKED_CITY, industry: 'ferragens' });
  }, 40_000);

  it('a request refused whole as too large is split: one oversized document is marked, the others reach the server', async () => {
    const { database, device, problems } = await setup();
    // The server takes requests up to 200 kB; one account carries ~380 kB of notes.
    expect((await admin('PUT', '/_config/couchdb/max_document_size', '200000')).status).toBe(200);
    try {
      const at = Date.now();
      const notes = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, at, by: 'ana', text: 'x'.repeat(19_000) }));
      const docs = Array.from({ length: 300 }, (_, i) =>
        createDoc<Account>({ ...sampleAccountFields(`Conta ${i}`), notes: i === 7 ? notes : [] }, 'ana', at, `big-${String(i).padStart(3, '0')}`),
      );
      await device.db.accounts.bulkInsert(docs);
      await withTimeout(device.rep.awaitInSync(), 20_000, 'awaitInSync after the oversized batch');
      const onServer = await serverDocs(server, database);
      expect(onServer.size).toBe(299);
      expect(onServer.has('big-007')).toBe(false);
      expect((await rejected(problems)).get('big-007')).toMatchObject({ status: 413, error: 'too_large' });
      expect(lastPending(device)).toMatchObject({ count: 0 });
    } finally {
      await admin('PUT', '/_config/couchdb/max_document_size', String(4 * 1024 * 1024 * 1024));
    }
  }, 40_000);
});
