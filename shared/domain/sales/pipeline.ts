import { z } from 'zod';
import type { Deal, LegacyDealStage, Money } from '../../models';

/**
 * The pipeline: an ordered list of stages a deal moves through, configurable per team (the team's
 * commercial policy, published with the catalogue). Pure: the board, the list and the keyboard
 * shortcuts of the deal screens all move deals and count totals through these functions.
 *
 * The model of a pipeline:
 * - the **open** stages, in the order a deal goes through them (at least one);
 * - then exactly one **won** stage and one **lost** stage, the two ways a deal closes.
 * "Next" walks the open stages and then into won; lost is never reached by "next": marking a deal
 * lost is a decision that needs its reason (`lost_reason_required`).
 */

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The stages every team starts with; screens name them through i18n (`sales.stage.<id>`). */
export const DEFAULT_STAGE_IDS = ['prospecting', 'first_contact', 'needs_identified', 'proposal_presented', 'negotiation', 'won', 'lost'] as const;

export const pipelineStageSchema = z.object({
  /** Stable id, lower-case snake case ("needs_identified"); what a deal stores. */
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  /** The team's own name for a stage it added; '' for the default stages (their names are translated). */
  label: z.string().max(60),
  kind: z.enum(STAGE_KINDS),
  /** Probability a deal gets when it enters the stage, in whole percent (won is 100, lost 0). */
  probability: z.number().int().min(0).max(100),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

export const pipelineConfigSchema = z.object({ stages: z.array(pipelineStageSchema).min(3).max(20) }).superRefine(({ stages }, ctx) => {
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: 'duplicate_stage' });
    seen.add(s.id);
  });
  const won = stages.filter((s) => s.kind === 'won');
  const lost = stages.filter((s) => s.kind === 'lost');
  if (won.length !== 1) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'one_won_stage' });
  if (lost.length !== 1) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'one_lost_stage' });
  if (!stages.some((s) => s.kind === 'open')) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'an_open_stage' });
  const firstClosed = stages.findIndex((s) => s.kind !== 'open');
  if (firstClosed >= 0 && stages.slice(firstClosed).some((s) => s.kind === 'open')) {
    ctx.addIssue({ code: 'custom', path: ['stages'], message: 'closed_stages_last' });
  }
  if (won[0] && won[0].probability !== 100) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'won_is_100' });
  if (lost[0] && lost[0].probability !== 0) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'lost_is_0' });
});
export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;

export const DEFAULT_PIPELINE: PipelineConfig = {
  stages: [
    { id: 'prospecting', label: '', kind: 'open', probability: 5 },
    { id: 'first_contact', label: '', kind: 'open', probability: 10 },
    { id: 'needs_identified', label: '', kind: 'open', probability: 25 },
    { id: 'proposal_presented', label: '', kind: 'open', probability: 50 },
    { id: 'negotiation', label: '', kind: 'open', probability: 75 },
    { id: 'won', label: '', kind: 'won', probability: 100 },
    { id: 'lost', label: '', kind: 'lost', probability: 0 },
  ],
};

/**
 * The stage ids of the deal schema's version 0 (`LEGACY_DEAL_STAGES` in shared/models/deals.ts) in
 * the default pipeline: the migration to version 1 maps them, and a legacy id arriving from an
 * older app is read through it.
 */
export const LEGACY_STAGE_IDS: Readonly<Record<LegacyDealStage, string>> = {
  lead: 'prospecting',
  qualified: 'needs_identified',
  proposal: 'proposal_presented',
  negotiation: 'negotiation',
  won: 'won',
  lost: 'lost',
};

/** A stage id as the pipeline knows it: a legacy id of the deal schema is translated, any other is kept. */
export const normalizeStageId = (stage: string): string => (Object.hasOwn(LEGACY_STAGE_IDS, stage) ? LEGACY_STAGE_IDS[stage as LegacyDealStage] : stage);

export const stageOf = (config: PipelineConfig, stageId: string): PipelineStage | undefined => config.stages.find((s) => s.id === normalizeStageId(stageId));

/** The open stages then the won stage: the path "next" and "previous" walk. */
function path(config: PipelineConfig): PipelineStage[] {
  return config.stages.filter((s) => s.kind !== 'lost');
}

/** The stage after `stageId` on the path (the last open stage leads to won); null at won, at lost, or for an unknown stage. */
export function nextStage(config: PipelineConfig, stageId: string): PipelineStage | null {
  const steps = path(config);
  const i = steps.findIndex((s) => s.id === normalizeStageId(stageId));
  return i < 0 ? null : (steps[i + 1] ?? null);
}

/** The stage before `stageId` on the path; from lost it is the last open stage (the deal is reopened); null at the first stage. */
export function previousStage(config: PipelineConfig, stageId: string): PipelineStage | null {
  const stage = stageOf(config, stageId);
  if (!stage) return null;
  const steps = path(config);
  if (stage.kind === 'lost') return steps.filter((s) => s.kind === 'open').at(-1) ?? null;
  const i = steps.findIndex((s) => s.id === stage.id);
  return i > 0 ? (steps[i - 1] ?? null) : null;
}

export type MoveError = 'unknown_stage' | 'lost_reason_required' | 'lost_reason_too_long';
export const LOST_REASON_MAX = 500;

/** What a move changes on the deal. */
export interface DealMove {
  stage: string;
  probability: number;
  /** The reason kept when the deal is lost; '' when it is (re)opened or won. */
  lostReason: string;
}

/**
 * Moves a deal to `to`: its probability becomes the stage's (unless `keepProbability` and the stage is open),
 * a lost deal needs a reason (trimmed, at most LOST_REASON_MAX), and leaving lost clears the reason.
 */
export function moveDeal(
  config: PipelineConfig,
  deal: Pick<Deal, 'probability'>,
  to: string,
  options: { lostReason?: string; keepProbability?: boolean } = {},
): { ok: true; move: DealMove } | { ok: false; error: MoveError } {
  const stage = stageOf(config, to);
  if (!stage) return { ok: false, error: 'unknown_stage' };
  if (stage.kind === 'lost') {
    const reason = (options.lostReason ?? '').trim();
    if (!reason) return { ok: false, error: 'lost_reason_required' };
    if (reason.length > LOST_REASON_MAX) return { ok: false, error: 'lost_reason_too_long' };
    return { ok: true, move: { stage: stage.id, probability: 0, lostReason: reason } };
  }
  const probability = stage.kind === 'open' && options.keepProbability ? deal.probability : stage.probability;
  return { ok: true, move: { stage: stage.id, probability, lostReason: '' } };
}

type Currency = Money['currency'];

export interface CurrencyTotal {
  currency: Currency;
  /** Σ deal values, minor units. */
  value: number;
  /** Σ value × probability, minor units, rounded half up once per stage (not per deal). */
  weighted: number;
}

export interface StageTotals {
  stageId: string;
  count: number;
  /** One entry per currency present, in the order first met. */
  totals: CurrencyTotal[];
}

/** A deal as the totals read it: its stage is the pipeline's id or a legacy id of today's schema. */
export type TotalsDeal = Pick<Deal, 'value' | 'probability'> & { stage: string };

/**
 * Count, value and probability-weighted value of every stage of the pipeline, in its order (empty
 * stages included), plus a last `stageId: ''` entry for deals whose stage the pipeline does not
 * have (only when there are some). One pass over the deals: the board calls it on 30 000.
 */
export function stageTotals(config: PipelineConfig, deals: Iterable<TotalsDeal>): StageTotals[] {
  type Acc = { count: number; byCurrency: Map<Currency, { value: number; weightedHundredths: number }> };
  const acc = new Map<string, Acc>(config.stages.map((s) => [s.id, { count: 0, byCurrency: new Map() }]));
  const unknown: Acc = { count: 0, byCurrency: new Map() };
  for (const deal of deals) {
    const bucket = acc.get(normalizeStageId(deal.stage)) ?? unknown;
    bucket.count++;
    let sum = bucket.byCurrency.get(deal.value.currency);
    if (!sum) bucket.byCurrency.set(deal.value.currency, (sum = { value: 0, weightedHundredths: 0 }));
    sum.value += deal.value.amount;
    sum.weightedHundredths += deal.value.amount * Math.min(100, Math.max(0, Math.trunc(deal.probability)));
  }
  const out = (stageId: string, a: Acc): StageTotals => ({
    stageId,
    count: a.count,
    totals: [...a.byCurrency].map(([currency, s]) => ({ currency, value: s.value, weighted: roundHalfUpDiv(s.weightedHundredths, 100) })),
  });
  const result = config.stages.map((s) => out(s.id, acc.get(s.id)!));
  if (unknown.count > 0) result.push(out('', unknown));
  return result;
}

/** n ÷ d rounded half up (away from zero for negatives), integers. */
function roundHalfUpDiv(n: number, d: number): number {
  const q = Math.floor(Math.abs(n) / d);
  const r = Math.abs(n) - q * d;
  const v = r * 2 >= d ? q + 1 : q;
  return n < 0 ? -v : v;
}
