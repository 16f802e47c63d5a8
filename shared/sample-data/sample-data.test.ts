import { derivedValues } from '../domain/derived-fields';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDoc } from '../domain/documents';
import { alphanumericOnly, sortKey } from '../domain/text';
import { isValidCnpj, isAlphanumericCnpj } from '../domain/validators/cnpj';
import { isValidCpf } from '../domain/validators/cpf';
import { isValidEmail } from '../domain/validators/email';
import { isValidNif } from '../domain/validators/nif';
import { normalizePhone } from '../domain/validators/phone';
import { COLLECTIONS, COLLECTION_NAMES, INT_MAX, META_FIELDS, type CollectionName, type DocOf } from '../models';
import { stampDoc } from './context';
import { DAY, isoDay, startOfDay } from './dates';
import { generateAll, generateSampleData, isSampleDocument, isSampleId, SAMPLE_SIZES } from './index';
import { newId } from '../domain/ids';
import { lineTotal } from './lines';

const NOW = Date.UTC(2026, 10, 27, 15, 30); // 27 Nov 2026, 12:30 in Brasília
type All = { [C in CollectionName]: DocOf<C>[] };
let data: All;

function ids<C extends CollectionName>(c: C): Set<string> {
  return new Set(data[c].map((d) => d.id));
}

beforeAll(() => {
  data = generateAll({ size: 'S', seed: 42, now: NOW });
});

describe('size S', () => {
  it('has exactly the documents SAMPLE_SIZES lists', () => {
    for (const c of COLLECTION_NAMES) expect(data[c], c).toHaveLength(SAMPLE_SIZES.S[c]);
  });

  it('passes every collection schema', () => {
    for (const c of COLLECTION_NAMES) {
      for (const doc of data[c]) {
        const result = COLLECTIONS[c].schema.safeParse(doc);
        if (!result.success) throw new Error(`${c} ${doc.id}: ${JSON.stringify(result.error.issues)}`);
      }
    }
  });

  it('has unique ids in every collection', () => {
    for (const c of COLLECTION_NAMES) expect(ids(c).size, c).toBe(data[c].length);
  });

  it('marks every document as sample data by its id, and no id a device makes looks like one', () => {
    for (const c of COLLECTION_NAMES) for (const doc of data[c]) expect(isSampleDocument(doc), `${c} ${doc.id}`).toBe(true);
    for (let i = 0; i < 1000; i++) expect(isSampleId(newId())).toBe(false);
  });

  it('carries the bookkeeping createDoc gives: times within [createdAt, now] and a time for every field', () => {
    for (const c of COLLECTION_NAMES) {
      for (const doc of data[c]) {
        expect(doc.createdAt).toBeLessThanOrEqual(NOW);
        expect(doc.updatedAt).toBeGreaterThanOrEqual(doc.createdAt);
        expect(doc.updatedAt).toBeLessThanOrEqual(NOW);
        const fields = Object.keys(doc)
          .filter((k) => !(META_FIELDS as readonly string[]).includes(k))
          .sort();
        expect(Object.keys(doc.fieldTimes).sort()).toEqual(fields);
        expect(Math.max(...Object.values(doc.fieldTimes))).toBe(doc.updatedAt);
      }
    }
  });

  it('stamps exactly as createDoc does for an unedited document', () => {
    const fields = { name: 'x', tags: [] as string[] };
    const expected = createDoc<{ name: string; tags: string[] } & DocOf<'competitors'>>({ ...fields } as never, 'ana', 1000, 'id1');
    expect(stampDoc({ ...fields } as never, { id: 'id1', createdAt: 1000 }, 'ana')).toEqual(expected);
  });
});

describe('determinism', () => {
  it('gives identical documents for the same seed and clock', () => {
    const again = generateAll({ size: 'S', seed: 42, now: NOW });
    for (const c of COLLECTION_NAMES) expect(again[c], c).toEqual(data[c]);
  });

  it('gives different documents for another seed', () => {
    const other = generateSampleData({ size: 'S', seed: 43, now: NOW });
    expect(other.doc('accounts', 0).id).not.toBe(data.accounts[0]!.id);
    expect(other.doc('accounts', 0).name === data.accounts[0]!.name && other.doc('accounts', 1).name === data.accounts[1]!.name).toBe(false);
    expect([...other.docs('contacts', 0, 20)].map((c) => c.emailKey)).not.toEqual(data.contacts.slice(0, 20).map((c) => c.emailKey));
  });

  it('does not depend on batch size or generation order', () => {
    const gen = generateSampleData({ size: 'S', seed: 42, now: NOW });
    expect(gen.doc('activities', 2_999)).toEqual(data.activities[2_999]);
    expect(gen.doc('orders', 17)).toEqual(data.orders[17]);
    const batches = [...gen.batches('deals', 7)];
    expect(batches[0]).toHaveLength(7);
    expect(batches.flat()).toEqual(data.deals);
  });

  it('rejects indexes outside the counts', () => {
    const gen = generateSampleData({ size: 'S', seed: 42, now: NOW });
    expect(() => gen.doc('accounts', 500)).toThrow(RangeError);
  });
});

describe('tax ids, phones and e-mails', () => {
  it('has valid CNPJs (some alphanumeric), CPFs and NIFs, with taxIdDigits derived', () => {
    const kinds = new Map<string, number>();
    let alphanumeric = 0;
    for (const a of data.accounts) {
      kinds.set(a.taxIdKind, (kinds.get(a.taxIdKind) ?? 0) + 1);
      expect(a.taxIdDigits).toBe(alphanumericOnly(a.taxId));
      if (a.taxIdKind === 'cnpj') {
        expect(isValidCnpj(a.taxId), a.taxId).toBe(true);
        if (isAlphanumericCnpj(a.taxId)) alphanumeric++;
      }
      if (a.taxIdKind === 'cpf') expect(isValidCpf(a.taxId), a.taxId).toBe(true);
      if (a.taxIdKind === 'nif') expect(isValidNif(a.taxId), a.taxId).toBe(true);
    }
    expect(kinds.get('cnpj')).toBeGreaterThan(400);
    expect(kinds.get('cpf')).toBeGreaterThan(0);
    expect(alphanumeric).toBeGreaterThan(20);
  });

  it('has phone numbers libphonenumber accepts, mobiles as mobiles', () => {
    const phones = [...data.accounts.flatMap((a) => a.phones), ...data.contacts.slice(0, 500).flatMap((c) => c.phones)];
    for (const phone of phones) {
      const result = normalizePhone(phone.number);
      expect(result.ok, phone.number).toBe(true);
      if (result.ok && (phone.label === 'whatsapp' || phone.label === 'mobile')) expect(result.kind, phone.number).toBe('mobile');
    }
  });

  it('has valid e-mails and lower-cased emailKeys', () => {
    for (const a of data.accounts) for (const e of a.emails) expect(isValidEmail(e.address), e.address).toBe(true);
    for (const c of data.contacts) {
      expect(isValidEmail(c.emails[0]!.address), c.emails[0]!.address).toBe(true);
      expect(c.emailKey).toBe(c.emails[0]!.address.toLowerCase());
    }
  });

  it('sorts names the way the app derives them (accounts by trade name, else legal name)', () => {
    for (const name of ['accounts', 'contacts', 'products', 'competitors'] as const) {
      for (const doc of data[name]) expect(doc).toMatchObject(derivedValues(name, doc as unknown as Record<string, unknown>));
    }
    expect(data.accounts.some((a) => a.tradeName && a.nameSort === sortKey(a.tradeName) && a.nameSort !== sortKey(a.name))).toBe(true);
  });
});

describe('referential integrity', () => {
  it('points contacts, deals, activities, orders, contracts and cases at existing accounts', () => {
    const accounts = ids('accounts');
    for (const c of ['contacts', 'deals', 'activities', 'orders', 'contracts', 'cases'] as const) {
      for (const doc of data[c]) expect(accounts.has(doc.accountId), `${c} ${doc.id}`).toBe(true);
    }
    for (const a of data.accounts) if (a.referredBy) expect(accounts.has(a.referredBy)).toBe(true);
  });

  it('uses contacts of the same account', () => {
    const accountOf = new Map(data.contacts.map((c) => [c.id, c.accountId]));
    for (const d of data.deals) for (const id of d.contactIds) expect(accountOf.get(id)).toBe(d.accountId);
    for (const a of data.activities) if (a.contactId) expect(accountOf.get(a.contactId)).toBe(a.accountId);
    for (const c of data.cases) if (c.contactId) expect(accountOf.get(c.contactId)).toBe(c.accountId);
    for (const e of data.events) for (const i of e.invitations) if (i.contactId) expect(accountOf.get(i.contactId)).toBe(i.accountId);
    for (const c of data.campaigns) for (const r of c.recipients) if (r.contactId) expect(accountOf.get(r.contactId)).toBe(r.accountId);
  });

  it('gives most accounts a contact', () => {
    const withContacts = new Set(data.contacts.map((c) => c.accountId));
    expect(withContacts.size).toBe(data.accounts.length);
  });

  it('prices deal and order lines from existing products, with consistent values', () => {
    const products = new Map(data.products.map((p) => [p.id, p]));
    for (const d of data.deals) {
      for (const line of d.lines) {
        const product = products.get(line.productId);
        expect(product, line.productId).toBeDefined();
        expect(line.sku).toBe(product!.sku);
        expect(product!.prices.map((p) => p.amount)).toContain(line.unitPrice);
      }
      expect(d.value.amount).toBe(d.lines.reduce((s, l) => s + lineTotal(l.qty, l.unitPrice, l.discountBp), 0));
    }
    for (const o of data.orders) {
      for (const line of o.lines) expect(products.has(line.productId)).toBe(true);
      expect(o.total).toBe(o.lines.reduce((s, l) => s + lineTotal(l.qtyOrdered, l.unitPrice, l.discountBp), 0));
    }
  });

  it('links orders, contracts, cases and deals to existing documents of the right account', () => {
    const deals = new Map(data.deals.map((d) => [d.id, d]));
    const contracts = new Map(data.contracts.map((c) => [c.id, c]));
    const orders = new Map(data.orders.map((o) => [o.id, o]));
    const competitors = ids('competitors');
    const products = ids('products');
    for (const o of data.orders) {
      if (o.dealId) {
        expect(deals.get(o.dealId)?.accountId).toBe(o.accountId);
        expect(deals.get(o.dealId)?.stage).toBe('won');
        expect(o.lines.map((l) => l.productId)).toEqual(deals.get(o.dealId)!.lines.map((l) => l.productId));
      }
      if (o.contractId) expect(contracts.get(o.contractId)?.accountId).toBe(o.accountId);
    }
    for (const c of data.contracts) if (c.dealId) expect(deals.get(c.dealId)?.accountId).toBe(c.accountId);
    for (const c of data.cases) {
      if (c.orderId) expect(orders.get(c.orderId)?.accountId).toBe(c.accountId);
      if (c.productId) expect(products.has(c.productId)).toBe(true);
    }
    for (const d of data.deals) if (d.competitorId) expect(competitors.has(d.competitorId)).toBe(true);
    for (const a of data.activities) if (a.dealId) expect(deals.get(a.dealId)?.accountId).toBe(a.accountId);
    for (const c of data.campaigns) for (const p of c.productIds) expect(products.has(p)).toBe(true);
    expect(data.orders.filter((o) => o.dealId).length).toBeGreaterThan(20);
  });
});

describe('realism', () => {
  it('leans to SP, then RJ/MG/PR/RS, and uses real city-state pairs', () => {
    const byState = new Map<string, number>();
    for (const a of data.accounts) byState.set(a.state, (byState.get(a.state) ?? 0) + 1);
    const ranked = [...byState].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    expect(ranked[0]).toBe('SP');
    expect(ranked.slice(1, 6)).toEqual(expect.arrayContaining(['RJ', 'MG']));
    const campinas = data.accounts.filter((a) => a.city === 'Campinas');
    for (const a of campinas) expect(a.state).toBe('SP');
    for (const a of data.accounts.filter((x) => x.country === 'BR')) expect(a.addresses[0]!.postalCode).toMatch(/^\d{5}-\d{3}$/);
  });

  it('names companies the Brazilian way', () => {
    const forms = data.accounts.filter((a) => / (Ltda\.|S\.A\.|ME|EIRELI|EPP)$/.test(a.name));
    expect(forms.length).toBeGreaterThan(300);
    expect(data.accounts.some((a) => a.name.startsWith('Prefeitura Municipal de '))).toBe(true);
  });

  it('spreads statuses and flags risk mostly on prospects and leads', () => {
    const statuses = new Set(data.accounts.map((a) => a.status));
    expect(statuses.size).toBe(6);
    const risky = data.accounts.filter((a) => a.risk.signals.length > 0);
    expect(risky.length).toBeGreaterThan(10);
    expect(risky.filter((a) => a.status === 'lead' || a.status === 'prospect').length).toBeGreaterThan(risky.length / 2);
    for (const a of risky) expect(a.risk.score).toBeGreaterThan(0);
  });

  it('has open tasks overdue, due today and ahead of now', () => {
    const open = data.activities.filter((a) => a.type === 'task' && a.taskState === 'open');
    const today = startOfDay(NOW);
    expect(open.filter((t) => t.dueAt < today).length).toBeGreaterThan(10);
    expect(open.filter((t) => isoDay(t.dueAt) === isoDay(NOW)).length).toBeGreaterThan(5);
    expect(open.filter((t) => t.dueAt >= today + DAY).length).toBeGreaterThan(10);
    for (const a of data.activities) expect(a.atInv).toBe(INT_MAX - a.at);
    for (const a of data.activities.filter((x) => x.type !== 'task')) expect(a.dueAt).toBe(0);
  });

  it('writes meeting notes in Portuguese', () => {
    const meeting = data.activities.find((a) => a.type === 'meeting')!;
    expect(meeting.body).toContain('Participantes:');
    expect(meeting.body).toContain('Próximos passos:');
  });

  it('has partial and late deliveries that really are partial and late', () => {
    const partial = data.orders.filter((o) => o.status === 'partially_delivered');
    expect(partial.length).toBeGreaterThan(10);
    for (const o of partial) expect(o.lines.some((l) => l.qtyDelivered < l.qtyOrdered)).toBe(true);
    const delivered = data.orders.filter((o) => o.status === 'delivered');
    for (const o of delivered) expect(o.lines.every((l) => l.qtyDelivered === l.qtyOrdered)).toBe(true);
    expect(delivered.filter((o) => o.deliveredDate > o.promisedDate).length).toBeGreaterThan(5);
    // Every delivered unit is in a shipment: qtyDelivered is the sum of the order's shipments.
    for (const o of data.orders) {
      for (const l of o.lines) {
        const shipped = (o.shipments ?? []).flatMap((s) => s.lines).filter((s) => s.lineId === l.id);
        expect(shipped.reduce((n, s) => n + s.qty, 0)).toBe(l.qtyDelivered);
      }
    }
  });

  it('prices the catalogue per price list in centavos, cheapest on tabela-a', () => {
    for (const p of data.products) {
      expect(p.prices.map((x) => x.priceListId)).toEqual(['tabela-a', 'tabela-b', 'tabela-c']);
      expect(p.prices[0]!.amount).toBeLessThanOrEqual(p.prices[1]!.amount);
      expect(p.prices[1]!.amount).toBeLessThanOrEqual(p.prices[2]!.amount);
    }
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
  });
});

describe('generateAll', () => {
  it('refuses size L, which must be streamed', () => {
    expect(() => generateAll({ size: 'L', seed: 1, now: NOW })).toThrow();
  });

  it('honours custom counts and owners', () => {
    const small = generateAll({ size: 'L', seed: 1, now: NOW, owners: ['zeca'], counts: { ...SAMPLE_SIZES.S, accounts: 20, contacts: 10, activities: 30 } });
    expect(small.accounts).toHaveLength(20);
    expect(small.contacts).toHaveLength(10);
    expect(new Set(small.activities.map((a) => a.ownerId))).toEqual(new Set(['zeca']));
  });
});
