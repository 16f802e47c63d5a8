import type { DealLine, Money, Product } from '../../models';
import { applyDiscount, lineAmount, priceForAccount, type AccountPrice, type PricingConditions } from '../pricing';

type Currency = Money['currency'];

/**
 * The lines of a deal (and so of its proposals and, later, its orders), priced the one way the
 * catalogue prices them (`priceForAccount` in ../pricing.ts), in minor units and integers only.
 *
 * A line's unit price:
 *   list price (the account's price list) → promotion → account discount → loyalty tier   (pricing.ts)
 *   → the line's own negotiated discount (`discountBp`), applied after them, rounded half up.
 * The negotiated discount may not pass the **ceiling** the team's policy allows for the account or
 * its segment (`discountCeilingBp`): above it the line is refused with `discount_above_ceiling`.
 *
 * A **bonus** line (bonificação) gives the goods: it is charged 0, carries no discount, and its
 * value at list price is reported apart (`bonusValue`) so the proposal can show what was given.
 */

export type LineIssue =
  | 'quantity_not_positive'
  | 'quantity_not_whole'
  | 'quantity_too_precise'
  | 'discount_out_of_range'
  | 'discount_above_ceiling'
  | 'no_price'
  | 'currency_mismatch';

/** Units sold only whole (a box is never 2.5): other units (kg, m, h…) take up to 3 decimals. */
export const WHOLE_UNITS: ReadonlySet<Product['unit']> = new Set(['un', 'cx', 'pct']);

export interface DealLineInput {
  quantity: number;
  /** The negotiated discount of this line, basis points (1250 = 12.5 %). */
  discountBp: number;
  bonus?: boolean;
}

export interface LinePolicy {
  /** The ISO day prices are for (promotions hold by date). */
  date: string;
  /** Highest negotiated discount allowed on a line, basis points. */
  discountCeilingBp: number;
  /** The deal's currency: a product priced in another one cannot be on it. */
  currency: Currency;
  defaultPriceListId?: string;
}

export type LineProduct = Pick<Product, 'id' | 'sku' | 'name' | 'unit' | 'prices'> & { promotion?: Product['promotion'] };

export interface PricedLine {
  productId: string;
  sku: string;
  name: string;
  unit: Product['unit'];
  currency: Currency;
  quantity: number;
  bonus: boolean;
  /** Unit price on the account's list, before any discount. */
  listPrice: number;
  /** Unit price after the account's conditions, before the line's own discount. */
  accountPrice: number;
  discountBp: number;
  /** Unit price charged (0 for a bonus). */
  unitPrice: number;
  /** listPrice × quantity, rounded half up. */
  gross: number;
  /** What the line costs: unitPrice × quantity, rounded half up (0 for a bonus). */
  total: number;
  /** gross − total for a charged line; 0 for a bonus (its value is in `bonusValue`). */
  discount: number;
  /** gross of a bonus line; 0 otherwise. */
  bonusValue: number;
  /** The account's price breakdown (promotion, account and loyalty discounts) for the line's screen. */
  price: AccountPrice;
}

export type PricedLineResult = { ok: true; line: PricedLine } | { ok: false; issues: LineIssue[] };

/** The issues of a quantity for a unit: positive, finite, whole for whole units, at most 3 decimals. */
export function quantityIssues(quantity: number, unit: Product['unit']): LineIssue[] {
  if (!Number.isFinite(quantity) || quantity <= 0) return ['quantity_not_positive'];
  if (WHOLE_UNITS.has(unit) && !Number.isInteger(quantity)) return ['quantity_not_whole'];
  if (Math.abs(Math.round(quantity * 1000) - quantity * 1000) > 1e-6) return ['quantity_too_precise'];
  return [];
}

/** Prices one line for an account; every problem of the input at once, so the form can show them together. */
export function priceDealLine(product: LineProduct, conditions: PricingConditions, input: DealLineInput, policy: LinePolicy): PricedLineResult {
  const issues = quantityIssues(input.quantity, product.unit);
  const bonus = input.bonus === true;
  const discountBp = bonus ? 0 : input.discountBp;
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > 10_000) issues.push('discount_out_of_range');
  else if (discountBp > Math.max(0, policy.discountCeilingBp)) issues.push('discount_above_ceiling');
  const price = priceForAccount(product, conditions, { date: policy.date, quantity: 1, defaultPriceListId: policy.defaultPriceListId });
  if (!price) issues.push('no_price');
  else if (price.currency !== policy.currency) issues.push('currency_mismatch');
  if (issues.length > 0 || !price) return { ok: false, issues };

  const quantity = Math.round(input.quantity * 1000) / 1000;
  const gross = lineAmount(price.listPrice, quantity);
  const unitPrice = bonus ? 0 : applyDiscount(price.unitPrice, discountBp);
  const total = lineAmount(unitPrice, quantity);
  return {
    ok: true,
    line: {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      currency: price.currency,
      quantity,
      bonus,
      listPrice: price.listPrice,
      accountPrice: price.unitPrice,
      discountBp,
      unitPrice,
      gross,
      total,
      discount: bonus ? 0 : gross - total,
      bonusValue: bonus ? gross : 0,
      price,
    },
  };
}

export interface DealTotals {
  lineCount: number;
  /** Σ gross of the charged lines (list prices). */
  gross: number;
  /** Σ discounts of the charged lines: gross − net. */
  discount: number;
  /** What the client pays: Σ line totals. */
  net: number;
  /** Σ list value of the bonus lines. */
  bonusValue: number;
}

/** Sums of the lines; every figure is a sum of line figures, so the proposal's lines always add up to its totals. */
export function dealTotals(lines: readonly Pick<PricedLine, 'gross' | 'total' | 'discount' | 'bonusValue' | 'bonus'>[]): DealTotals {
  const totals: DealTotals = { lineCount: lines.length, gross: 0, discount: 0, net: 0, bonusValue: 0 };
  for (const l of lines) {
    if (!l.bonus) totals.gross += l.gross;
    totals.discount += l.discount;
    totals.net += l.total;
    totals.bonusValue += l.bonusValue;
  }
  return totals;
}

/**
 * A priced line as today's deal schema stores it (`dealLine` in shared/models/deals.ts): `unitPrice`
 * is the price after the account's conditions and `discountBp` the line's own discount, so
 * `storedLineTotal` gives the same total back. A bonus line keeps the account's price (what was
 * given is visible) with `bonus: true`, and counts 0 in the deal's value.
 */
export function toStoredLine(line: PricedLine, id: string): DealLine {
  return {
    id,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    qty: line.quantity,
    unitPrice: line.accountPrice,
    discountBp: line.bonus ? 0 : line.discountBp,
    ...(line.bonus ? { bonus: true } : {}),
  };
}

/** A stored line's total: unit price less its discount, times the quantity, rounded half up. */
export const storedLineTotal = (line: Pick<DealLine, 'qty' | 'unitPrice' | 'discountBp' | 'bonus'>): number =>
  line.bonus ? 0 : lineAmount(applyDiscount(line.unitPrice, line.discountBp), line.qty);

/** The deal's value from its stored lines (what `Deal.value.amount` should hold). */
export const storedDealValue = (lines: readonly Pick<DealLine, 'qty' | 'unitPrice' | 'discountBp' | 'bonus'>[]): number =>
  lines.reduce((n, l) => n + storedLineTotal(l), 0);
