import { z } from 'zod';
import { baseFields, isoDate, money, note, ref, text, timestamp } from './common';

export const CONTRACT_STATUSES = ['draft', 'negotiation', 'signed', 'active', 'expired', 'terminated'] as const;
export const CLAUSE_KINDS = ['special_condition', 'discount', 'bonus', 'loyalty', 'referral', 'sla', 'other'] as const;

export const clause = z.object({ id: text(40), kind: z.enum(CLAUSE_KINDS), text: text(5000) });
export const contractVersion = z.object({ version: z.number().int().min(1), at: timestamp(), by: text(80), summary: text(1000) });

/** A contract from draft to expiry. */
export const contractSchema = z.object({
  ...baseFields,
  number: text(40),
  accountId: ref(),
  dealId: ref(),
  title: text(200).min(1),
  status: z.enum(CONTRACT_STATUSES),
  value: money,
  startDate: isoDate(),
  endDate: isoDate(),
  termMonths: z.number().int().min(0).max(600),
  clauses: z.array(clause),
  versions: z.array(contractVersion),
  signedAt: timestamp(),
  ownerId: text(80),
  notes: z.array(note),
});
export type Contract = z.infer<typeof contractSchema>;
export const contractIndexes = [
  ['accountId', 'endDate'],
  ['status', 'endDate'],
];
