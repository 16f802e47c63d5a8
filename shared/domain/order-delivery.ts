import type { Order } from '../models/orders';

/** How an order stands against its promise: delivered in full? on time? (null while it can still be.) */
export interface OrderDelivery {
  complete: boolean;
  /** true delivered by the promised date, false late (delivered late or past the date undelivered), null not due yet or no promise. */
  onTime: boolean | null;
}

/** `today` as ISO YYYY-MM-DD, the same calendar the promised and delivered dates use. */
export function orderDelivery(order: Pick<Order, 'lines' | 'promisedDate' | 'deliveredDate' | 'status'>, today: string): OrderDelivery {
  const complete = order.lines.length > 0 && order.lines.every((l) => l.qtyDelivered >= l.qtyOrdered);
  if (!order.promisedDate || order.status === 'cancelled') return { complete, onTime: null };
  if (complete && order.deliveredDate) return { complete, onTime: order.deliveredDate <= order.promisedDate };
  return { complete, onTime: today > order.promisedDate ? false : null };
}
