import { z } from 'zod';
import { baseFields, isoDate, money, note, ref, text, timestamp } from './common';

export const CONTRACT_STATUSES = ['draft', 'negotiation', 'signed', 'active', 'expired', 'terminated'] as const;
export const CLAUSE_KINDS = ['special_condition', 'discount', 'bonus', 'loyalty', 'referral', 'sla', 'other'] as const;

export const clause = z.object({ id: text(40), kind: z.enum(CLAUSE_KINDS), text: text(5000) });
/** What the parties agreed on in one version (kept with the version so two versions can be compared). */
export const contractTerms = z.object({
  title: text(200),
  value: money,
  startDate: isoDate(),
  endDate: isoDate(),
  termMonths: z.number().int().min(0).max(600),
  renewalDate: isoDate().optional(),
  clauses: z.array(clause),
});
/** One version of the terms; `terms` (schema version 1) is the snapshot of that version, absent on older versions. */
export const contractVersion = z.object({
  version: z.number().int().min(1),
  at: timestamp(),
  by: text(80),
  summary: text(1000),
  terms: contractTerms.optional(),
});

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
  /** The day the renewal must be decided by (the notice date), '' or absent when it is the end day (schema version 1). */
  renewalDate: isoDate().optional(),
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
