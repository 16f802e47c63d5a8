import { z } from 'zod';
import { baseFields, basisPoints, currency, id, isoDate, note, ref, text, timestamp } from './common';

/**
 * The statuses of an order (schema version 1), in the order an order goes through them; `cancelled`
 * may come at any point. Version 0's `draft` is migrated to `received`.
 */
export const ORDER_STATUSES = ['received', 'confirmed', 'in_preparation', 'shipped', 'partially_delivered', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/**
 * What the stored field accepts: the statuses above, plus version 0's `draft`, still written by a
 * laptop with the older app until it is updated (read as `received`: `normalizeOrderStatus`).
 */
export const STORED_ORDER_STATUSES = [...ORDER_STATUSES, 'draft'] as const;

export const orderLine = z.object({
  id: id(),
  productId: ref(),
  sku: text(40),
  name: text(200),
  qtyOrdered: z.number().min(0),
  /** The sum of the line's shipments (kept so by shared/domain/orders); older orders have it alone. */
  qtyDelivered: z.number().min(0),
  unitPrice: z.number().int().min(0),
  discountBp: basisPoints(),
  /** A bonus line (bonificação), charged 0 (version 1; absent on older documents). */
  bonus: z.boolean().optional(),
});
export type OrderLine = z.infer<typeof orderLine>;

/** One delivery of some of the order's goods: a partial shipment is one of these. */
export const orderShipment = z.object({
  id: id(),
  /** The local day the goods arrived, ISO. */
  date: isoDate().min(10),
  lines: z.array(z.object({ lineId: id(), qty: z.number().positive() })).min(1),
  note: text(1_000).optional(),
});
export type OrderShipment = z.infer<typeof orderShipment>;

/** An order followed until it is delivered in full and on time. */
export const orderSchema = z.object({
  ...baseFields,
  number: text(40),
  accountId: ref(),
  dealId: ref(),
  contractId: ref(),
  status: z.enum(STORED_ORDER_STATUSES),
  lines: z.array(orderLine),
  currency: currency(),
  total: z.number().int(),
  orderedAt: timestamp(),
  promisedDate: isoDate(),
  /** The day the last of the goods arrived ('' while something is due). */
  deliveredDate: isoDate(),
  ownerId: text(80),
  notes: z.array(note),
  /** The deliveries, oldest first (version 1; absent on older documents and orders delivered before). */
  shipments: z.array(orderShipment).optional(),
});
export type Order = z.infer<typeof orderSchema>;
/** 'dealId' from version 1: the deal page finds the order it became. */
export const orderIndexes = [['accountId', 'orderedAt'], ['status', 'promisedDate'], 'number', 'dealId'];
