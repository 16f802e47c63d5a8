import type { Order, OrderLine, OrderShipment } from '../../models/orders';
import { localIsoDay } from '../local-day';
import { daysBetween } from '../sales/days';
import { normalizeOrderStatus } from './status';

/**
 * How much of an order arrived: delivered ÷ ordered, summed over its lines (a line delivered beyond
 * what was ordered counts only what was ordered). `bp` is that share in basis points, rounded half
 * up (10 000 = 100 %). Null for a cancelled order (it is excluded from completeness) and for one
 * with nothing ordered.
 */
export interface Completeness {
  ordered: number;
  delivered: number;
  bp: number;
}

export function completeness(order: Pick<Order, 'status' | 'lines'>): Completeness | null {
  if (normalizeOrderStatus(order.status) === 'cancelled') return null;
  return linesCompleteness(order.lines);
}

/** Completeness of a set of lines (several orders' lines together give an account's figure). */
export function linesCompleteness(lines: readonly Pick<OrderLine, 'qtyOrdered' | 'qtyDelivered'>[]): Completeness | null {
  let ordered = 0;
  let delivered = 0;
  for (const l of lines) {
    ordered += l.qtyOrdered;
    delivered += Math.min(l.qtyDelivered, l.qtyOrdered);
  }
  if (ordered <= 0) return null;
  return { ordered: round3(ordered), delivered: round3(delivered), bp: Math.round((delivered * 10_000) / ordered) };
}

/**
 * Whether the order kept its promised date, by the LOCAL calendar day (`today` is `localIsoDay()`):
 * - `on_time`: delivered in full on or before the promised date;
 * - `late`: delivered after it (`days` late: delivered day − promised day), or not in full while the
 *   promised day is past (`days` so far: today − promised day, growing each day);
 * - `pending`: something still due and the promised day not past yet;
 * - `none`: no promised date, or the order was cancelled.
 */
export type Timeliness = { kind: 'on_time' } | { kind: 'late'; days: number } | { kind: 'pending' } | { kind: 'none' };

export function timeliness(order: Pick<Order, 'status' | 'lines' | 'promisedDate' | 'deliveredDate'>, today: string): Timeliness {
  if (!order.promisedDate || normalizeOrderStatus(order.status) === 'cancelled') return { kind: 'none' };
  const complete = order.lines.length > 0 && order.lines.every((l) => l.qtyDelivered >= l.qtyOrdered);
  if (complete && order.deliveredDate) {
    const days = daysBetween(order.promisedDate, order.deliveredDate);
    return days === null ? { kind: 'none' } : days > 0 ? { kind: 'late', days } : { kind: 'on_time' };
  }
  const days = daysBetween(order.promisedDate, today);
  if (days === null) return { kind: 'none' };
  return days > 0 ? { kind: 'late', days } : { kind: 'pending' };
}

/** Days a shipment arrived after the promised date (0 when on time or there is no promise). */
export function shipmentDaysLate(shipment: Pick<OrderShipment, 'date'>, promisedDate: string): number {
  if (!promisedDate) return 0;
  return Math.max(0, daysBetween(promisedDate, shipment.date) ?? 0);
}

/**
 * The "overdue or incomplete" view: a live order (not cancelled) with something still due that is
 * either **overdue** (its promised day is past) or **incomplete** (part of it arrived, the rest has
 * not). An order not due yet with nothing delivered is on its way, not a problem; one delivered in
 * full, late or not, is history.
 */
export function isOverdueOrIncomplete(order: Pick<Order, 'status' | 'lines' | 'promisedDate' | 'deliveredDate'>, today: string): boolean {
  if (normalizeOrderStatus(order.status) === 'cancelled') return false;
  const c = linesCompleteness(order.lines);
  if (c === null || c.bp >= 10_000) return false;
  return c.delivered > 0 || timeliness(order, today).kind === 'late';
}

/**
 * An account's **repeat-order rate**: of the calendar months after the month of its first order, up
 * to and including the current month, the share in which it ordered again (at least one order).
 * "Comprou de novo em 3 dos 5 meses desde o primeiro pedido" = 60 %. Months are local months;
 * cancelled orders do not count. Null with no order, or when the first order is in the current month
 * (no month after it yet).
 */
export interface RepeatOrderRate {
  /** Months after the first order's month in which the account ordered. */
  monthsWithOrders: number;
  /** Months after the first order's month, up to today's. */
  months: number;
  bp: number;
}

export function repeatOrderRate(orders: readonly Pick<Order, 'status' | 'orderedAt'>[], today: string): RepeatOrderRate | null {
  const months = new Set(orders.filter((o) => normalizeOrderStatus(o.status) !== 'cancelled').map((o) => monthIndex(localIsoDay(new Date(o.orderedAt)))));
  if (months.size === 0) return null;
  const first = Math.min(...months);
  const current = monthIndex(today);
  const span = current - first;
  if (span <= 0) return null;
  let monthsWithOrders = 0;
  for (const m of months) if (m > first && m <= current) monthsWithOrders += 1;
  return { monthsWithOrders, months: span, bp: Math.round((monthsWithOrders * 10_000) / span) };
}

/**
 * Whole local days from the account's latest order (not cancelled) to `today`: an order placed at
 * 22:00 yesterday in São Paulo is 1 day ago, though UTC already calls it today. Null with no order.
 */
export function daysSinceLastOrder(orders: readonly Pick<Order, 'status' | 'orderedAt'>[], today: string): number | null {
  let last = -1;
  for (const o of orders) if (normalizeOrderStatus(o.status) !== 'cancelled' && o.orderedAt > last) last = o.orderedAt;
  if (last < 0) return null;
  const days = daysBetween(localIsoDay(new Date(last)), today);
  return days === null ? null : Math.max(0, days);
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
