import type { BaseDoc, Deal } from '../../models';
import { stageOf, type PipelineConfig } from './pipeline';

/** What a person types to open a deal: the rest starts empty and is filled on the deal's page. */
export interface NewDealInput {
  accountId: string;
  title: string;
  /** ISO day or ''. */
  expectedClose: string;
  /** An open stage of the pipeline; '' for the first one. */
  stage: string;
}

export type NewDealIssue = 'account_required' | 'title_required' | 'title_too_long' | 'stage_not_open' | 'close_in_past';
export const DEAL_TITLE_MAX = 200;

/** The open stages a new deal may start in, in the pipeline's order. */
export const openStages = (config: PipelineConfig) => config.stages.filter((s) => s.kind === 'open');

/**
 * Checks a new deal's fields, each problem under its field: a deal needs its account and a title,
 * starts in an open stage (won and lost are reached by moving it), and its expected close is not
 * before `today` (the user's local day).
 */
export function newDealIssues(input: NewDealInput, config: PipelineConfig, today: string): Partial<Record<keyof NewDealInput, NewDealIssue>> {
  const issues: Partial<Record<keyof NewDealInput, NewDealIssue>> = {};
  if (!input.accountId) issues.accountId = 'account_required';
  const title = input.title.trim();
  if (!title) issues.title = 'title_required';
  else if (title.length > DEAL_TITLE_MAX) issues.title = 'title_too_long';
  if (input.stage && stageOf(config, input.stage)?.kind !== 'open') issues.stage = 'stage_not_open';
  if (input.expectedClose && input.expectedClose < today) issues.expectedClose = 'close_in_past';
  return issues;
}

/**
 * The fields of a new deal: in the chosen open stage (the first by default) with that stage's
 * probability, no lines yet and a value of zero in the account's currency, owned by `ownerId`.
 */
export function newDealFields(input: NewDealInput, config: PipelineConfig, context: { currency: Deal['value']['currency']; ownerId: string }) {
  const stage = (input.stage && stageOf(config, input.stage)) || openStages(config)[0]!;
  return {
    accountId: input.accountId,
    title: input.title.trim(),
    stage: stage.id,
    lines: [],
    value: { amount: 0, currency: context.currency },
    probability: stage.probability,
    expectedClose: input.expectedClose,
    lostReason: '',
    competitorId: '',
    contactIds: [],
    ownerId: context.ownerId.slice(0, 80),
    notes: [],
    objections: [],
    proposals: [],
    closedAt: '',
  } satisfies Omit<Deal, keyof BaseDoc>;
}
