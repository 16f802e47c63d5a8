import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { LEGACY_DEAL_STAGES, toJsonSchema, type Contract } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../types';
import { createRepository } from '../repository';

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

/** The deals schema as version 0 stored it: a fixed list of stages, no bonus lines, objections nor close day. */
function dealsSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('deals')) as unknown as { properties: Record<string, Record<string, unknown>>; version: number };
  const { objections: _o, closedAt: _c, proposals: _p, ...properties } = v1.properties;
  properties.stage = { type: 'string', enum: [...LEGACY_DEAL_STAGES], maxLength: 11 };
  const line = properties.lines!.items as { properties: Record<string, unknown> };
  delete line.properties.bonus;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyDeal = (id: string, stage: string) => ({
  id,
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  accountId: 'a1',
  title: `Negócio ${id}`,
  stage,
  lines: [{ id: 'l1', productId: 'p1', sku: 'SKU-1', name: 'Caneta', qty: 2, unitPrice: 150, discountBp: 0 }],
  value: { amount: 300, currency: 'BRL' },
  probability: 20,
  expectedClose: '2026-12-20',
  lostReason: '',
  competitorId: '',
  contactIds: [],
  ownerId: 'ana',
  notes: [],
});

describe('deals, schema version 0 → 1', () => {
  it('keeps every deal of a laptop with the older app, each in the pipeline stage its old stage means', async () => {
    const name = `migrate-deals-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ deals: { schema: dealsSchemaV0() } });
    await old.deals!.bulkInsert(LEGACY_DEAL_STAGES.map((stage, i) => legacyDeal(`d${i}`, stage)));
    await old.close();

    db = await createDatabaseOn(name);
    const deals = (await db.deals.find().exec()).map((d) => d.toJSON());
    expect(Object.fromEntries(deals.map((d) => [d.title, d.stage]))).toEqual({
      'Negócio d0': 'prospecting',
      'Negócio d1': 'needs_identified',
      'Negócio d2': 'proposal_presented',
      'Negócio d3': 'negotiation',
      'Negócio d4': 'won',
      'Negócio d5': 'lost',
    });
    // Nothing else of the deal changed: lines, value and probability are as the older app left them.
    const first = deals.find((d) => d.id === 'd0')!;
    expect(first.lines).toEqual(legacyDeal('d0', 'lead').lines);
    expect(first.value).toEqual({ amount: 300, currency: 'BRL' });
    expect(first.probability).toBe(20);
  });
});

/** The contracts schema as version 0 stored it: no renewal day, versions without their terms. */
function contractsSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('contracts')) as unknown as { properties: Record<string, Record<string, unknown>>; version: number };
  const { renewalDate: _r, ...properties } = v1.properties;
  const version = properties.versions!.items as { properties: Record<string, unknown> };
  delete version.properties.terms;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyContract: Omit<Contract, 'renewalDate'> = {
  id: 'c1',
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  number: 'CT-2026-001',
  accountId: 'a1',
  dealId: 'd1',
  title: 'Fornecimento de EPIs 2027',
  status: 'active',
  value: { amount: 1_200_000, currency: 'BRL' },
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  termMonths: 12,
  clauses: [{ id: 'k1', kind: 'referral', text: 'O cliente indicará 2 empresas após 90 dias.' }],
  versions: [{ version: 1, at: 1, by: 'ana', summary: 'Minuta inicial enviada ao cliente.' }],
  signedAt: 5,
  ownerId: 'ana',
  notes: [],
};

describe('contracts, schema version 0 → 1', () => {
  it('keeps every contract of the older app as it was, and takes a renewal day and versions with their terms afterwards', async () => {
    const name = `migrate-contracts-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ contracts: { schema: contractsSchemaV0() } });
    await old.contracts!.insert(legacyContract);
    await old.close();

    db = await openTestDatabase('dexie', name, { collections: ['contracts'] });
    const migrated = (await db.contracts.findOne('c1').exec())!;
    expect(migrated.toJSON()).toMatchObject({ ...legacyContract, fieldTimes: {} });
    expect(migrated.toJSON().renewalDate).toBeUndefined();
    const terms = { ...legacyContract, renewalDate: '2027-10-31' };
    await migrated.incrementalPatch({
      renewalDate: '2027-10-31',
      versions: [
        ...legacyContract.versions,
        {
          version: 2,
          at: 9,
          by: 'ana',
          summary: 'renewalDate',
          terms: {
            title: terms.title,
            value: terms.value,
            startDate: terms.startDate,
            endDate: terms.endDate,
            termMonths: 12,
            renewalDate: terms.renewalDate,
            clauses: terms.clauses,
          },
        },
      ],
    });
    const saved = (await db.contracts.findOne('c1').exec())!.toJSON();
    expect(saved.renewalDate).toBe('2027-10-31');
    expect(saved.versions[1]?.terms?.renewalDate).toBe('2027-10-31');
  });
});

/** The cases schema as version 0 stored it: no channel, no actions. */
function casesSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('cases')) as unknown as { properties: Record<string, unknown>; version: number };
  const { channel: _c, actions: _a, ...properties } = v1.properties;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyCase = (id: string, status: string) => ({
  id,
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  accountId: 'a1',
  contactId: '',
  orderId: '',
  productId: '',
  kind: 'complaint',
  subject: `Ocorrência ${id}`,
  description: 'Caixas amassadas',
  severity: 'high',
  status,
  resolution: status === 'resolved' ? 'Troca feita' : '',
  satisfaction: status === 'resolved' ? 5 : 0,
  openedAt: 1_000,
  resolvedAt: status === 'resolved' ? 5_000 : 0,
  ownerId: 'ana',
  notes: [{ id: 'n1', at: 2_000, by: 'ana', text: 'Cliente ligou' }],
});

describe('cases, schema version 0 → 1', () => {
  it('keeps every case of a laptop with the older app as it was, and takes a channel and actions afterwards', async () => {
    const name = `migrate-cases-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ cases: { schema: casesSchemaV0() } });
    await old.cases!.bulkInsert([legacyCase('c1', 'open'), legacyCase('c2', 'resolved')]);
    await old.close();

    db = await openTestDatabase('dexie', name, { collections: ['cases'] });
    const cases = (await db.cases.find().exec()).map((d) => d.toJSON());
    expect(cases.map((c) => [c.id, c.status, c.resolution, c.satisfaction, c.resolvedAt])).toEqual([
      ['c1', 'open', '', 0, 0],
      ['c2', 'resolved', 'Troca feita', 5, 5_000],
    ]);
    expect(cases[0]!.notes).toEqual(legacyCase('c1', 'open').notes);
    expect(cases[0]!.channel).toBeUndefined();
    const updated = await createRepository(db, 'cases', () => 'ana').update('c1', {
      channel: 'whatsapp',
      actions: [{ id: 'x1', at: 3_000, by: 'ana', text: 'Enviei fotos à logística' }],
    });
    expect(updated.channel).toBe('whatsapp');
    expect(updated.actions).toHaveLength(1);
  });
});

function createDatabaseOn(name: string, collections: ('deals' | 'orders')[] = ['deals']): Promise<CarteiraDatabase> {
  return openTestDatabase('dexie', name, { collections });
}

/** The orders schema as version 0 stored it: draft … cancelled, no shipments nor bonus lines. */
function ordersSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('orders')) as unknown as { properties: Record<string, Record<string, unknown>>; version: number };
  const { shipments: _s, ...properties } = v1.properties;
  properties.status = { type: 'string', enum: ['draft', 'confirmed', 'partially_delivered', 'delivered', 'cancelled'], maxLength: 19 };
  const line = properties.lines!.items as { properties: Record<string, unknown> };
  delete line.properties.bonus;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyOrder = (id: string, status: string) => ({
  id,
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  number: `PV-${id}`,
  accountId: 'a1',
  dealId: '',
  contractId: '',
  status,
  lines: [
    {
      id: 'l1',
      productId: 'p1',
      sku: 'SKU-1',
      name: 'Caneta',
      qtyOrdered: 4,
      qtyDelivered: status === 'partially_delivered' ? 1 : 0,
      unitPrice: 150,
      discountBp: 0,
    },
  ],
  currency: 'BRL',
  total: 600,
  orderedAt: 1_777_000_000_000,
  promisedDate: '2026-05-10',
  deliveredDate: '',
  ownerId: 'ana',
  notes: [],
});

describe('orders, schema version 0 → 1', () => {
  it('keeps every order of a laptop with the older app: a draft becomes received, the other statuses and the lines stay', async () => {
    const name = `migrate-orders-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ orders: { schema: ordersSchemaV0() } });
    const statuses = ['draft', 'confirmed', 'partially_delivered', 'delivered', 'cancelled'];
    await old.orders!.bulkInsert(statuses.map((status, i) => legacyOrder(`o${i}`, status)));
    await old.close();

    db = await createDatabaseOn(name, ['orders']);
    const orders = (await db.orders.find().exec()).map((o) => o.toJSON());
    expect(Object.fromEntries(orders.map((o) => [o.number, o.status]))).toEqual({
      'PV-o0': 'received',
      'PV-o1': 'confirmed',
      'PV-o2': 'partially_delivered',
      'PV-o3': 'delivered',
      'PV-o4': 'cancelled',
    });
    const partial = orders.find((o) => o.id === 'o2')!;
    expect(partial.lines).toEqual(legacyOrder('o2', 'partially_delivered').lines);
    expect(partial.total).toBe(600);
    expect(partial.shipments).toBeUndefined();
  });
});

/** The events schema as version 0 stored it: no stand, budget, goals, questions, consent text nor captures. */
function eventsSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('events')) as unknown as { properties: Record<string, Record<string, unknown>>; version: number };
  const { stand: _s, budget: _b, goals: _g, questions: _q, consentText: _t, consentRequired: _r, captures: _c, ...properties } = v1.properties;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyEvent = {
  id: 'e1',
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  name: 'Feicon 2026',
  kind: 'trade_fair',
  startDate: '2026-04-07',
  endDate: '2026-04-10',
  venue: 'São Paulo Expo',
  city: 'São Paulo',
  state: 'SP',
  invitations: [{ accountId: 'a1', contactId: 'c1', status: 'invited' }],
  leadAccountIds: ['a2'],
  ownerId: 'ana',
  notes: [],
};

describe('events, schema version 0 → 1', () => {
  it('keeps every event of the older app as it was, and takes questions, a consent text and captures afterwards', async () => {
    const name = `migrate-events-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ events: { schema: eventsSchemaV0() } });
    await old.events!.insert(legacyEvent);
    await old.close();

    db = await openTestDatabase('dexie', name, { collections: ['events'] });
    const migrated = (await db.events.findOne('e1').exec())!.toJSON();
    expect(migrated).toMatchObject(legacyEvent);
    expect(migrated.questions).toBeUndefined();
    const updated = await createRepository(db, 'events', () => 'ana').update('e1', {
      stand: 'Rua C, 42',
      consentText: 'Aceito receber contatos comerciais da Carteira.',
      consentRequired: true,
      questions: [{ id: 'q1', label: 'Compra em volume?', kind: 'yes_no' }],
      captures: [
        {
          id: 'k1',
          kind: 'lead',
          accountId: 'a2',
          contactId: 'c2',
          activityId: '',
          at: 5,
          by: 'ana',
          interests: ['EPI'],
          answers: [{ questionId: 'q1', value: 'yes' }],
        },
      ],
    });
    expect(updated.questions).toHaveLength(1);
    expect((await db.events.findOne('e1').exec())!.toJSON().captures?.[0]?.interests).toEqual(['EPI']);
  });
});

/** The competitors schema as version 0 stored it: no positioning against our catalogue. */
function competitorsSchemaV0(): RxJsonSchema<Record<string, unknown>> {
  const v1 = structuredClone(toJsonSchema('competitors')) as unknown as { properties: Record<string, unknown>; version: number };
  const { positioning: _p, ...properties } = v1.properties;
  return { ...v1, version: 0, properties } as unknown as RxJsonSchema<Record<string, unknown>>;
}

const legacyCompetitor = {
  id: 'k1',
  createdAt: 1,
  updatedAt: 1,
  updatedBy: 'older app',
  fieldTimes: {},
  name: 'Distribuidora Ômega',
  nameSort: 'distribuidora omega',
  website: 'omega.example',
  strengths: ['Entrega em 24 h'],
  weaknesses: [],
  opportunities: [],
  threats: ['Preço agressivo'],
  pricePositioning: 'lower',
  notes: [],
};

describe('competitors, schema version 0 → 1', () => {
  it('keeps every competitor of the older app as it was, and takes positioning against our catalogue afterwards', async () => {
    const name = `migrate-competitors-${Date.now()}`;
    const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }) as RxStorage<unknown, unknown>;
    const old = await createRxDatabase({ name, storage: storage(), multiInstance: false });
    await old.addCollections({ competitors: { schema: competitorsSchemaV0() } });
    await old.competitors!.insert(legacyCompetitor);
    await old.close();

    db = await openTestDatabase('dexie', name, { collections: ['competitors'] });
    const migrated = (await db.competitors.findOne('k1').exec())!.toJSON();
    expect(migrated).toMatchObject(legacyCompetitor);
    expect(migrated.positioning).toBeUndefined();
    await createRepository(db, 'competitors', () => 'ana').update('k1', {
      positioning: [{ id: 'p1', category: 'Papelaria', productId: '', productName: '', position: 'higher', note: 'Cobram frete' }],
    });
    expect((await db.competitors.findOne('k1').exec())!.toJSON().positioning).toEqual([
      { id: 'p1', category: 'Papelaria', productId: '', productName: '', position: 'higher', note: 'Cobram frete' },
    ]);
  });
});
