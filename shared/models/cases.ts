import { z } from 'zod';
import { baseFields, id, note, ref, text, timestamp } from './common';
import { PREFERRED_CHANNELS } from './accounts';

export const CASE_KINDS = ['complaint', 'objection', 'feedback', 'question'] as const;
export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CASE_STATUSES = ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'] as const;

/** How the client raised the case: the account's contact channels, plus a form on the website and the sales rep in person. */
export const CASE_CHANNELS = [...PREFERRED_CHANNELS, 'website', 'in_person'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** One thing done about the case ("what was done"): a dated, signed entry; lists of them merge as unions on sync. */
export const caseAction = z.object({ id: id(), at: timestamp(), by: text(80), text: text(5_000).min(1) });
export type CaseAction = z.infer<typeof caseAction>;

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
  /** How the client raised it (version 1; absent on older documents). */
  channel: z.enum(CASE_CHANNELS).optional(),
  /** What was done, oldest first (version 1; absent on older documents). */
  actions: z.array(caseAction).max(500).optional(),
});
export type Case = z.infer<typeof caseSchema>;
export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const caseIndexes = [
  ['accountId', 'openedAt'],
  ['status', 'openedAt'],
];
