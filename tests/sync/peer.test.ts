import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAsPushed } from '../couchdb/fixtures';
import { sampleAccountFields } from './account-fixture';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { errorEvents, openDevice, PASSWORD, provisionTeam, until, withTimeout, type Device } from '../helpers/sync-devices';

/** Just what this test uses of PouchDB 9 (it ships no types). */
interface PeerDB {
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; rev: string }>;
  get(id: string): Promise<Record<string, unknown> & { _rev: string }>;
  remove(doc: { _id: string; _rev: string }): Promise<unknown>;
  replicate: {
    to(target: PeerDB): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number }>;
    from(source: PeerDB): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number }>;
  };
  close(): Promise<void>;
}
type PeerDBConstructor = new (name: string, options?: object) => PeerDB;
const PouchDB = createRequire(import.meta.url)('pouchdb') as PeerDBConstructor;

/**
 * A third CouchDB client (PouchDB, as another team tool would be) shares the team's accounts
 * database with a live Carteira device: its inserts, edits and bare deletion stubs reach the
 * device, and the device's edits and deletions reach it.
 */
describe('a PouchDB peer and a Carteira device on the same team database', () => {
  let server: TestCouchServer;
  let peerDir: string;
  let local: PeerDB;
  let remote: PeerDB;
  let device: Device;

  beforeAll(async () => {
    server = await startCouchServer();
    await provisionTeam(server, 'pares', ['ana', 'peer']);
    peerDir = mkdtempSync(join(tmpdir(), 'carteira-peer-'));
    local = new PouchDB(join(peerDir, 'accounts'));
    remote = new PouchDB(`${server.url}/pares-accounts`, { auth: { username: 'peer', password: PASSWORD('peer') }, skip_setup: true });
    device = await openDevice({ serverUrl: server.url, team: 'pares', user: 'ana' });
    await device.rep.awaitInSync();
  }, 60_000);
  afterAll(async () => {
    await device?.close();
    await local?.close();
    await remote?.close();
    await server?.stop();
    if (peerDir) rmSync(peerDir, { recursive: true, force: true });
  });

  const push = async () => expect(await local.replicate.to(remote)).toMatchObject({ ok: true, doc_write_failures: 0 });
  const pull = async () => expect(await local.replicate.from(remote)).toMatchObject({ ok: true, doc_write_failures: 0 });
  const onDevice = async (id: string) => (await device.db.accounts.findOne(id).exec())?.toJSON();

  it("carries the peer's insert, edit and deletion stub to the device", async () => {
    // The server holds updatedBy to the signed-in user: the peer writes as itself.
    const doc: Record<string, unknown> = { ...accountAsPushed('Par Comércio Ltda'), updatedBy: 'peer' };
    const id = String(doc._id);
    await local.put(doc);
    await push();
    await until(async () => (await onDevice(id))?.name === 'Par Comércio Ltda', 10_000, 'the insert on the device');

    const current = await local.get(id);
    await local.put({ ...current, city: 'Ribeirão Preto', updatedAt: Number(current.updatedAt) + 1, updatedBy: 'peer' });
    await push();
    await until(async () => (await onDevice(id))?.city === 'Ribeirão Preto', 10_000, 'the edit on the device');

    // PouchDB's remove() writes a bare stub: _id, _rev, _deleted and nothing else.
    const stale = await local.get(id);
    await local.remove({ _id: id, _rev: stale._rev });
    await push();
    await until(async () => (await onDevice(id)) === undefined, 10_000, 'the deletion on the device');
    expect(await device.db.accounts.count().exec()).toBe(0);
    // The stub applied cleanly: no validation error, no retry loop.
    expect(errorEvents(device.events)).toEqual([]);
  });

  it("carries the device's insert, edit and deletion to the peer", async () => {
    const created = await device.accounts.create(sampleAccountFields('Carteira Atacado'));
    await withTimeout(device.rep.awaitInSync(), 10_000, 'push of the new account');
    await pull();
    expect(await local.get(created.id)).toMatchObject({ name: 'Carteira Atacado', city: 'Campinas' });

    await device.accounts.update(created.id, { city: 'Santos' });
    await withTimeout(device.rep.awaitInSync(), 10_000, 'push of the edit');
    await until(
      async () => {
        await pull();
        return (await local.get(created.id)).city === 'Santos';
      },
      10_000,
      'the edit on the peer',
    );

    await device.accounts.remove(created.id);
    await withTimeout(device.rep.awaitInSync(), 10_000, 'push of the deletion');
    await until(
      async () => {
        await pull();
        return local.get(created.id).then(
          () => false,
          (error: { status?: number }) => error.status === 404,
        );
      },
      10_000,
      'the deletion on the peer',
    );
    expect(errorEvents(device.events)).toEqual([]);
  });
});
