import type { BenchContext } from './context';
import { MetricMissing, type MetricRunner } from './metrics';
import type { SyncPullResult } from './protocol';
import { median, p95 } from './stats';
import { PULL_COLLECTIONS, pullCounts } from './sync-data';
import { seedTeam } from './sync-server';

/**
 * Sync metrics (issue 3): pull, pull vs PouchDB, push of 10k edits, live change latency, all in
 * Chromium against a local pouchdb-server reached directly over loopback (see
 * bench/page/sync-bench.ts for what that includes and excludes compared with the app's bridge).
 */

interface PullMeasurement extends SyncPullResult {
  docs: number;
}

const pulls = new WeakMap<BenchContext, Promise<PullMeasurement>>();

/** Seeds the pull team and runs both pulls once per bench; both pull metrics read the same runs. */
function pullMeasurement(ctx: BenchContext): Promise<PullMeasurement> {
  let measured = pulls.get(ctx);
  if (!measured) {
    measured = (async () => {
      const server = await ctx.teamServer();
      const counts = pullCounts(ctx.size, ctx.plan.syncPullCap);
      const t0 = Date.now();
      const docs = await seedTeam(server, server.teams.pull, { size: ctx.size, seed: ctx.seed, now: ctx.now, counts });
      ctx.log(
        `  seeded ${docs} docs (${Object.entries(counts)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      const result = await ctx.callBench('syncPull', {
        serverUrl: server.url,
        team: server.teams.pull,
        auth: server.memberAuth,
        collections: [...PULL_COLLECTIONS],
        counts,
        runs: ctx.plan.syncPullRuns,
      });
      return { ...result, docs };
    })();
    pulls.set(ctx, measured);
  }
  return measured;
}

const PUSH_DOCS = 10_000;

export const SYNC_METRICS: MetricRunner[] = [
  {
    id: 'sync.pull.docs_per_s',
    unit: 'docs/s',
    better: 'higher',
    // A new laptop joining an M team (~130k docs) should be in sync in about a minute: ≥ 2000 docs/s.
    goal: { S: 2_000, M: 2_000, L: 2_000 },
    summary: 'docs ÷ median time of the initial pull (accounts + contacts + activities) into a fresh database, direct to pouchdb-server',
    async measure(ctx) {
      const { carteira, docs } = await pullMeasurement(ctx);
      ctx.log(`  ${docs} docs, runs ${carteira.map((t) => t.toFixed(0)).join(', ')} ms`);
      return docs / (median(carteira) / 1000);
    },
  },
  {
    id: 'sync.pull.ratio_vs_pouchdb',
    unit: 'ratio',
    better: 'lower',
    goal: { S: 1, M: 1, L: 1 },
    summary: 'median Carteira pull time ÷ median PouchDB replicate.from time, same databases, same page, batch 1000',
    async measure(ctx) {
      const { carteira, pouchdb, pouchdbError } = await pullMeasurement(ctx);
      if (pouchdbError || pouchdb.length === 0) throw new MetricMissing(`PouchDB could not run in the page: ${pouchdbError ?? 'no runs'}`);
      ctx.log(`  pouchdb runs ${pouchdb.map((t) => t.toFixed(0)).join(', ')} ms`);
      return median(carteira) / median(pouchdb);
    },
  },
  {
    id: 'sync.push_10k.ms',
    unit: 'ms',
    better: 'lower',
    // DESIGN §5 measured 5.1 s for 10k inserts at batch 1000; edits also pass validate_doc_update
    // and a member's auth, so 2× that: a laptop back online with a bulk edit is synced within 10 s.
    goal: { S: 10_000, M: 10_000, L: 10_000 },
    summary: 'median ms from restarting replication with 10k locally edited activities until awaitInSync (server acknowledged all)',
    async measure(ctx) {
      const server = await ctx.teamServer();
      await seedTeam(server, server.teams.push, { size: ctx.size, seed: ctx.seed, now: ctx.now, counts: { activities: PUSH_DOCS } });
      const { times, localWrite } = await ctx.callBench('syncPush', {
        serverUrl: server.url,
        team: server.teams.push,
        auth: server.memberAuth,
        collection: 'activities',
        docs: PUSH_DOCS,
        runs: ctx.plan.syncPushRuns,
      });
      ctx.log(`  push ${times.map((t) => t.toFixed(0)).join(', ')} ms; local edits (not counted) ${localWrite.map((t) => t.toFixed(0)).join(', ')} ms`);
      return median(times);
    },
  },
  {
    id: 'sync.live.p95.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 100, M: 100, L: 100 },
    summary: 'p95 ms from an insert on device A until device B (same page, both live on accounts) sees it',
    async measure(ctx) {
      const server = await ctx.teamServer();
      const times = await ctx
        .callBench('syncLive', {
          serverUrl: server.url,
          team: server.teams.live,
          auth: server.memberAuth,
          samples: ctx.plan.syncLiveSamples,
          warmup: ctx.plan.syncLiveWarmup,
        })
        .catch((error: Error) => {
          // Once seen here: the server had A's write and a reSync pulled it, but B's live request
          // sat behind A's identical one in Chromium's HTTP cache lock (fixed in the page: fetches
          // use cache 'no-store'). Should it recur, it is reported missing with the evidence, never as a number.
          if (/never reached device B/.test(error.message)) throw new MetricMissing(error.message.replace(/^.*?Error: /, '').split('\n')[0]!);
          throw error;
        });
      ctx.log(`  ${times.length} samples, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      return p95(times);
    },
  },
];
