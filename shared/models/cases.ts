import { z } from 'zod';
import { baseFields, note, ref, text, timestamp } from './common';

export const CASE_KINDS = ['complaint', 'objection', 'feedback', 'question'] as const;
export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CASE_STATUSES = ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'] as const;

/** A complaint, objection or piece of feedback and how it was resolved. */
export const caseSchema = z.object({
  ...baseFields,
  accountId: ref(),
  contactId: ref(),
  orderId: ref(),
  productId: ref(),
  kind: z.enum(CASE_KINDS),
  subject: text(200).min(1),
  description: text(20_000),
  severity: z.enum(CASE_SEVERITIES),
  status: z.enum(CASE_STATUSES),
  resolution: text(20_000),
  /** 1–5 once the client rated the resolution, 0 before. */
  satisfaction: z.number().int().min(0).max(5),
  openedAt: timestamp(),
  resolvedAt: timestamp(),
  ownerId: text(80),
  notes: z.array(note),
});
export type Case = z.infer<typeof caseSchema>;
export const caseIndexes = [
  ['accountId', 'openedAt'],
  ['status', 'openedAt'],
];
