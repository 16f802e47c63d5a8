import type { Deal } from '../../models';
import { moveDeal, normalizeStageId, stageOf, stageTotals, type MoveError, type PipelineConfig, type PipelineStage, type StageTotals } from './pipeline';

/**
 * The pipeline board and list as pure functions: which deals a filter keeps, the columns of the
 * board (deals of each stage, soonest expected close first, with the stage's totals), and the patch
 * a move writes. The screens only render what these return.
 */

/** What the board keeps of a deal (30 000 of them at once: no lines, no notes). */
export interface BoardDeal {
  id: string;
  title: string;
  accountId: string;
  /** The pipeline's stage id (a legacy id of schema version 0 already translated). */
  stage: string;
  value: Deal['value'];
  probability: number;
  expectedClose: string;
  ownerId: string;
  competitorId: string;
  lostReason: string;
  updatedAt: number;
}

export const toBoardDeal = (d: Deal): BoardDeal => ({
  id: d.id,
  title: d.title,
  accountId: d.accountId,
  stage: normalizeStageId(d.stage),
  value: d.value,
  probability: d.probability,
  expectedClose: d.expectedClose,
  ownerId: d.ownerId,
  competitorId: d.competitorId,
  lostReason: d.lostReason,
  updatedAt: d.updatedAt,
});

export interface BoardFilter {
  /** '' = every owner. */
  ownerId: string;
  /** '' = every segment (the segment of the deal's account). */
  segment: string;
  /** '' = any competitor, '-' = deals with none. */
  competitorId: string;
  /** Expected close from / to, ISO days ('' = open-ended). */
  closeFrom: string;
  closeTo: string;
  /** Value bounds in minor units (null = none). */
  minValue: number | null;
  maxValue: number | null;
  /** Words of the title or the account's name. */
  text: string;
}

export const EMPTY_BOARD_FILTER: BoardFilter = {
  ownerId: '',
  segment: '',
  competitorId: '',
  closeFrom: '',
  closeTo: '',
  minValue: null,
  maxValue: null,
  text: '',
};

export const isBoardFilterEmpty = (f: BoardFilter): boolean =>
  !f.ownerId && !f.segment && !f.competitorId && !f.closeFrom && !f.closeTo && f.minValue === null && f.maxValue === null && !f.text.trim();

/** What the filter needs to know of an account. */
export interface BoardAccount {
  name: string;
  segment: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The deals the filter keeps, in their order. */
export function filterBoardDeals(deals: readonly BoardDeal[], filter: BoardFilter, accounts: (id: string) => BoardAccount | undefined): BoardDeal[] {
  if (isBoardFilterEmpty(filter)) return [...deals];
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return deals.filter((d) => {
    if (filter.ownerId && d.ownerId !== filter.ownerId) return false;
    if (filter.competitorId === '-' ? d.competitorId !== '' : filter.competitorId && d.competitorId !== filter.competitorId) return false;
    if (filter.closeFrom && (!d.expectedClose || d.expectedClose < filter.closeFrom)) return false;
    if (filter.closeTo && (!d.expectedClose || d.expectedClose > filter.closeTo)) return false;
    if (filter.minValue !== null && d.value.amount < filter.minValue) return false;
    if (filter.maxValue !== null && d.value.amount > filter.maxValue) return false;
    if (filter.segment || words.length) {
      const account = accounts(d.accountId);
      if (filter.segment && account?.segment !== filter.segment) return false;
      if (words.length) {
        const haystack = fold(`${d.title} ${account?.name ?? ''}`);
        if (!words.every((w) => haystack.includes(w))) return false;
      }
    }
    return true;
  });
}

export interface BoardColumn {
  stage: PipelineStage;
  /** Soonest expected close first; deals without a date last; then by title. */
  deals: BoardDeal[];
  totals: StageTotals;
}

const closeKey = (d: BoardDeal) => d.expectedClose || '9999-99-99';
const byClose = (a: BoardDeal, b: BoardDeal): number => {
  const ka = closeKey(a);
  const kb = closeKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};

/** One column per stage of the pipeline, in its order; deals of a stage it does not have are left out of the columns (`orphans`). */
export function boardColumns(config: PipelineConfig, deals: readonly BoardDeal[]): { columns: BoardColumn[]; orphans: BoardDeal[] } {
  const byStage = new Map<string, BoardDeal[]>(config.stages.map((s) => [s.id, []]));
  const orphans: BoardDeal[] = [];
  for (const d of deals) (byStage.get(d.stage) ?? orphans).push(d);
  const totals = stageTotals(config, deals);
  const columns = config.stages.map((stage, i) => ({ stage, deals: byStage.get(stage.id)!.sort(byClose), totals: totals[i]! }));
  return { columns, orphans };
}

/** The fields a move from the board writes. */
export type BoardPatch = Pick<Deal, 'stage' | 'probability' | 'lostReason' | 'closedAt'>;

/**
 * The patch for moving `deal` to stage `to` on day `today`: the stage's probability (see moveDeal),
 * the lost reason, and the close day — set when the deal is won or lost, cleared when reopened.
 * Moving a deal to the stage it is in changes nothing (null).
 */
export function boardMove(
  config: PipelineConfig,
  deal: Pick<BoardDeal, 'stage' | 'probability'>,
  to: string,
  today: string,
  lostReason?: string,
): { ok: true; patch: BoardPatch | null } | { ok: false; error: MoveError } {
  if (normalizeStageId(deal.stage) === normalizeStageId(to) && stageOf(config, to)?.kind !== 'lost') return { ok: true, patch: null };
  const result = moveDeal(config, deal, to, { lostReason });
  if (!result.ok) return result;
  const kind = stageOf(config, to)!.kind;
  return { ok: true, patch: { ...result.move, closedAt: kind === 'open' ? '' : today } };
}

/** Whether an open deal's expected close has passed. */
export const isOverdue = (config: PipelineConfig, deal: Pick<BoardDeal, 'stage' | 'expectedClose'>, today: string): boolean =>
  stageOf(config, deal.stage)?.kind === 'open' && deal.expectedClose !== '' && deal.expectedClose < today;
