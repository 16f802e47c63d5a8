import type { Order, OrderLine, OrderShipment, OrderStatus } from '../../models/orders';
import { localIsoDay } from '../local-day';
import { isIsoDay } from '../sales/days';
import { deliveryStatus, dueOf, normalizeOrderStatus } from './status';

/** Why a shipment is refused as a whole. */
export type ShipmentIssue =
  | 'date_invalid'
  /** Before the day the order was placed. */
  | 'date_before_order'
  /** After today: goods not yet arrived are not a delivery. */
  | 'date_in_future'
  /** Every quantity is 0 or empty. */
  | 'nothing_shipped'
  | 'order_cancelled'
  | 'nothing_due';

/** Why one line's quantity is refused. */
export type ShipmentLineIssue = 'quantity_negative' | 'quantity_invalid' | 'quantity_too_precise' | 'quantity_above_due' | 'unknown_line';

export interface ShipmentInput {
  id: string;
  /** The local day the goods arrived, ISO. */
  date: string;
  /** Quantity arrived per line id; 0 (or absent) for a line not in this shipment. */
  quantities: Readonly<Record<string, number>>;
  note?: string;
}

export interface ShipmentPatch {
  lines: OrderLine[];
  shipments: OrderShipment[];
  status: OrderStatus;
  deliveredDate: string;
}

export type ShipmentResult = { ok: true; patch: ShipmentPatch } | { ok: false; issues: ShipmentIssue[]; lineIssues: Record<string, ShipmentLineIssue> };

type ShippableOrder = Pick<Order, 'status' | 'lines' | 'orderedAt' | 'deliveredDate'> & { shipments?: Order['shipments'] };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Records one delivery of some of the order's goods (a partial shipment, or the last one). Each
 * quantity must be ≥ 0, at most 3 decimals and at most what is still due on its line; at least one
 * must be above 0; the day must be a real one, not before the order was placed (its local day) nor
 * after `today`. Every problem at once, so the form shows them together. On success the patch keeps
 * each line's `qtyDelivered` the sum of its shipments, the shipments by date, the status derived
 * (partially delivered / delivered) and `deliveredDate` the day the last goods arrived.
 */
export function recordShipment(stored: ShippableOrder, input: ShipmentInput, today: string): ShipmentResult {
  const order = withOpeningShipment(reconcileShipments(stored), input.id);
  const issues: ShipmentIssue[] = [];
  const lineIssues: Record<string, ShipmentLineIssue> = {};
  if (normalizeOrderStatus(order.status) === 'cancelled') issues.push('order_cancelled');
  else if (order.lines.every((l) => dueOf(l) === 0)) issues.push('nothing_due');
  if (!isIsoDay(input.date)) issues.push('date_invalid');
  else if (input.date < localIsoDay(new Date(order.orderedAt))) issues.push('date_before_order');
  else if (input.date > today) issues.push('date_in_future');

  const byId = new Map(order.lines.map((l) => [l.id, l]));
  const shipped: { lineId: string; qty: number }[] = [];
  for (const [lineId, qty] of Object.entries(input.quantities)) {
    const line = byId.get(lineId);
    if (!line) lineIssues[lineId] = 'unknown_line';
    else if (!Number.isFinite(qty)) lineIssues[lineId] = 'quantity_invalid';
    else if (qty < 0) lineIssues[lineId] = 'quantity_negative';
    else if (Math.abs(round3(qty) - qty) > 1e-9) lineIssues[lineId] = 'quantity_too_precise';
    else if (qty > dueOf(line)) lineIssues[lineId] = 'quantity_above_due';
    else if (qty > 0) shipped.push({ lineId, qty });
  }
  if (shipped.length === 0 && Object.keys(lineIssues).length === 0 && !issues.includes('nothing_due') && !issues.includes('order_cancelled')) {
    issues.push('nothing_shipped');
  }
  if (issues.length > 0 || Object.keys(lineIssues).length > 0) return { ok: false, issues, lineIssues };

  const shipment: OrderShipment = { id: input.id, date: input.date, lines: shipped, ...(input.note?.trim() ? { note: input.note.trim() } : {}) };
  const shipments = byDate([...(order.shipments ?? []), shipment]);
  const lines = withDelivered(order.lines, shipment);
  const delivered = deliveryStatus(lines);
  return {
    ok: true,
    patch: {
      lines,
      shipments,
      status: delivered ?? normalizeOrderStatus(order.status),
      deliveredDate: delivered === 'delivered' ? (shipments.at(-1)?.date ?? input.date) : '',
    },
  };
}

const byDate = (shipments: readonly OrderShipment[]): OrderShipment[] =>
  [...shipments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

/**
 * The order as its shipments say, so `qtyDelivered` is always their sum. Two laptops recording a
 * shipment each while apart merge both shipments (a list merged by id) but only one side's lines:
 * this puts the lines, the status and the delivered day back in step (shipments by date). An order
 * with no shipments (from before they were recorded) is returned as it is.
 */
export function reconcileShipments<T extends ShippableOrder>(order: T): T {
  const shipments = order.shipments ?? [];
  if (shipments.length === 0) return order;
  const sorted = byDate(shipments);
  const lines = deliveredFromShipments(order.lines, sorted);
  const sameLines = lines.every((l, i) => l.qtyDelivered === order.lines[i]!.qtyDelivered);
  const sameOrder = sorted.every((s, i) => s === shipments[i]);
  if (sameLines && sameOrder) return order;
  if (normalizeOrderStatus(order.status) === 'cancelled') return { ...order, lines, shipments: sorted };
  const delivered = deliveryStatus(lines);
  return {
    ...order,
    lines,
    shipments: sorted,
    status: delivered ?? order.status,
    deliveredDate: delivered === 'delivered' ? sorted.at(-1)!.date : '',
  };
}

/**
 * An order delivered in part before shipments were recorded (an older app, or imported) gets what
 * it has as a first shipment, so the sum of shipments stays `qtyDelivered`. Its real day is not
 * known: it is dated the order's delivered day if any, else the day the order was placed.
 */
function withOpeningShipment<T extends ShippableOrder>(order: T, seed: string): T {
  if ((order.shipments ?? []).length > 0 || order.lines.every((l) => l.qtyDelivered <= 0)) return order;
  const opening: OrderShipment = {
    id: `${seed.slice(0, 30)}-0`,
    date: order.deliveredDate || localIsoDay(new Date(order.orderedAt)),
    lines: order.lines.filter((l) => l.qtyDelivered > 0).map((l) => ({ lineId: l.id, qty: l.qtyDelivered })),
  };
  return { ...order, shipments: [opening] };
}

/** The lines with one more shipment added to what was delivered. */
function withDelivered(lines: readonly OrderLine[], shipment: OrderShipment): OrderLine[] {
  const add = new Map<string, number>();
  for (const s of shipment.lines) add.set(s.lineId, (add.get(s.lineId) ?? 0) + s.qty);
  return lines.map((l) => (add.has(l.id) ? { ...l, qtyDelivered: round3(l.qtyDelivered + add.get(l.id)!) } : l));
}

/**
 * Each line's delivered quantity as its shipments say, for an order that has shipments (an older
 * order with none keeps what it has): used to check a document, and to repair one merged from two laptops.
 */
export function deliveredFromShipments(lines: readonly OrderLine[], shipments: readonly OrderShipment[]): OrderLine[] {
  const sum = new Map<string, number>();
  for (const s of shipments) for (const l of s.lines) sum.set(l.lineId, round3((sum.get(l.lineId) ?? 0) + l.qty));
  return lines.map((l) => ({ ...l, qtyDelivered: sum.get(l.id) ?? 0 }));
}
