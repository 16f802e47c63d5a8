import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '@shared/domain/sync-state';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import type { Account, Product } from '@shared/models';
import { provision } from '../../../scripts/lib/provision';
import { startCouchServer, type TestCouchServer } from '../../../tests/helpers/couch-server';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import { createRepository } from '../db/repository';
import type { CarteiraDatabase } from '../db/types';
import { startTeamReplication, type TeamReplication } from './replication';

let server: TestCouchServer;
const open: { db: CarteiraDatabase; rep?: TeamReplication }[] = [];

/** A device signed in as `user`: Basic auth stands in for the session main keeps in the app. */
function fetchAs(user: string, password: string) {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return (input: string, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: auth } });
}

const COLLECTIONS = ['accounts', 'products', 'activities'] as const;
/** Few collections per device: several devices share this process and RxDB's 13-collection limit. */
const openDb = () => openTestDatabase('memory', undefined, { collections: COLLECTIONS });

async function device(user = 'ana', events?: SyncEvent[]) {
  const db = await openDb();
  const rep = await startTeamReplication({
    db,
    serverUrl: server.url,
    team: 'acme',
    fetch: fetchAs(user, `${user}-pw`),
    collections: COLLECTIONS,
    onEvent: (e) => events?.push(e),
  });
  open.push({ db, rep });
  return { db, rep };
}

const account = (name: string) => createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name }), 'seed');

beforeAll(async () => {
  server = await startCouchServer();
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team: 'acme',
    users: [
      { name: 'ana', password: 'ana-pw', roles: ['manager'] },
      { name: 'bruno', password: 'bruno-pw', roles: ['manager'] },
    ],
  });
}, 60_000);

afterEach(async () => {
  for (const { db, rep } of open.splice(0)) {
    await rep?.cancel();
    await db.close();
  }
});

afterAll(async () => {
  await server?.stop();
});

describe('team replication against a real CouchDB-protocol server', () => {
  it("carries one manager's new account to another device, and counts it as pending until pushed", async () => {
    const events: SyncEvent[] = [];
    const a = await device('ana', events);
    const b = await device('bruno');
    const created = await createRepository(a.db, 'accounts', () => 'ana').create(
      accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Sincronizada Ltda' }),
    );
    await a.rep.awaitInSync();
    await expect.poll(async () => (await b.db.accounts.findOne(created.id).exec())?.name, { timeout: 10_000 }).toBe('Sincronizada Ltda');

    const pendingCounts = events.filter((e) => e.type === 'pending' && e.collection === 'accounts').map((e) => (e as { count: number }).count);
    expect(Math.max(...pendingCounts)).toBeGreaterThanOrEqual(1);
    expect(pendingCounts.at(-1)).toBe(0);
    expect(events.some((e) => e.type === 'idle')).toBe(true);
    // The server's validation design document is not data and must not be pulled.
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    expect(await b.db.accounts.findOne('_design/carteira').exec()).toBeNull();
  });

  it('pulls the catalogue but never pushes it (catalogue admins own it on the server)', async () => {
    const product = createDoc<Product>(
      {
        sku: 'PAP-A4-500',
        name: 'Papel A4 500 folhas',
        nameSort: 'papel a4 500 folhas',
        category: 'Papelaria',
        description: '',
        unit: 'pct',
        prices: [{ priceListId: 'tabela-a', amount: 2590, currency: 'BRL' }],
        availability: 'in_stock',
        stockQty: 10,
        active: true,
      },
      'catalogo',
    );
    const { id, ...rest } = product;
    const put = await fetch(`${server.url}/acme-products/${id}`, {
      method: 'PUT',
      headers: { authorization: server.adminAuth.header, 'content-type': 'application/json' },
      body: JSON.stringify(rest),
    });
    expect(put.status).toBe(201);

    const a = await device('ana');
    await expect.poll(async () => (await a.db.products.findOne(id).exec())?.sku, { timeout: 10_000 }).toBe('PAP-A4-500');
    expect(a.rep.states.get('products')?.push).toBeUndefined();
    expect(a.rep.states.get('accounts')?.push).toBeDefined();
  });

  it('applies a deletion made by another CouchDB client (a bare stub) on a schema-validating device', async () => {
    const a = await device('ana');
    const doomed = await createRepository(a.db, 'accounts', () => 'ana').create(
      accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Apagada por Outro Cliente' }),
    );
    await a.rep.awaitInSync();
    const url = `${server.url}/acme-accounts/${doomed.id}`;
    const { _rev } = (await (await fetch(url, { headers: { authorization: server.adminAuth.header } })).json()) as { _rev: string };
    const deleted = await fetch(`${url}?rev=${_rev}`, { method: 'DELETE', headers: { authorization: server.adminAuth.header } });
    expect(deleted.status).toBe(200);
    a.rep.reSync();
    await expect.poll(async () => (await a.db.accounts.findOne(doomed.id).exec()) === null, { timeout: 10_000 }).toBe(true);
  });

  it('reports databases missing on the server instead of retrying forever', async () => {
    const events: SyncEvent[] = [];
    const db = await openDb();
    const rep = await startTeamReplication({
      db,
      serverUrl: `${server.url}/`,
      team: 'ghost',
      fetch: fetchAs('ana', 'ana-pw'),
      collections: ['accounts', 'activities'],
      onEvent: (e) => events.push(e),
    });
    open.push({ db, rep });
    expect(rep.states.size).toBe(0);
    // The server answers 401 for a database nobody may read, missing or not; both stop replication.
    expect([...rep.unavailable.keys()].sort()).toEqual(['accounts', 'activities']);
    for (const reason of rep.unavailable.values()) expect(['missing_database', 'forbidden']).toContain(reason);
    expect(
      events
        .filter((e) => e.type === 'error')
        .map((e) => (e as { detail: string }).detail)
        .sort(),
    ).toEqual(['ghost-accounts', 'ghost-activities']);
    await rep.awaitInSync();

    const asAdmin = await startTeamReplication({
      db,
      serverUrl: server.url,
      team: 'ghost',
      fetch: fetchAs(server.adminAuth.user, server.adminAuth.password),
      collections: ['accounts'],
    });
    open.push({ db, rep: asAdmin });
    expect(asAdmin.unavailable.get('accounts')).toBe('missing_database');
  });

  it('reports an unreachable server and keeps local data', async () => {
    const events: SyncEvent[] = [];
    const db = await openDb();
    await db.accounts.insert(account('Offline Comércio'));
    const rep = await startTeamReplication({
      db,
      serverUrl: 'http://127.0.0.1:9',
      team: 'acme',
      fetch: fetchAs('ana', 'ana-pw'),
      collections: ['accounts'],
      onEvent: (e) => events.push(e),
    });
    open.push({ db, rep });
    expect(rep.unavailable.get('accounts')).toBe('unreachable');
    expect(await db.accounts.count().exec()).toBe(1);
  });
});
