import { describe, expect, it } from 'vitest';
import type { DealLine } from '../../models';
import { DEFAULT_COMMERCIAL_POLICY } from './commercial-policy';
import type { LineProduct } from './deal-lines';
import { planProposal, proposalFileName, type ProposalPlanInput } from './proposal-plan';

const luvas: LineProduct = {
  id: 'p1',
  sku: 'EPI-001',
  name: 'Luvas nitrílicas',
  unit: 'cx',
  prices: [{ priceListId: 'tabela-a', amount: 10_000, currency: 'BRL' }],
};
const oculos: LineProduct = {
  id: 'p2',
  sku: 'EPI-002',
  name: 'Óculos de segurança',
  unit: 'un',
  prices: [{ priceListId: 'tabela-a', amount: 1_500, currency: 'BRL' }],
};
const line = (over: Partial<DealLine>): DealLine => ({
  id: 'l1',
  productId: 'p1',
  sku: 'EPI-001',
  name: 'Luvas nitrílicas',
  qty: 3,
  unitPrice: 9_500,
  discountBp: 500,
  ...over,
});

const base = (lines: DealLine[], proposals: { number: number }[] = []): ProposalPlanInput => ({
  deal: { lines, value: { amount: 0, currency: 'BRL' }, proposals },
  account: {
    id: 'a1',
    segment: 'enterprise',
    conditions: { priceListId: 'tabela-a', discountBp: 500, loyaltyTier: 'none', paymentTerms: '', bonuses: '', creditLimit: 0 } as never,
  },
  products: new Map([
    ['p1', luvas],
    ['p2', oculos],
  ]),
  policy: DEFAULT_COMMERCIAL_POLICY,
  today: '2026-12-03',
  issuedAt: 1,
  issuedBy: 'ana',
  language: 'pt-BR',
  validityDays: 15,
  paymentTerms: ' 30/60 dias ',
  conditions: '',
});

describe('planProposal', () => {
  it("prices the deal's lines for the account today and freezes them as the next version", () => {
    const plan = planProposal(
      base(
        [line({}), line({ id: 'l2', productId: 'p2', sku: 'EPI-002', name: 'Óculos de segurança', qty: 2, bonus: true, discountBp: 0 })],
        [{ number: 1 }, { number: 3 }],
      ),
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan));
    expect(plan.version.number).toBe(4);
    expect(plan.version.validUntil).toBe('2026-12-18');
    expect(plan.version.paymentTerms).toBe('30/60 dias');
    // 100,00 − 5 % account = 95,00 − 5 % line = 90,25 × 3 = 270,75; the bonus is given (0), its list value (2 × 15,00) reported apart.
    expect(plan.version.totals).toMatchObject({ net: 27_075, bonusValue: 3_000, lineCount: 2 });
    expect(plan.version.lines.map((l) => l.bonus)).toEqual([false, true]);
  });

  it('refuses when a product left the catalogue or a line is now above the ceiling, saying which line', () => {
    const gone = planProposal(base([line({ productId: 'p9', sku: 'OLD-1', name: 'Produto antigo' })]));
    expect(gone).toEqual({ ok: false, lines: [{ line: expect.objectContaining({ sku: 'OLD-1' }), issues: ['product_missing'] }] });
    const above = planProposal(base([line({ discountBp: 2_500 })]));
    expect(above.ok).toBe(false);
    expect(!above.ok && 'lines' in above && above.lines[0]!.issues).toEqual(['discount_above_ceiling']);
  });

  it('needs at least one line', () => {
    expect(planProposal(base([]))).toEqual({ ok: false, issue: 'no_lines' });
  });
});

describe('proposalFileName', () => {
  it('is short, ASCII and in the proposal language', () => {
    expect(proposalFileName('Renovação de EPIs — São João / 2027', { number: 2, language: 'pt-BR' })).toBe('proposta-2-renovacao-de-epis-sao-joao-2027.pdf');
    expect(proposalFileName('Açúcar', { number: 1, language: 'en' })).toBe('proposal-1-acucar.pdf');
    expect(proposalFileName('***', { number: 5, language: 'pt-PT' })).toBe('proposta-5.pdf');
  });
});
