import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getFetchWithCouchDBAuthorization, replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../shared/models';
import { couchRequest } from '../../shared/couchdb/http';
import { provision } from '../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { accountAsPushed, productAsPushed } from './fixtures';

type Doc = Record<string, unknown> & { id: string };

/** The app's way in (RxDB's CouchDB replication) must pass the server rules provisioning installs. */
describe('RxDB replication against a provisioned server', () => {
  let server: TestCouchServer;
  let db: RxDatabase<{ accounts: RxCollection<Doc>; products: RxCollection<Doc> }>;

  beforeAll(async () => {
    server = await startCouchServer();
    await provision({
      url: server.url,
      adminUser: server.adminAuth.user,
      adminPassword: server.adminAuth.password,
      team: 'acme',
      users: [{ name: 'ana', password: 'senha', roles: ['manager'] }],
    });
    db = await createRxDatabase({ name: `couch-rules-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
    await db.addCollections({
      accounts: { schema: toJsonSchema('accounts') as unknown as RxJsonSchema<Doc> },
      products: { schema: toJsonSchema('products') as unknown as RxJsonSchema<Doc> },
    });
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  function replicateAccounts() {
    return replicateCouchDB<Doc>({
      replicationIdentifier: 'test-accounts',
      collection: db.accounts,
      url: `${server.url}/acme-accounts/`,
      fetch: getFetchWithCouchDBAuthorization('ana', 'senha'),
      live: false,
      pull: {},
      push: { batchSize: 1000 },
      retryTime: 100,
    });
  }

  it('a manager pushes and pulls accounts', async () => {
    const { _id, ...fields } = accountAsPushed('Enviada pelo RxDB');
    await db.accounts.insert({ ...fields, id: String(_id) });
    const { _id: serverId, ...serverFields } = accountAsPushed('Escrita no servidor');
    await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'PUT', `/acme-accounts/${String(serverId)}`, serverFields);

    const replication = replicateAccounts();
    const errors: unknown[] = [];
    replication.error$.subscribe((e) => errors.push(e));
    await replication.awaitInitialReplication();
    await replication.cancel();

    expect(errors).toEqual([]);
    const pushed = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'GET', `/acme-accounts/${String(_id)}`);
    expect(pushed).toMatchObject({ status: 200, body: { name: 'Enviada pelo RxDB' } });
    expect((await db.accounts.findOne(String(serverId)).exec())?.get('name')).toBe('Escrita no servidor');
  });

  it('a manager pulls the catalogue with a pull-only replication', async () => {
    // Pull-only on purpose: a refused push (403 from validate_doc_update) makes RxDB 17 retry the
    // batch forever, and cancel()/close() then wait on it without end (measured here).
    const { _id, ...product } = productAsPushed('RX-0001');
    await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 5_000 }, 'PUT', `/acme-products/${String(_id)}`, product);
    const replication = replicateCouchDB<Doc>({
      replicationIdentifier: 'test-products',
      collection: db.products,
      url: `${server.url}/acme-products/`,
      fetch: getFetchWithCouchDBAuthorization('ana', 'senha'),
      live: false,
      pull: {},
    });
    await replication.awaitInitialReplication();
    await replication.cancel();
    expect((await db.products.findOne(String(_id)).exec())?.get('sku')).toBe('RX-0001');
  });
});
