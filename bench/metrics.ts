import type { SampleSize } from '../shared/sample-data/sizes';
import { firstRowsAfterNavigation, firstRowsCold, heapWithListOpen } from './app-metrics';
import type { BenchContext } from './context';
import type { MetricUnit } from './results';
import { median, p95 } from './stats';
import { SALES_METRICS } from './sales-metrics';
import { SEARCH_METRICS } from './search-metrics';
import { SYNC_METRICS } from './sync-metrics';
import { WORKSPACE_METRICS } from './workspace-metrics';

/**
 * The registry of metrics. A later issue adds a metric by appending a runner here: an id, its unit
 * and goal per size, and `measure`, which returns the summary value (median, p95…) of its samples.
 * Runners run in this order; the ones that need the dataset call ctx.dataset(), which loads it once.
 */
export interface MetricRunner {
  id: string;
  unit: MetricUnit;
  better: 'lower' | 'higher';
  goal: Record<SampleSize, number>;
  /** How `value` summarises the samples, for the printed table's notes. */
  summary: string;
  measure(ctx: BenchContext): Promise<number>;
}

/**
 * Thrown by a runner that cannot measure honestly here (e.g. a baseline library that does not load
 * in the page): run.ts reports the metric as missing, with the reason, instead of a made-up value.
 */
export class MetricMissing extends Error {
  override name = 'MetricMissing';
}

const same = (goal: number): Record<SampleSize, number> => ({ S: goal, M: goal, L: goal });

export const METRICS: MetricRunner[] = [
  {
    // First, on a still empty profile, so IndexedDB compaction after the big load does not disturb it.
    id: 'write.overhead.ratio',
    unit: 'ratio',
    better: 'lower',
    goal: same(2),
    summary: 'median over runs of RxDB bulkInsert ÷ raw Dexie bulkPut, 10k accounts, fresh databases',
    async measure(ctx) {
      const { rxdb, dexie } = await ctx.callBench('writeOverhead', {
        size: ctx.size,
        seed: ctx.seed,
        now: ctx.now,
        docs: ctx.plan.writeDocs,
        runs: ctx.plan.writeRuns,
        warmup: ctx.plan.writeWarmup,
      });
      ctx.log(`  rxdb median ${median(rxdb).toFixed(0)} ms, dexie median ${median(dexie).toFixed(0)} ms`);
      return median(rxdb.map((rx, i) => rx / dexie[i]!));
    },
  },
  {
    id: 'load.ms',
    unit: 'ms',
    better: 'lower',
    // ~20k docs/s end to end (generation + validation-free bulkInsert into 11 collections) on a laptop-class machine.
    goal: { S: 3_000, M: 30_000, L: 120_000 },
    summary: 'median over load runs (L: one run) of loadSampleData into the emptied app database, batch 1000',
    async measure(ctx) {
      const { times, docs } = await ctx.dataset();
      const ms = median(times);
      ctx.log(`  ${docs} docs, ${Math.round(docs / (ms / 1000))} docs/s`);
      return ms;
    },
  },
  {
    id: 'account.open.p95.ms',
    unit: 'ms',
    better: 'lower',
    goal: same(50),
    summary: 'p95 of findOne(id).exec() on distinct random account ids, freshly opened app database',
    async measure(ctx) {
      await ctx.dataset();
      const times = await ctx.callBench('openAccounts', {
        size: ctx.size,
        seed: ctx.seed,
        now: ctx.now,
        samples: ctx.plan.openSamples,
        warmup: ctx.plan.openWarmup,
      });
      ctx.log(`  ${times.length} samples, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      return p95(times);
    },
  },
  {
    id: 'accounts.list.first_rows.ms',
    unit: 'ms',
    better: 'lower',
    goal: same(200),
    summary: 'median, in-app navigation Settings → Accounts until the first-rows mark',
    async measure(ctx) {
      const samples = await firstRowsAfterNavigation(ctx);
      ctx.log(`  samples ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      return median(samples);
    },
  },
  {
    id: 'accounts.list.cold_first_rows.ms',
    unit: 'ms',
    better: 'lower',
    goal: same(1500),
    summary: 'median, new tab on #/accounts: navigation start until the first-rows mark',
    async measure(ctx) {
      const samples = await firstRowsCold(ctx);
      ctx.log(`  samples ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      return median(samples);
    },
  },
  {
    id: 'heap.MB',
    unit: 'MB',
    better: 'lower',
    goal: same(400),
    summary: 'median used JS heap after a forced GC, accounts list open with every row in memory',
    async measure(ctx) {
      const samples = await heapWithListOpen(ctx);
      ctx.log(`  samples ${samples.map((s) => s.toFixed(1)).join(', ')} MB`);
      return median(samples);
    },
  },
  // Last: they start their own team server and databases, and leave the app's data alone.
  ...SYNC_METRICS,
  ...WORKSPACE_METRICS,
  ...SEARCH_METRICS,
  ...SALES_METRICS,
];

/** Runners picked by `--only` (prefix match on the id); all when none given. */
export function selectMetrics(only: readonly string[], all: readonly MetricRunner[] = METRICS): MetricRunner[] {
  if (only.length === 0) return [...all];
  const picked = all.filter((m) => only.some((o) => m.id.startsWith(o)));
  if (picked.length === 0) throw new Error(`--only ${only.join(',')} matches no metric (known: ${all.map((m) => m.id).join(', ')})`);
  return picked;
}
