import type { Deal, Order, OrderLine } from '../../models';
import { newId } from '../ids';
import { applyDiscount, lineAmount } from '../pricing';
import type { PricedLine } from '../sales/deal-lines';

/** A line's total: its unit price less its discount, times the quantity ordered, rounded half up (0 for a bonus). */
export const orderLineTotal = (line: Pick<OrderLine, 'qtyOrdered' | 'unitPrice' | 'discountBp' | 'bonus'>): number =>
  line.bonus ? 0 : lineAmount(applyDiscount(line.unitPrice, line.discountBp), line.qtyOrdered);

/** The order's total (what `Order.total` holds): the sum of its line totals. */
export const orderTotal = (lines: readonly Pick<OrderLine, 'qtyOrdered' | 'unitPrice' | 'discountBp' | 'bonus'>[]): number =>
  lines.reduce((n, l) => n + orderLineTotal(l), 0);

/**
 * A sales order's number from a new id: "PV-2026-" and the last 6 (random) characters of the id, upper
 * case. Made offline on any laptop with no counter to share, and short enough to say on the phone.
 */
export function orderNumberFor(id: string, orderedAt: number): string {
  return `PV-${new Date(orderedAt).getFullYear()}-${id.slice(-6).toUpperCase()}`;
}

export type NewOrderFields = Omit<Order, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

/**
 * The order a won deal becomes: its lines with the same quantities, unit prices (the account's,
 * as the deal priced them) and discounts; bonus lines at 0 and marked bonus; nothing delivered
 * yet. The order keeps `dealId`, and its total equals the deal's value to the cent.
 */
export function orderFromDeal(
  deal: Pick<Deal, 'id' | 'accountId' | 'lines' | 'value' | 'ownerId'>,
  { id, orderedAt, lineId = () => newId(orderedAt) }: { id: string; orderedAt: number; lineId?: () => string },
): NewOrderFields {
  const lines: OrderLine[] = deal.lines
    .filter((l) => l.qty > 0)
    .map((l) => ({
      id: lineId(),
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qtyOrdered: l.qty,
      qtyDelivered: 0,
      unitPrice: l.bonus ? 0 : l.unitPrice,
      discountBp: l.bonus ? 0 : l.discountBp,
      ...(l.bonus ? { bonus: true } : {}),
    }));
  return {
    number: orderNumberFor(id, orderedAt),
    accountId: deal.accountId,
    dealId: deal.id,
    contractId: '',
    status: 'received',
    lines,
    currency: deal.value.currency,
    total: orderTotal(lines),
    orderedAt,
    promisedDate: '',
    deliveredDate: '',
    ownerId: deal.ownerId,
    notes: [],
    shipments: [],
  };
}

/** A line priced for the account (shared/domain/sales/deal-lines.ts) as an order line: the account's price and the line's discount. */
export function toOrderLine(
  line: Pick<PricedLine, 'productId' | 'sku' | 'name' | 'quantity' | 'accountPrice' | 'discountBp' | 'bonus'>,
  id: string,
): OrderLine {
  return {
    id,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    qtyOrdered: line.quantity,
    qtyDelivered: 0,
    unitPrice: line.bonus ? 0 : line.accountPrice,
    discountBp: line.bonus ? 0 : line.discountBp,
    ...(line.bonus ? { bonus: true } : {}),
  };
}

/** The currency an account's orders are in: euros in Portugal, reais otherwise. */
export const currencyForCountry = (country: string): Order['currency'] => (country === 'PT' ? 'EUR' : 'BRL');

/** A new order taken from a client (not from a deal): received today, nothing delivered. */
export function newOrder(input: {
  id: string;
  orderedAt: number;
  accountId: string;
  currency: Order['currency'];
  lines: OrderLine[];
  promisedDate: string;
  ownerId: string;
}): NewOrderFields {
  return {
    number: orderNumberFor(input.id, input.orderedAt),
    accountId: input.accountId,
    dealId: '',
    contractId: '',
    status: 'received',
    lines: input.lines,
    currency: input.currency,
    total: orderTotal(input.lines),
    orderedAt: input.orderedAt,
    promisedDate: input.promisedDate,
    deliveredDate: '',
    ownerId: input.ownerId,
    notes: [],
    shipments: [],
  };
}
