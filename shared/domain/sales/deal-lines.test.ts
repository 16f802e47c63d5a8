import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PricingConditions } from '../pricing';
import { dealTotals, priceDealLine, storedDealValue, toStoredLine, type LinePolicy, type LineProduct, type PricedLine } from './deal-lines';

const luvas: LineProduct = {
  id: 'p-luvas',
  sku: 'EPI-001',
  name: 'Luvas de proteção nitrílicas',
  unit: 'cx',
  prices: [
    { priceListId: 'tabela-a', amount: 4_990, currency: 'BRL' },
    { priceListId: 'tabela-b', amount: 5_490, currency: 'BRL' },
  ],
  promotion: { label: 'Semana do EPI', discountBp: 1_000, from: '2026-11-01', to: '2026-11-15' },
};
const cabo: LineProduct = {
  id: 'p-cabo',
  sku: 'CAB-10',
  name: 'Cabo de aço',
  unit: 'm',
  prices: [{ priceListId: 'tabela-b', amount: 1_333, currency: 'BRL' }],
};
const conditions: PricingConditions = { priceListId: 'tabela-a', discountBp: 500, loyaltyTier: 'silver' };
const policy: LinePolicy = { date: '2026-12-01', discountCeilingBp: 1_500, currency: 'BRL' };

const ok = (result: ReturnType<typeof priceDealLine>): PricedLine => {
  if (!result.ok) throw new Error(result.issues.join());
  return result.line;
};

describe('priceDealLine', () => {
  it('prices from the account’s list, its conditions, then the line’s discount, to the cent', () => {
    const line = ok(priceDealLine(luvas, conditions, { quantity: 12, discountBp: 750 }, policy));
    // 4 990 −5 % → 4 740.5 → 4 741; −2 % (silver) → 4 646.18 → 4 646; −7.5 % → 4 297.55 → 4 298
    expect(line).toMatchObject({ listPrice: 4_990, accountPrice: 4_646, unitPrice: 4_298, quantity: 12, bonus: false, currency: 'BRL' });
    expect(line.gross).toBe(59_880);
    expect(line.total).toBe(51_576);
    expect(line.discount).toBe(59_880 - 51_576);
    expect(line.price.priceListId).toBe('tabela-a');
  });

  it('applies the promotion on its days only', () => {
    const inPromo = ok(priceDealLine(luvas, conditions, { quantity: 1, discountBp: 0 }, { ...policy, date: '2026-11-15' }));
    expect(inPromo.price.promotion?.label).toBe('Semana do EPI');
    expect(inPromo.unitPrice).toBeLessThan(ok(priceDealLine(luvas, conditions, { quantity: 1, discountBp: 0 }, policy)).unitPrice);
  });

  it('rounds fractional quantities half up to the centavo', () => {
    // 1 333 × 2.375 m = 3 165.875 → 3 166; at 10 % line discount: 1 199.7 → 1 200 × 2.375 = 2 850
    const line = ok(priceDealLine(cabo, { priceListId: '', discountBp: 0, loyaltyTier: 'none' }, { quantity: 2.375, discountBp: 1_000 }, policy));
    expect(line.gross).toBe(3_166);
    expect(line.unitPrice).toBe(1_200);
    expect(line.total).toBe(2_850);
  });

  it('refuses a negotiated discount above the ceiling, and takes one exactly at it', () => {
    expect(priceDealLine(luvas, conditions, { quantity: 1, discountBp: 1_501 }, policy)).toEqual({ ok: false, issues: ['discount_above_ceiling'] });
    expect(priceDealLine(luvas, conditions, { quantity: 1, discountBp: 1_500 }, policy).ok).toBe(true);
    expect(priceDealLine(luvas, conditions, { quantity: 1, discountBp: 1 }, { ...policy, discountCeilingBp: 0 })).toEqual({
      ok: false,
      issues: ['discount_above_ceiling'],
    });
  });

  it('reports every bad input at once: negative or fractional boxes, odd discounts, no price, another currency', () => {
    expect(priceDealLine(luvas, conditions, { quantity: -2, discountBp: -5 }, policy)).toEqual({
      ok: false,
      issues: ['quantity_not_positive', 'discount_out_of_range'],
    });
    expect(priceDealLine(luvas, conditions, { quantity: 0, discountBp: 0 }, policy)).toEqual({ ok: false, issues: ['quantity_not_positive'] });
    expect(priceDealLine(luvas, conditions, { quantity: Number.NaN, discountBp: 0 }, policy)).toEqual({ ok: false, issues: ['quantity_not_positive'] });
    expect(priceDealLine(luvas, conditions, { quantity: 1.5, discountBp: 12.5 }, policy)).toEqual({
      ok: false,
      issues: ['quantity_not_whole', 'discount_out_of_range'],
    });
    expect(priceDealLine(cabo, conditions, { quantity: 1.0005, discountBp: 0 }, policy)).toEqual({ ok: false, issues: ['quantity_too_precise'] });
    expect(priceDealLine({ ...cabo, prices: [] }, conditions, { quantity: 1, discountBp: 0 }, policy)).toEqual({ ok: false, issues: ['no_price'] });
    expect(priceDealLine(cabo, conditions, { quantity: 1, discountBp: 0 }, { ...policy, currency: 'EUR' })).toEqual({
      ok: false,
      issues: ['currency_mismatch'],
    });
  });

  it('charges nothing for a bonus line and reports its list value apart', () => {
    const bonus = ok(priceDealLine(luvas, conditions, { quantity: 2, discountBp: 9_000, bonus: true }, policy));
    expect(bonus).toMatchObject({ bonus: true, unitPrice: 0, total: 0, discount: 0, discountBp: 0, gross: 9_980, bonusValue: 9_980 });
  });
});

describe('dealTotals', () => {
  it('adds the lines up: net = gross − discount, bonuses apart', () => {
    const lines = [
      ok(priceDealLine(luvas, conditions, { quantity: 12, discountBp: 750 }, policy)),
      ok(priceDealLine(cabo, conditions, { quantity: 2.375, discountBp: 1_000 }, policy)),
      ok(priceDealLine(luvas, conditions, { quantity: 2, discountBp: 0, bonus: true }, policy)),
    ];
    const totals = dealTotals(lines);
    expect(totals.lineCount).toBe(3);
    expect(totals.net).toBe(51_576 + lines[1]!.total);
    expect(totals.gross - totals.discount).toBe(totals.net);
    expect(totals.bonusValue).toBe(9_980);
  });

  it('keeps net = gross − discount and never charges more than list, for any line', () => {
    const input = fc.record({
      quantity: fc.integer({ min: 1, max: 100_000 }).map((milli) => milli / 1000),
      discountBp: fc.integer({ min: 0, max: 1_500 }),
      bonus: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 20 }), (inputs) => {
        const lines = inputs.map((i) => ok(priceDealLine(cabo, conditions, i, policy)));
        const t = dealTotals(lines);
        expect(t.gross - t.discount).toBe(t.net);
        for (const l of lines) expect(l.total).toBeLessThanOrEqual(l.gross);
        expect(Number.isInteger(t.net)).toBe(true);
      }),
    );
  });
});

describe('stored lines', () => {
  it('store the account price and the line discount, so the deal’s value is recomputed to the same cent', () => {
    const lines = [
      ok(priceDealLine(luvas, conditions, { quantity: 12, discountBp: 750 }, policy)),
      ok(priceDealLine(cabo, conditions, { quantity: 2.375, discountBp: 1_000 }, policy)),
      ok(priceDealLine(luvas, conditions, { quantity: 2, discountBp: 0, bonus: true }, policy)),
    ];
    const stored = lines.map((l, i) => toStoredLine(l, `l${i}`));
    expect(stored[0]).toEqual({
      id: 'l0',
      productId: 'p-luvas',
      sku: 'EPI-001',
      name: 'Luvas de proteção nitrílicas',
      qty: 12,
      unitPrice: 4_646,
      discountBp: 750,
    });
    // The bonus line keeps what the goods are worth to this account, flagged, and adds nothing.
    expect(stored[2]).toMatchObject({ bonus: true, unitPrice: 4_646, discountBp: 0, qty: 2 });
    expect(stored[0]).not.toHaveProperty('bonus');
    expect(storedDealValue(stored)).toBe(dealTotals(lines).net);
  });
});
