import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOYALTY_TIERS, type ProductPrice } from '../models';
import { applyDiscount, basePrice, isPromotionActive, lineAmount, priceForAccount, type PricingConditions, type PricingProduct } from './pricing';

const brl = (priceListId: string, amount: number): ProductPrice => ({ priceListId, amount, currency: 'BRL' });
const product: PricingProduct = {
  prices: [brl('tabela-a', 9000), brl('tabela-b', 10000), brl('tabela-c', 10800)],
  promotion: { label: 'Semana do EPI', discountBp: 1000, from: '2026-11-01', to: '2026-11-15' },
};
const conditions = (over: Partial<PricingConditions> = {}): PricingConditions => ({ priceListId: 'tabela-a', discountBp: 0, loyaltyTier: 'none', ...over });

describe('priceForAccount', () => {
  it('applies promotion, account discount and loyalty one after the other on the account’s list', () => {
    const p = priceForAccount(product, conditions({ discountBp: 500, loyaltyTier: 'gold' }), { date: '2026-11-10', quantity: 3 })!;
    expect(p.priceListId).toBe('tabela-a');
    expect(p.priceListSource).toBe('account');
    expect(p.listPrice).toBe(9000);
    // 9000 −10 % → 8100 −5 % → 7695 −3 % → 7464.15 → 7464
    expect(p.promotion).toMatchObject({ label: 'Semana do EPI', discountBp: 1000, amount: 900 });
    expect(p.accountDiscount).toEqual({ discountBp: 500, amount: 405 });
    expect(p.loyaltyDiscount).toEqual({ tier: 'gold', discountBp: 300, amount: 231 });
    expect(p.unitPrice).toBe(7464);
    expect(p.total).toBe(22392);
    expect(p.currency).toBe('BRL');
    expect(p.effectiveDiscountBp).toBe(1707);
  });

  it('combines discounts sequentially, not by adding them', () => {
    const p = priceForAccount(product, conditions({ priceListId: 'tabela-b', discountBp: 1000 }), { date: '2026-11-01' })!;
    expect(p.unitPrice).toBe(8100); // not 8000
  });

  it('applies the promotion only inside its validity, both days included', () => {
    const at = (date: string) => priceForAccount(product, conditions(), { date })!;
    expect(at('2026-10-31').promotion).toBeNull();
    expect(at('2026-10-31').unitPrice).toBe(9000);
    expect(at('2026-11-01').unitPrice).toBe(8100);
    expect(at('2026-11-15').unitPrice).toBe(8100);
    expect(at('2026-11-16').promotion).toBeNull();
  });

  it('falls back to the default list, then to the product’s first price, else has no price', () => {
    expect(priceForAccount(product, conditions({ priceListId: 'tabela-vip' }), { date: '2026-12-01' })).toMatchObject({
      priceListId: 'tabela-b',
      priceListSource: 'default',
      unitPrice: 10000,
    });
    expect(priceForAccount(product, conditions({ priceListId: '' }), { date: '2026-12-01' })).toMatchObject({
      priceListId: 'tabela-b',
      priceListSource: 'default',
    });
    const euro: PricingProduct = { prices: [{ priceListId: 'pt-retalho', amount: 1250, currency: 'EUR' }] };
    expect(priceForAccount(euro, conditions(), { date: '2026-12-01' })).toMatchObject({
      priceListId: 'pt-retalho',
      priceListSource: 'first',
      currency: 'EUR',
      unitPrice: 1250,
    });
    expect(priceForAccount({ prices: [] }, conditions(), { date: '2026-12-01' })).toBeNull();
  });

  it('rounds half up to whole minor units at each step', () => {
    expect(applyDiscount(1, 5000)).toBe(1); // 0.5 → 1
    expect(applyDiscount(3, 5000)).toBe(2); // 1.5 → 2
    expect(applyDiscount(999, 1250)).toBe(874); // 874.125 → 874
    expect(applyDiscount(7695, 300)).toBe(7464); // 7464.15 → 7464
    expect(applyDiscount(1995, 5000)).toBe(998); // 997.5 → 998
    expect(lineAmount(333, 1.5)).toBe(500); // 499.5 → 500
    expect(lineAmount(1999, 0.25)).toBe(500); // 499.75 → 500
  });

  it('never goes below zero, even with 100 % or out-of-range discounts', () => {
    const p = priceForAccount(product, conditions({ discountBp: 10_000, loyaltyTier: 'platinum' }), { date: '2026-11-05' })!;
    expect(p.unitPrice).toBe(0);
    expect(p.total).toBe(0);
    expect(applyDiscount(500, 20_000)).toBe(0);
    expect(applyDiscount(500, -100)).toBe(500);
  });

  it('shows the default list as the catalogue’s base price', () => {
    expect(basePrice(product)).toEqual(brl('tabela-b', 10000));
    expect(basePrice({ prices: [brl('x', 5)] })).toEqual(brl('x', 5));
    expect(basePrice({ prices: [] })).toBeNull();
  });

  it('treats an empty promotion bound as open', () => {
    expect(isPromotionActive({ label: 'x', discountBp: 100, from: '', to: '2026-01-31' }, '1999-01-01')).toBe(true);
    expect(isPromotionActive({ label: 'x', discountBp: 100, from: '2026-01-01', to: '' }, '2099-01-01')).toBe(true);
    expect(isPromotionActive({ label: 'x', discountBp: 0, from: '', to: '' }, '2026-01-01')).toBe(false);
    expect(isPromotionActive(undefined, '2026-01-01')).toBe(false);
  });
});

describe('priceForAccount properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000_000 });
  const bp = fc.integer({ min: 0, max: 10_000 });
  const tier = fc.constantFrom(...LOYALTY_TIERS);
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
  const qty = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1000, noNaN: true }));
  const input = fc.record({ list: amount, promo: bp, account: bp, tier, date: day, quantity: qty });
  const price = (i: { list: number; promo: number; account: number; tier: (typeof LOYALTY_TIERS)[number]; date: string; quantity: number }) =>
    priceForAccount(
      { prices: [brl('tabela-b', i.list)], promotion: { label: 'p', discountBp: i.promo, from: '2026-02-10', to: '2026-02-20' } },
      { priceListId: 'tabela-b', discountBp: i.account, loyaltyTier: i.tier },
      { date: i.date, quantity: i.quantity },
    )!;

  it('is never negative nor above the list price, and stays in whole minor units', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = price(i);
        expect(p.unitPrice).toBeGreaterThanOrEqual(0);
        expect(p.unitPrice).toBeLessThanOrEqual(p.listPrice);
        expect(Number.isInteger(p.unitPrice)).toBe(true);
        expect(Number.isInteger(p.total)).toBe(true);
        expect(p.total).toBeGreaterThanOrEqual(0);
        const steps = [p.promotion, p.accountDiscount, p.loyaltyDiscount].filter((s) => s !== null);
        for (const s of steps) expect(Number.isInteger(s.amount) && s.amount >= 0).toBe(true);
        // The breakdown adds up exactly.
        expect(p.listPrice - steps.reduce((sum, s) => sum + s.amount, 0)).toBe(p.unitPrice);
      }),
    );
  });

  it('is monotonic: a larger account discount or promotion never raises the price', () => {
    fc.assert(
      fc.property(input, bp, bp, (i, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(price({ ...i, account: hi }).unitPrice).toBeLessThanOrEqual(price({ ...i, account: lo }).unitPrice);
        expect(price({ ...i, promo: hi, date: '2026-02-15' }).unitPrice).toBeLessThanOrEqual(price({ ...i, promo: lo, date: '2026-02-15' }).unitPrice);
      }),
    );
  });

  it('is monotonic in the list price and in the quantity', () => {
    fc.assert(
      fc.property(input, amount, fc.integer({ min: 0, max: 1000 }), (i, other, more) => {
        const [lo, hi] = i.list <= other ? [i.list, other] : [other, i.list];
        expect(price({ ...i, list: lo }).unitPrice).toBeLessThanOrEqual(price({ ...i, list: hi }).unitPrice);
        expect(price(i).total).toBeLessThanOrEqual(price({ ...i, quantity: i.quantity + more }).total);
      }),
    );
  });

  it('keeps the sequential result close to the exact product of the rates (rounding only)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = price({ ...i, date: '2026-02-15' });
        const exact =
          i.list * (1 - i.promo / 10_000) * (1 - i.account / 10_000) * (1 - { none: 0, bronze: 100, silver: 200, gold: 300, platinum: 500 }[i.tier] / 10_000);
        expect(Math.abs(p.unitPrice - exact)).toBeLessThanOrEqual(1.5 + exact * 1e-12);
      }),
    );
  });
});
