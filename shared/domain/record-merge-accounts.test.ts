import { describe, expect, it } from 'vitest';
import { INT_MAX, type Account } from '../models';
import { activitySchema, accountSchema } from '../models';
import { createDoc, editDoc } from './documents';
import { ACCOUNT_MERGE_FIELDS, defaultChoices, differingFields, fieldValue, planAccountMerge, type RelatedDocs } from './record-merge-accounts';

const NOW = 1_780_000_000_000;

function account(id: string, over: Partial<Account> = {}): Account {
  return {
    ...createDoc<Account>(
      {
        name: 'Empresa',
        tradeName: '',
        nameSort: 'empresa',
        status: 'client',
        segment: 'retail',
        industry: '',
        taxIdKind: 'cnpj',
        taxId: '11.222.333/0001-81',
        taxIdDigits: '11222333000181',
        country: 'BR',
        city: '',
        state: '',
        addresses: [],
        phones: [],
        emails: [],
        website: '',
        preferredChannel: 'phone',
        ownerId: 'ana',
        tags: [],
        source: 'other',
        referredBy: '',
        risk: { signals: [], score: 0 },
        conditions: { priceListId: '', discountBp: 0, paymentTerms: '', bonuses: '', loyaltyTier: 'none' },
        notes: [],
      },
      'test',
      1,
      id,
    ),
    ...over,
  };
}

const survivor = account('s', {
  name: 'Papéis Paulista Ltda',
  tradeName: 'Papéis Paulista',
  city: 'São Paulo',
  industry: '',
  phones: [{ label: 'work', number: '+55 11 98765 4321' }],
  emails: [{ label: 'work', address: 'compras@papeis.com.br' }],
  addresses: [{ kind: 'billing', street: 'Rua A', number: '10', city: 'São Paulo', state: 'SP', postalCode: '01000-000', country: 'BR' }],
  tags: ['Papel', 'vip'],
  notes: [{ id: 'n1', at: 10, by: 'ana', text: 'Cliente antigo' }],
  risk: { signals: [{ id: 'r1', kind: 'late_payments', note: '', seenAt: 5, recordedBy: 'ana' }], score: 25 },
  conditions: { priceListId: 'P1', discountBp: 500, paymentTerms: '30 dias', bonuses: '', loyaltyTier: 'none' },
});
const duplicate = account('d', {
  name: 'Distribuidora Paulista de Papéis Ltda',
  tradeName: '',
  city: 'Campinas',
  industry: 'Papelaria',
  website: 'papeis.com.br',
  phones: [
    { label: 'work', number: '(11) 98765-4321' },
    { label: 'mobile', number: '+55 11 91234 5678' },
  ],
  emails: [
    { label: 'work', address: 'Compras@Papeis.com.br' },
    { label: 'billing', address: 'nf@papeis.com.br' },
  ],
  addresses: [
    { kind: 'billing', street: 'Rua A', number: '10', city: 'Sao Paulo', state: 'SP', postalCode: '01000000', country: 'BR' },
    { kind: 'shipping', street: 'Av. B', number: '200', city: 'Campinas', state: 'SP', postalCode: '13000-000', country: 'BR' },
  ],
  tags: ['papel', 'atacado'],
  notes: [{ id: 'n2', at: 5, by: 'rui', text: 'Pediu catálogo' }],
  risk: { signals: [{ id: 'r2', kind: 'credit_restrictions', note: 'Serasa', seenAt: 6, recordedBy: 'rui' }], score: 35 },
  conditions: { priceListId: '', discountBp: 0, paymentTerms: '', bonuses: 'Frete grátis', loyaltyTier: 'gold' },
  referredBy: 's',
});
const related: RelatedDocs = {
  byAccountId: { contacts: ['c1', 'c2'], activities: ['a1'], deals: ['dl1'], orders: ['o1'], contracts: ['k1'], cases: ['cs1'] },
  referrals: ['x1', 's'],
  events: [
    {
      id: 'e1',
      leadAccountIds: ['d', 's', 'z'],
      invitations: [
        { accountId: 'd', contactId: 'c1', status: 'invited' },
        { accountId: 'z', contactId: '', status: 'planned' },
      ],
    },
  ],
  campaigns: [
    {
      id: 'cp1',
      recipients: [
        { accountId: 'd', contactId: 'c1', status: 'sent' },
        { accountId: 'q', contactId: '', status: 'pending' },
      ],
    },
  ],
};

describe('planning an account merge', () => {
  const plan = planAccountMerge({ survivor, duplicate, related, now: NOW, by: 'ana' });
  const merged = editDoc(survivor, plan.survivorPatch as never, 'ana', NOW);

  it("defaults to the survivor's value, and to the duplicate's where the survivor has none", () => {
    const choices = defaultChoices(survivor, duplicate);
    expect(choices.name).toBe('survivor');
    expect(choices.city).toBe('survivor');
    expect(choices.industry).toBe('duplicate');
    expect(choices.website).toBe('duplicate');
    expect(choices['conditions.bonuses']).toBe('duplicate');
    expect(choices['conditions.loyaltyTier']).toBe('duplicate');
    expect(choices['conditions.priceListId']).toBe('survivor');
    expect(merged.city).toBe('São Paulo');
    expect(merged.industry).toBe('Papelaria');
    expect(merged.conditions).toEqual({ priceListId: 'P1', discountBp: 500, paymentTerms: '30 dias', bonuses: 'Frete grátis', loyaltyTier: 'gold' });
    expect(differingFields(survivor, duplicate)).toContain('city');
    expect(differingFields(survivor, duplicate)).not.toContain('taxId');
  });

  it('honours a per-field choice and recomputes the sort key', () => {
    const p = planAccountMerge({ survivor, duplicate, related, now: NOW, by: 'ana', choices: { city: 'duplicate', tradeName: 'duplicate' } });
    expect(p.survivorPatch.city).toBe('Campinas');
    expect(p.survivorPatch.tradeName).toBe('');
    expect(p.survivorPatch.nameSort).toBe('papeis paulista ltda');
  });

  it('loses nothing of either account: lists are unions, deduplicated by value', () => {
    expect(merged.phones.map((p) => p.number)).toEqual(['+55 11 98765 4321', '+55 11 91234 5678']);
    expect(merged.emails.map((e) => e.address)).toEqual(['compras@papeis.com.br', 'nf@papeis.com.br']);
    expect(merged.addresses.map((a) => a.street)).toEqual(['Rua A', 'Av. B']);
    expect(merged.tags).toEqual(['Papel', 'vip', 'atacado']);
    expect(merged.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(merged.risk.signals.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(merged.risk.score).toBe(35);
    // Every scalar value of the duplicate is either kept or written in the record.
    for (const f of ACCOUNT_MERGE_FIELDS) {
      const v = fieldValue(duplicate, f);
      if (JSON.stringify(v) === JSON.stringify(fieldValue(merged, f))) continue;
      expect(plan.record.body).toContain(JSON.stringify(v, null, 2).split('\n')[0]!.trim());
    }
    expect(() => accountSchema.parse(merged)).not.toThrow();
  });

  it('repoints every related document, referral, event lead and campaign recipient to the survivor', () => {
    const byCollection = (c: string) => plan.repoint.filter((r) => r.collection === c);
    expect(byCollection('contacts').map((r) => r.id)).toEqual(['c1', 'c2']);
    for (const c of ['contacts', 'activities', 'deals', 'orders', 'contracts', 'cases']) {
      expect(byCollection(c).length).toBe(related.byAccountId[c as 'contacts']!.length);
      for (const r of byCollection(c)) expect(r.patch).toEqual({ accountId: 's' });
    }
    expect(byCollection('accounts')).toEqual([{ collection: 'accounts', id: 'x1', patch: { referredBy: 's' } }]);
    expect(byCollection('events')[0]!.patch).toEqual({
      leadAccountIds: ['s', 'z'],
      invitations: [
        { accountId: 's', contactId: 'c1', status: 'invited' },
        { accountId: 'z', contactId: '', status: 'planned' },
      ],
    });
    expect(byCollection('campaigns')[0]!.patch).toEqual({
      recipients: [
        { accountId: 's', contactId: 'c1', status: 'sent' },
        { accountId: 'q', contactId: '', status: 'pending' },
      ],
    });
    // The duplicate was referred by the survivor: the survivor is not referred by itself.
    expect(merged.referredBy).toBe('');
  });

  it('writes a note on the survivor with a readable list and a JSON snapshot of the removed account and moved ids', () => {
    const r = plan.record;
    expect(() => activitySchema.parse(createDoc(r, 'ana', NOW))).not.toThrow();
    expect(r).toMatchObject({ type: 'note', accountId: 's', at: NOW, atInv: INT_MAX - NOW, taskState: 'none' });
    expect(r.summary).toBe('Conta Distribuidora Paulista de Papéis Ltda mesclada nesta conta');
    expect(r.body).toContain('- city: Campinas');
    expect(r.body).toContain('- phones: 1 + 2 → 2');
    expect(r.body).toContain('- contacts: 2');
    const json = JSON.parse(r.body.slice(r.body.indexOf('{')));
    expect(json.mergedAccount).toEqual(duplicate);
    expect(json.moved.contacts).toEqual(['c1', 'c2']);
    expect(json.moved.referrals).toEqual(['x1']);
    expect(json.survivorValuesReplaced).toEqual({});
  });

  it("keeps the survivor's replaced values in the record", () => {
    const p = planAccountMerge({ survivor, duplicate, related, now: NOW, by: 'ana', choices: { city: 'duplicate' } });
    const json = JSON.parse(p.record.body.slice(p.record.body.indexOf('{')));
    expect(json.survivorValuesReplaced.city).toBe('São Paulo');
  });

  it('refuses to merge an account into itself', () => {
    expect(() => planAccountMerge({ survivor, duplicate: survivor, related, now: NOW, by: 'ana' })).toThrow();
  });
});
