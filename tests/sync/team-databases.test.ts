import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { couchExpect } from '../../shared/couchdb/http';
import { LOCAL_DATABASE_NAME } from '../../shared/domain/data-scope';
import { generateSampleData, isSampleId } from '../../shared/sample-data';
import { createRepository } from '../../renderer/src/db/repository';
import { copyLocalData, summariseLocalData } from '../../renderer/src/db/local-data-copy';
import { openAppDatabase } from '../../renderer/src/db/open-app-database';
import type { CarteiraDatabase } from '../../renderer/src/db/types';
import { loadSampleData, SampleDataInTeamError } from '../../renderer/src/features/sample-data/load-sample-data';
import { createSyncController } from '../../renderer/src/sync/sync-controller';
import { useSyncStore } from '../../renderer/src/sync/sync-store';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { installInProcessMain, type InProcessMain } from '../helpers/in-process-main';
import { accountDoc, PASSWORD, provisionTeam, serverDocs, until, withTimeout } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/** "test" and "production": two servers, each with a team called demo. */
let test: TestCouchServer;
let production: TestCouchServer;
/** The laptop reaches the test server through this, so it can go offline. */
let network: FaultProxy;
let main: InProcessMain;
let controller: ReturnType<typeof createSyncController>;
/** One storage for the whole run, as IndexedDB is for the app: a closed database is still there when reopened. */
const storage = wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) as RxStorage<unknown, unknown>;
const localData = { storage, name: LOCAL_DATABASE_NAME };

beforeAll(async () => {
  [test, production] = await Promise.all([startCouchServer(), startCouchServer()]);
  // Ana belongs to both teams on the test server, and to demo in production.
  await provisionTeam(test, 'demo', ['ana']);
  await provisionTeam(test, 'outra', ['ana']);
  await provisionTeam(production, 'demo', ['ana']);
  network = await startFaultProxy(test.url);
}, 90_000);

afterAll(async () => {
  await network?.stop();
  await Promise.all([test?.stop(), production?.stop()]);
});

afterEach(async () => {
  await controller?.dispose();
  main?.close();
  network.up();
});

/** The app as main.tsx wires it: main's real sync service, the controller opening one database per (server, team). */
function startApp() {
  main = installInProcessMain();
  controller = createSyncController({ open: (name) => openAppDatabase({ storage, name }), onOpened: () => {} });
}

async function signIn(url: string, team: string) {
  await main.ipc('sync:setConfig', { url, team, user: 'ana' });
  await main.ipc('sync:signIn', { password: PASSWORD('ana') });
  await controller.refresh();
}

const activeDb = (): CarteiraDatabase => controller.active()!.db;
const accountsIn = (db: CarteiraDatabase) => createRepository(db, 'accounts', () => 'ana');
const localIds = async (db: CarteiraDatabase = activeDb()) => new Set((await db.accounts.find().exec()).map((d) => d.primary));
const idsOn = async (server: TestCouchServer, database: string) => new Set((await serverDocs(server, database)).keys());
const inSync = () =>
  withTimeout(controller.awaitInSync(), 20_000, 'sync').catch((error: unknown) => {
    // What the sync indicator would show says why.
    throw new Error(`${String(error)}; sync errors: ${JSON.stringify(useSyncStore.getState().machine.status.errors.slice(-3))}`);
  });

describe('local data belongs to one (server, team)', () => {
  it("switching team never pushes one team's documents into the other, and a change made offline reaches its own team later", async () => {
    startApp();
    // A colleague's account already in outra (CouchDB keeps the id as `_id`).
    const { id: _seedId, ...seed } = accountDoc('Cliente da Outra Ltda', 'bruno', Date.now(), 'seed-outra');
    await couchExpect({ url: test.url, auth: test.adminAuth, timeoutMs: 5_000 }, [201], 'PUT', '/outra-accounts/seed-outra', seed);
    await signIn(network.url, 'demo');
    const demoName = controller.active()!.name;
    const shared = await accountsIn(activeDb()).create(sampleAccountFields('Demo Sincronizada Ltda'));
    await inSync();
    expect(await idsOn(test, 'demo-accounts')).toContain(shared.id);

    // Offline, Ana keeps working in demo; then she switches to outra (same server and user: the session stays).
    network.down();
    const offline = await accountsIn(activeDb()).create(sampleAccountFields('Demo Feita Offline Ltda'));
    await main.ipc('sync:setConfig', { url: network.url, team: 'outra', user: 'ana' });
    await controller.refresh();
    expect(controller.active()!.name).not.toBe(demoName);
    network.up();
    // Back online (main's "online" event restarts sync the same way).
    await controller.refresh();
    await inSync();
    expect(await localIds()).toEqual(new Set(['seed-outra']));
    const outraOwn = await accountsIn(activeDb()).create(sampleAccountFields('Conta Nova da Outra Ltda'));
    await inSync();
    expect(await idsOn(test, 'outra-accounts')).toEqual(new Set(['seed-outra', outraOwn.id]));

    // Back to demo: its data is there as it was, and the offline change is pushed now — to demo only.
    await main.ipc('sync:setConfig', { url: network.url, team: 'demo', user: 'ana' });
    await controller.refresh();
    expect(controller.active()!.name).toBe(demoName);
    expect(await localIds()).toEqual(new Set([shared.id, offline.id]));
    await inSync();
    expect(await idsOn(test, 'demo-accounts')).toEqual(new Set([shared.id, offline.id]));
    expect(await idsOn(test, 'outra-accounts')).toEqual(new Set(['seed-outra', outraOwn.id]));
  });

  it('opened at a fair with no server in reach: changes count as waiting and reach the team when the network returns', async () => {
    startApp();
    await signIn(network.url, 'demo');
    await inSync();
    // The laptop is closed, carried to the fair and opened there: the app starts with no server.
    await controller.dispose();
    network.down();
    controller = createSyncController({ open: (name) => openAppDatabase({ storage, name }), onOpened: () => {} });
    await controller.refresh();
    const status = () => useSyncStore.getState().machine.status;
    const atFair = await accountsIn(activeDb()).create(sampleAccountFields('Visitante da Feira Ltda'));
    await until(() => status().pending === 1, 10_000, 'the change counted as waiting');
    expect(status().phase).toEqual({ kind: 'offline' });

    // Wi-Fi at last: main says so, and the collections that never started replicating start now.
    network.up();
    main.emit('sync:connectivity', { state: 'online' });
    await until(async () => (await idsOn(test, 'demo-accounts')).has(atFair.id), 20_000, 'the change on the server');
    await until(() => status().pending === 0, 10_000, 'nothing left waiting');
  });

  it('switching server keeps test and production apart, even for teams of the same name', async () => {
    startApp();
    await signIn(test.url, 'demo');
    const onTest = await accountsIn(activeDb()).create(sampleAccountFields('Só no Teste Ltda'));
    await inSync();

    // A new address signs out in main; Ana signs in to production.
    await signIn(production.url, 'demo');
    expect(await localIds()).toEqual(new Set());
    const onProduction = await accountsIn(activeDb()).create(sampleAccountFields('Só na Produção Ltda'));
    await inSync();
    expect(await idsOn(production, 'demo-accounts')).toEqual(new Set([onProduction.id]));

    await signIn(test.url, 'demo');
    expect(await localIds()).toContain(onTest.id);
    expect(await localIds()).not.toContain(onProduction.id);
    await inSync();
    expect(await idsOn(test, 'demo-accounts')).not.toContain(onProduction.id);
    expect(await idsOn(production, 'demo-accounts')).toEqual(new Set([onProduction.id]));
  });

  it("signing out keeps the team's data for the next sign-in and shows the no-server database meanwhile", async () => {
    startApp();
    await signIn(test.url, 'demo');
    const teamName = controller.active()!.name;
    const kept = await accountsIn(activeDb()).create(sampleAccountFields('Guardada Ltda'));
    await inSync();

    await main.ipc('sync:signOut');
    await controller.refresh();
    expect(controller.active()!.scope).toEqual({ kind: 'local' });
    expect(controller.active()!.name).toBe(LOCAL_DATABASE_NAME);
    expect(useSyncStore.getState().enabled).toBe(false);
    expect(await localIds()).not.toContain(kept.id);
    const localOnly = await accountsIn(activeDb()).create(sampleAccountFields('Só Deste Computador Ltda'));

    await signIn(test.url, 'demo');
    expect(controller.active()!.name).toBe(teamName);
    expect(await localIds()).toContain(kept.id);
    await inSync();
    expect(await idsOn(test, 'demo-accounts')).not.toContain(localOnly.id);
  });
});

describe('sample data lives only in the no-server database', () => {
  it('is refused in a team database, and a sample document that got there anyway is never pushed', async () => {
    startApp();
    await signIn(test.url, 'outra');
    await expect(loadSampleData(activeDb(), { size: 'S', seed: 3 })).rejects.toBeInstanceOf(SampleDataInTeamError);
    await inSync();
    expect([...(await localIds())].filter(isSampleId)).toEqual([]);

    // Defence in depth: written past the button (an old build, a restored backup), it still stays here.
    const sample = generateSampleData({ size: 'S', seed: 3, now: Date.now(), counts: { accounts: 2 } }).doc('accounts', 1);
    const real = await accountsIn(activeDb()).create(sampleAccountFields('Real Ao Lado Ltda'));
    await activeDb().accounts.insert(sample);
    await inSync();
    const onServer = await idsOn(test, 'outra-accounts');
    expect(onServer).toContain(real.id);
    expect([...onServer].filter(isSampleId)).toEqual([]);
    expect(useSyncStore.getState().machine.status.pending).toBe(0);
  });
});

describe("copying this computer's data into a team", () => {
  it('copies the no-server documents only when asked, they reach the server, sample ones never', async () => {
    startApp();
    await controller.refresh();
    expect(controller.active()!.name).toBe(LOCAL_DATABASE_NAME);
    // Written with no server: the author is the name set on this computer, not the server user.
    const localAuthor = () => 'Ana (este computador)';
    const mine = await createRepository(activeDb(), 'accounts', localAuthor).create(sampleAccountFields('Minha Carteira Antiga Ltda'));
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      updatedBy: _b,
      fieldTimes: _f,
      ...activityFields
    } = generateSampleData({ size: 'S', seed: 1, now: Date.now() }).doc('activities', 0);
    const activity = await createRepository(activeDb(), 'activities', localAuthor).create({ ...activityFields, accountId: mine.id, contactId: '', dealId: '' });
    await loadSampleData(activeDb(), { size: 'S', seed: 9 });
    // What earlier tests left in this computer's no-server data counts too.
    const local = [...(await localIds())];
    const realAccounts = local.filter((id) => !isSampleId(id));
    const realActivities = (await activeDb().activities.find().exec()).filter((d) => !isSampleId(d.primary)).length;
    expect(realActivities).toBe(1);

    await signIn(test.url, 'demo');
    // Nothing moves by itself.
    expect(await localIds()).not.toContain(mine.id);
    const summary = await summariseLocalData(activeDb(), localData);
    expect(summary.counts.accounts).toBe(realAccounts.length);
    expect(summary.counts.activities).toBe(1);
    expect(summary.total).toBe(realAccounts.length + 1);
    expect(summary.samples).toBeGreaterThan(local.length - realAccounts.length);

    const result = await copyLocalData(activeDb(), localData, { author: 'ana' });
    expect(result).toMatchObject({ copied: summary.total, alreadyInTeam: 0, samples: summary.samples });
    expect(await localIds()).toContain(mine.id);
    await inSync();
    expect(await idsOn(test, 'demo-accounts')).toContain(mine.id);
    expect(await idsOn(test, 'demo-activities')).toContain(activity.id);
    // The server took them from the signed-in user who copied them.
    expect((await serverDocs(test, 'demo-accounts')).get(mine.id)).toMatchObject({ updatedBy: 'ana' });
    for (const database of ['demo-accounts', 'demo-contacts', 'demo-activities', 'demo-deals']) {
      expect([...(await idsOn(test, database))].filter(isSampleId), database).toEqual([]);
    }
    // A second copy finds them there and leaves the team's versions alone.
    expect(await copyLocalData(activeDb(), localData, { author: 'ana' })).toMatchObject({ copied: 0, alreadyInTeam: summary.total });
  });
});
