import { z } from 'zod';
import { baseFields, basisPoints, currency, id, isoDate, money, note, ref, text, timestamp } from './common';
import { PRODUCT_UNITS } from './products';

/**
 * The stage ids of schema version 0, a fixed list. From version 1 a deal stores the id of a stage
 * of the team's pipeline (shared/domain/sales/pipeline.ts); documents of version 0 are migrated,
 * and a legacy id arriving from an older app is read as its pipeline stage (`normalizeStageId`).
 */
export const LEGACY_DEAL_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type LegacyDealStage = (typeof LEGACY_DEAL_STAGES)[number];

/**
 * A pipeline stage id: lower-case snake case ("needs_identified"), what the team's pipeline names;
 * '' only on a deletion stub (a stage the pipeline does not have shows apart on the board).
 */
export const stageId = () =>
  z
    .string()
    .regex(/^([a-z][a-z0-9_]*)?$/)
    .max(40);

export const dealLine = z.object({
  id: id(),
  productId: ref(),
  sku: text(40),
  name: text(200),
  qty: z.number().min(0),
  unitPrice: z.number().int().min(0),
  discountBp: basisPoints(),
  /** A bonus line (bonificação): the goods are given, charged 0. Absent on lines of version 0. */
  bonus: z.boolean().optional(),
});
export type DealLine = z.infer<typeof dealLine>;

/** An objection the client raised during the negotiation, and how it was answered ('' while open). */
export const dealObjection = z.object({
  id: id(),
  at: timestamp(),
  by: text(80),
  objection: text(1_000).min(1),
  answer: text(2_000),
});
export type DealObjection = z.infer<typeof dealObjection>;

/**
 * Proposals are versions kept on the deal (no collection of their own): each one sent is frozen
 * with its number, day, validity, totals and a snapshot of its lines, so the negotiation's history
 * stays readable after prices and the catalogue change (shared/domain/sales/proposals.ts).
 */
export const PROPOSAL_LANGUAGES = ['pt-BR', 'pt-PT', 'en'] as const;
export type ProposalLanguage = (typeof PROPOSAL_LANGUAGES)[number];

export const proposalLineSnapshot = z.object({
  productId: text(40),
  sku: text(40),
  name: text(200),
  unit: z.enum(PRODUCT_UNITS),
  quantity: z.number().positive(),
  bonus: z.boolean(),
  listPrice: z.number().int().min(0),
  discountBp: basisPoints(),
  unitPrice: z.number().int().min(0),
  gross: z.number().int().min(0),
  discount: z.number().int().min(0),
  total: z.number().int().min(0),
  bonusValue: z.number().int().min(0),
});
export type ProposalLineSnapshot = z.infer<typeof proposalLineSnapshot>;

export const proposalTotals = z.object({
  lineCount: z.number().int().min(0),
  gross: z.number().int().min(0),
  discount: z.number().int().min(0),
  net: z.number().int().min(0),
  bonusValue: z.number().int().min(0),
});

export const proposalVersionSchema = z.object({
  /** 1, 2, 3… per deal. */
  number: z.number().int().min(1),
  /** The local day it was issued, ISO. */
  date: isoDate().min(10),
  /** Last day the prices hold, ISO (≥ date). */
  validUntil: isoDate().min(10),
  issuedAt: timestamp(),
  issuedBy: text(80),
  language: z.enum(PROPOSAL_LANGUAGES),
  currency: currency(),
  paymentTerms: text(200),
  conditions: text(5000),
  lines: z.array(proposalLineSnapshot).min(1).max(500),
  totals: proposalTotals,
});
export type ProposalVersion = z.infer<typeof proposalVersionSchema>;

/** An opportunity on the pipeline. */
export const dealSchema = z.object({
  ...baseFields,
  accountId: ref(),
  title: text(200).min(1),
  stage: stageId(),
  lines: z.array(dealLine),
  value: money,
  probability: z.number().int().min(0).max(100),
  expectedClose: isoDate(),
  lostReason: text(500),
  competitorId: ref(),
  contactIds: z.array(ref()),
  ownerId: text(80),
  notes: z.array(note),
  /** Objections and their answers (version 1; absent on older documents). */
  objections: z.array(dealObjection).optional(),
  /** The proposals sent, oldest first (version 1; absent on older documents). */
  proposals: z.array(proposalVersionSchema).optional(),
  /** The day the deal was won or lost ('' or absent while open). */
  closedAt: isoDate().optional(),
});
export type Deal = z.infer<typeof dealSchema>;
export const dealIndexes = [
  ['accountId', 'expectedClose'],
  ['stage', 'expectedClose'],
  ['ownerId', 'stage'],
];
