import { z } from 'zod';
import { baseFields, basisPoints, currency, id, isoDate, note, ref, text, timestamp } from './common';

export const ORDER_STATUSES = ['draft', 'confirmed', 'partially_delivered', 'delivered', 'cancelled'] as const;

export const orderLine = z.object({
  id: id(),
  productId: ref(),
  sku: text(40),
  name: text(200),
  qtyOrdered: z.number().min(0),
  qtyDelivered: z.number().min(0),
  unitPrice: z.number().int().min(0),
  discountBp: basisPoints(),
});
export type OrderLine = z.infer<typeof orderLine>;

/** An order followed until it is delivered in full and on time. */
export const orderSchema = z.object({
  ...baseFields,
  number: text(40),
  accountId: ref(),
  dealId: ref(),
  contractId: ref(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(orderLine),
  currency: currency(),
  total: z.number().int(),
  orderedAt: timestamp(),
  promisedDate: isoDate(),
  deliveredDate: isoDate(),
  ownerId: text(80),
  notes: z.array(note),
});
export type Order = z.infer<typeof orderSchema>;
export const orderIndexes = [['accountId', 'orderedAt'], ['status', 'promisedDate'], 'number'];
