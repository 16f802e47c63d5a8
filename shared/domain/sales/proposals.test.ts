import { describe, expect, it } from 'vitest';
import { priceDealLine, type LinePolicy, type LineProduct, type PricedLine } from './deal-lines';
import { nextProposalVersion, proposalChange, proposalValidOn, proposalVersionSchema, type NewProposal, type ProposalVersion } from './proposals';

const product = (id: string, amount: number): LineProduct => ({
  id,
  sku: id.toUpperCase(),
  name: `Produto ${id}`,
  unit: 'un',
  prices: [{ priceListId: 'tabela-b', amount, currency: 'BRL' }],
});
const policy: LinePolicy = { date: '2026-12-01', discountCeilingBp: 2_000, currency: 'BRL' };
const line = (p: LineProduct, quantity: number, discountBp = 0, bonus = false): PricedLine => {
  const r = priceDealLine(p, { priceListId: '', discountBp: 0, loyaltyTier: 'none' }, { quantity, discountBp, bonus }, policy);
  if (!r.ok) throw new Error(r.issues.join());
  return r.line;
};
const a = product('a', 10_000);
const b = product('b', 2_550);
const input = (lines: PricedLine[], over: Partial<NewProposal> = {}): NewProposal => ({
  lines,
  today: '2026-12-20',
  issuedAt: 1,
  issuedBy: 'ana',
  language: 'pt-BR',
  paymentTerms: '30/60 dias',
  ...over,
});
const version = (r: ReturnType<typeof nextProposalVersion>): ProposalVersion => {
  if (!r.ok) throw new Error(r.issue);
  return r.version;
};

describe('proposal versions', () => {
  it('freeze the lines, the totals and the validity, numbered after the highest kept', () => {
    const v1 = version(nextProposalVersion([], input([line(a, 3), line(b, 4, 500), line(b, 1, 0, true)])));
    expect(v1.number).toBe(1);
    expect(v1.date).toBe('2026-12-20');
    expect(v1.validUntil).toBe('2027-01-04'); // 15 days, across the year
    expect(v1.totals).toEqual({ lineCount: 3, gross: 40_200, discount: 508, net: 39_692, bonusValue: 2_550 });
    // 2 550 −5 % = 2 422.5 → 2 423 (half up) × 4 = 9 692
    expect(v1.lines[1]).toMatchObject({ productId: 'b', quantity: 4, discountBp: 500, unitPrice: 2_423, total: 9_692 });
    expect(proposalVersionSchema.safeParse(v1).success).toBe(true);
    const v3 = version(nextProposalVersion([{ number: 1 }, { number: 2 }], input([line(a, 1)], { validityDays: 0 })));
    expect(v3.number).toBe(3);
    expect(v3.validUntil).toBe('2026-12-20');
  });

  it('refuse a proposal without lines, with a negative validity or a bad day', () => {
    expect(nextProposalVersion([], input([]))).toEqual({ ok: false, issue: 'no_lines' });
    expect(nextProposalVersion([], input([line(a, 1)], { validityDays: -1 }))).toEqual({ ok: false, issue: 'validity_before_date' });
    expect(nextProposalVersion([], input([line(a, 1)], { today: '2026-02-30' }))).toEqual({ ok: false, issue: 'bad_date' });
  });

  it('hold until their validity day, included', () => {
    const v = version(nextProposalVersion([], input([line(a, 1)], { validityDays: 10 })));
    expect(proposalValidOn(v, '2026-12-30')).toBe(true);
    expect(proposalValidOn(v, '2026-12-31')).toBe(false);
  });

  it('show what moved between two versions of the negotiation', () => {
    const v1 = version(nextProposalVersion([], input([line(a, 3), line(b, 4)])));
    const v2 = version(nextProposalVersion([v1], input([line(a, 3, 1_000), line(b, 1, 0, true)])));
    expect(proposalChange(v1, v2)).toEqual({ from: 1, to: 2, netChange: 27_000 - 40_200, added: ['b'], removed: ['b'], changed: ['a'] });
  });
});
