import { z } from 'zod';
import { baseFields, basisPoints, id, isoDate, money, note, ref, text } from './common';

export const DEAL_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;

export const dealLine = z.object({
  id: id(),
  productId: ref(),
  sku: text(40),
  name: text(200),
  qty: z.number().min(0),
  unitPrice: z.number().int().min(0),
  discountBp: basisPoints(),
});
export type DealLine = z.infer<typeof dealLine>;

/** An opportunity on the pipeline. */
export const dealSchema = z.object({
  ...baseFields,
  accountId: ref(),
  title: text(200).min(1),
  stage: z.enum(DEAL_STAGES),
  lines: z.array(dealLine),
  value: money,
  probability: z.number().int().min(0).max(100),
  expectedClose: isoDate(),
  lostReason: text(500),
  competitorId: ref(),
  contactIds: z.array(ref()),
  ownerId: text(80),
  notes: z.array(note),
});
export type Deal = z.infer<typeof dealSchema>;
export const dealIndexes = [
  ['accountId', 'expectedClose'],
  ['stage', 'expectedClose'],
  ['ownerId', 'stage'],
];
