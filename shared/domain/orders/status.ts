import { ORDER_STATUSES, type Order, type OrderLine, type OrderStatus } from '../../models/orders';

/**
 * An order's status as this version names it: version 0's `draft` (still written by a laptop with
 * the older app) is an order received and not yet confirmed; an unknown value reads as `received`.
 */
export function normalizeOrderStatus(status: string): OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(status) ? (status as OrderStatus) : 'received';
}

/** The statuses a person sets by hand while nothing has been delivered, in the order an order goes through them. */
export const MANUAL_ORDER_STATUSES = ['received', 'confirmed', 'in_preparation', 'shipped'] as const satisfies readonly OrderStatus[];

/** Units still due on a line: ordered less delivered, never below 0 (rounded to the 3 decimals a quantity takes). */
export const dueOf = (line: Pick<OrderLine, 'qtyOrdered' | 'qtyDelivered'>): number =>
  Math.max(0, Math.round((line.qtyOrdered - line.qtyDelivered) * 1000) / 1000);

/**
 * The status the deliveries give: `delivered` once every line is in full, `partially_delivered`
 * once something arrived; null while nothing did (the status set by hand stands).
 */
export function deliveryStatus(lines: readonly Pick<OrderLine, 'qtyOrdered' | 'qtyDelivered'>[]): 'delivered' | 'partially_delivered' | null {
  if (lines.length === 0 || lines.every((l) => l.qtyDelivered <= 0)) return null;
  return lines.every((l) => dueOf(l) === 0) ? 'delivered' : 'partially_delivered';
}

/**
 * The statuses the order's status field offers. Delivery statuses follow from the shipments and are
 * never chosen by hand: with nothing delivered, the manual steps and `cancelled`; once something
 * arrived, that delivery status (and `cancelled` while some is still due: the rest will not come);
 * a cancelled order can be reopened to what its deliveries say.
 */
export function statusChoices(order: Pick<Order, 'status' | 'lines'>): OrderStatus[] {
  const delivered = deliveryStatus(order.lines);
  if (delivered === 'delivered') return ['delivered'];
  if (delivered === 'partially_delivered') return ['partially_delivered', 'cancelled'];
  return [...MANUAL_ORDER_STATUSES, 'cancelled'];
}

export type StatusChange = { ok: true; patch: { status: OrderStatus } } | { ok: false; issue: 'status_not_allowed' };

/** Sets the status by hand: only one of `statusChoices`. */
export function changeOrderStatus(order: Pick<Order, 'status' | 'lines'>, to: string): StatusChange {
  const choices = statusChoices(order);
  return (choices as string[]).includes(to) ? { ok: true, patch: { status: to as OrderStatus } } : { ok: false, issue: 'status_not_allowed' };
}
