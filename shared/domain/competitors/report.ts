import type { Deal, Money } from '../../models';
import { localIsoDay } from '../local-day';
import { stageOf, type PipelineConfig, type StageKind } from '../sales/pipeline';
import { normalizeText } from '../text';

/** A period of local days, both ends included ('' = open-ended). */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type ReportDeal = Pick<Deal, 'id' | 'stage' | 'competitorId' | 'value' | 'lostReason'> & { closedAt?: string };

/** A lost reason as the team wrote it most, and how many deals gave it. */
export interface LostReasonCount {
  reason: string;
  count: number;
}

export interface MoneyTotal {
  currency: Currency;
  /** Minor units. */
  amount: number;
}

export interface CompetitorReportRow {
  competitorId: string;
  /** won + lost + open. */
  faced: number;
  won: number;
  lost: number;
  open: number;
  /** Σ value of the deals lost, per currency, minor units (largest first). */
  valueLost: MoneyTotal[];
  /** won / (won + lost) in basis points; null when nothing closed. */
  winRateBp: number | null;
  /** The most frequent lost reasons (case, accents and spaces ignored), most frequent first. */
  topLostReasons: LostReasonCount[];
}

/** The kind of a deal's stage ('open' for a stage the pipeline does not know). */
export const dealKind = (config: PipelineConfig, stage: string): StageKind => stageOf(config, stage)?.kind ?? 'open';

/** Whether an ISO day falls in the period (a closed deal without a day falls only in an open-ended one). */
export function inPeriod(day: string | undefined, period: ReportPeriod): boolean {
  if (!period.from && !period.to) return true;
  if (!day) return false;
  return (!period.from || day >= period.from) && (!period.to || day <= period.to);
}

/** Whether the period's ends are in order. */
export const periodError = (period: ReportPeriod): 'end_before_start' | null =>
  period.from && period.to && period.to < period.from ? 'end_before_start' : null;

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_year', 'last_12_months', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

type Currency = Money['currency'];

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (y: number, m: number, d: number) => localIsoDay(new Date(y, m, d, 12));

/** A preset period on the user's local calendar ("this month" at 22:00 on the 31st is still that month). */
export function presetPeriod(preset: PeriodPreset, now: Date = new Date()): ReportPeriod {
  const today = localIsoDay(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'this_month':
      return { from: `${y}-${pad(m)}-01`, to: today };
    case 'last_month':
      return { from: dayOf(y, m - 2, 1), to: dayOf(y, m - 1, 0) };
    case 'this_year':
      return { from: `${y}-01-01`, to: today };
    case 'last_12_months':
      return { from: dayOf(y - 1, m - 1, Number(today.slice(8)) + 1), to: today };
    case 'all':
      return { from: '', to: '' };
  }
}

const TOP_REASONS = 3;

/**
 * Per competitor: the deals faced against it, won, lost and open, the value lost, the win rate and
 * the most frequent lost reasons. Won and lost deals count when their `closedAt` day falls in the
 * period; open deals are the ones open now (they have no close day). Deals without a competitor are
 * left out. Rows come in the order of `competitorIds` (every one, even with no deal), then any other
 * competitor a deal names.
 */
export function competitorReport(
  config: PipelineConfig,
  deals: Iterable<ReportDeal>,
  period: ReportPeriod,
  competitorIds: readonly string[] = [],
): CompetitorReportRow[] {
  interface Acc {
    won: number;
    lost: number;
    open: number;
    valueLost: Map<Currency, number>;
    reasons: Map<string, { count: number; spellings: Map<string, Spelling> }>;
  }
  const acc = new Map<string, Acc>();
  const of = (id: string): Acc => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { won: 0, lost: 0, open: 0, valueLost: new Map(), reasons: new Map() }));
    return a;
  };
  for (const id of competitorIds) of(id);
  for (const d of deals) {
    if (!d.competitorId) continue;
    const kind = dealKind(config, d.stage);
    if (kind === 'open') {
      of(d.competitorId).open += 1;
      continue;
    }
    if (!inPeriod(d.closedAt, period)) continue;
    const a = of(d.competitorId);
    if (kind === 'won') {
      a.won += 1;
      continue;
    }
    a.lost += 1;
    a.valueLost.set(d.value.currency, (a.valueLost.get(d.value.currency) ?? 0) + d.value.amount);
    const key = normalizeText(d.lostReason);
    if (!key) continue;
    let r = a.reasons.get(key);
    if (!r) a.reasons.set(key, (r = { count: 0, spellings: new Map() }));
    r.count += 1;
    const spelling = d.lostReason.trim().replace(/\s+/g, ' ');
    const seen = r.spellings.get(spelling);
    const day = d.closedAt ?? '';
    r.spellings.set(spelling, { count: (seen?.count ?? 0) + 1, lastDay: seen && seen.lastDay > day ? seen.lastDay : day });
  }
  return [...acc].map(([competitorId, a]) => {
    const closed = a.won + a.lost;
    return {
      competitorId,
      faced: closed + a.open,
      won: a.won,
      lost: a.lost,
      open: a.open,
      valueLost: [...a.valueLost]
        .map(([currency, amount]) => ({ currency, amount }))
        .sort((x, y) => y.amount - x.amount || x.currency.localeCompare(y.currency)),
      winRateBp: closed ? Math.round((a.won * 10_000) / closed) : null,
      topLostReasons: [...a.reasons.values()]
        .map((r) => ({ reason: mostUsed(r.spellings), count: r.count }))
        .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason))
        .slice(0, TOP_REASONS),
    };
  });
}

interface Spelling {
  count: number;
  /** The latest close day it was written on. */
  lastDay: string;
}

/** The spelling written most often; on a tie the one written last, then the first in code-point order (stable whatever the deals' order). */
function mostUsed(spellings: Map<string, Spelling>): string {
  let best = '';
  let top: Spelling | undefined;
  for (const [s, n] of spellings) {
    if (!top || n.count > top.count || (n.count === top.count && (n.lastDay > top.lastDay || (n.lastDay === top.lastDay && s < best)))) [best, top] = [s, n];
  }
  return best;
}
