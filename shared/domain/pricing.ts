import type { CommercialConditions, Product, ProductPrice } from '../models';

/**
 * What an account pays for a product. Pure and integer-only: money in minor units (centavos,
 * cêntimos), discounts in basis points (1250 = 12.5 %). Used by the catalogue's product page and
 * meant for deals and quotes.
 *
 * The rules:
 * 1. **Price list.** The account's own list (`conditions.priceListId`) when the product has a price
 *    on it; otherwise the default list (`DEFAULT_PRICE_LIST_ID`, the company's list price); otherwise
 *    the product's first price. No price at all → `null` (the product cannot be quoted).
 * 2. **Discounts apply one after the other, never added up**, in this order:
 *    a. the product's promotion, only when the date is inside its validity (`from` ≤ date ≤ `to`,
 *       both inclusive, ISO days; an empty bound is open);
 *    b. the account's negotiated discount (`conditions.discountBp`);
 *    c. the loyalty-tier discount (`LOYALTY_DISCOUNT_BP`: bronze 1 %, silver 2 %, gold 3 %, platinum 5 %).
 *    So 10 % then 5 % is 14.5 % off, not 15 %.
 * 3. **Rounding.** After each step the unit price is rounded to whole minor units, half up
 *    (0.5 centavo → 1 centavo). Each step's `amount` is the difference between the prices before and
 *    after it, so list price − Σ amounts = unit price exactly.
 * 4. **Bounds.** Discounts are clamped to 0…100 %, so a price never goes below zero nor above the list price.
 * 5. **Total.** Quantity (default 1) is taken to 3 decimals (kg, m, h can be fractional); the total is
 *    unit price × quantity, rounded half up to minor units.
 */

/** The company's list price ("tabela-b" in the sample catalogue): used when the account has no list of its own. */
export const DEFAULT_PRICE_LIST_ID = 'tabela-b';

export type LoyaltyTier = CommercialConditions['loyaltyTier'];

/** Extra discount of the loyalty programme, applied after the account's own discount. */
export const LOYALTY_DISCOUNT_BP: Readonly<Record<LoyaltyTier, number>> = {
  none: 0,
  bronze: 100,
  silver: 200,
  gold: 300,
  platinum: 500,
};

export type PricingProduct = Pick<Product, 'prices'> & { promotion?: Product['promotion'] };
export type PricingConditions = Pick<CommercialConditions, 'priceListId' | 'discountBp' | 'loyaltyTier'>;

export interface PriceOptions {
  /** The day the price is for, ISO `YYYY-MM-DD` (decides whether the promotion is valid). */
  date: string;
  /** How many units; default 1. */
  quantity?: number;
  /** Overrides DEFAULT_PRICE_LIST_ID. */
  defaultPriceListId?: string;
}

/** One discount of the chain: its rate and how many minor units it took off one unit. */
export interface DiscountStep {
  discountBp: number;
  amount: number;
}

/** The price an account pays for one product, with how it was reached. */
export interface AccountPrice {
  currency: ProductPrice['currency'];
  /** The price list used, and why: the account's own, the default, or the product's only price. */
  priceListId: string;
  priceListSource: 'account' | 'default' | 'first';
  /** Unit price on that list, before any discount. */
  listPrice: number;
  /** The promotion applied on the date, or null when there is none or it is not valid then. */
  promotion: (DiscountStep & { label: string; from: string; to: string }) | null;
  accountDiscount: DiscountStep;
  loyaltyDiscount: DiscountStep & { tier: LoyaltyTier };
  /** Unit price after every discount. */
  unitPrice: number;
  quantity: number;
  total: number;
  /** Effective discount on the list price, in basis points (rounded half up). */
  effectiveDiscountBp: number;
}

const BP = 10_000n;

/** amount × (1 − bp), rounded half up to a whole minor unit; bp clamped to 0…10 000. */
export function applyDiscount(amount: number, bp: number): number {
  const a = BigInt(Math.max(0, Math.trunc(amount)));
  const rate = BigInt(clampBp(bp));
  return Number((a * (BP - rate) * 2n + BP) / (2n * BP));
}

function clampBp(bp: number): number {
  if (!Number.isFinite(bp)) return 0;
  return Math.min(10_000, Math.max(0, Math.trunc(bp)));
}

/** Whether a promotion holds on an ISO day (bounds inclusive; an empty bound is open). */
export function isPromotionActive(promotion: Product['promotion'] | undefined, date: string): boolean {
  if (!promotion || promotion.discountBp <= 0) return false;
  return (!promotion.from || promotion.from <= date) && (!promotion.to || date <= promotion.to);
}

/** The price on a list, following rule 1 above. */
export function pickPrice(
  prices: readonly ProductPrice[],
  accountListId: string,
  defaultListId: string = DEFAULT_PRICE_LIST_ID,
): { price: ProductPrice; source: AccountPrice['priceListSource'] } | null {
  const own = accountListId ? prices.find((p) => p.priceListId === accountListId) : undefined;
  if (own) return { price: own, source: 'account' };
  const fallback = prices.find((p) => p.priceListId === defaultListId);
  if (fallback) return { price: fallback, source: 'default' };
  return prices[0] ? { price: prices[0], source: 'first' } : null;
}

/** The list price shown in the catalogue (no account): the default list, else the first price. */
export function basePrice(product: Pick<Product, 'prices'>, defaultListId: string = DEFAULT_PRICE_LIST_ID): ProductPrice | null {
  return pickPrice(product.prices, '', defaultListId)?.price ?? null;
}

/** Unit price × quantity (to 3 decimals), rounded half up to minor units. */
export function lineAmount(unitPrice: number, quantity: number): number {
  const milli = BigInt(Math.max(0, Math.round((Number.isFinite(quantity) ? quantity : 0) * 1000)));
  return Number((BigInt(Math.max(0, Math.trunc(unitPrice))) * milli * 2n + 1000n) / 2000n);
}

/** The price the account pays (see the rules at the top of this file); null when the product has no price. */
export function priceForAccount(product: PricingProduct, conditions: PricingConditions, options: PriceOptions): AccountPrice | null {
  const picked = pickPrice(product.prices, conditions.priceListId, options.defaultPriceListId);
  if (!picked) return null;
  const listPrice = Math.max(0, Math.trunc(picked.price.amount));
  let price = listPrice;
  const step = (bp: number): DiscountStep => {
    const discountBp = clampBp(bp);
    const after = applyDiscount(price, discountBp);
    const amount = price - after;
    price = after;
    return { discountBp, amount };
  };

  const promo = product.promotion;
  const promotion = promo && isPromotionActive(promo, options.date) ? { ...step(promo.discountBp), label: promo.label, from: promo.from, to: promo.to } : null;
  const accountDiscount = step(conditions.discountBp);
  const tier = conditions.loyaltyTier;
  const loyaltyDiscount = { ...step(LOYALTY_DISCOUNT_BP[tier] ?? 0), tier };
  const quantity = Math.max(0, options.quantity ?? 1);
  return {
    currency: picked.price.currency,
    priceListId: picked.price.priceListId,
    priceListSource: picked.source,
    listPrice,
    promotion,
    accountDiscount,
    loyaltyDiscount,
    unitPrice: price,
    quantity,
    total: lineAmount(price, quantity),
    effectiveDiscountBp: listPrice === 0 ? 0 : Math.round(((listPrice - price) * 10_000) / listPrice),
  };
}
