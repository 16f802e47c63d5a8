import type { Page } from 'playwright-core';
import { generateSampleData } from '../shared/sample-data';
import type { BenchContext } from './context';
import type { MetricRunner } from './metrics';
import type { PageGlobals } from './page-globals';
import { median, p95 } from './stats';
import { INDEX_READY_MEASURE } from './search-metrics';

/** Mirrors ACCOUNT360_MARK in renderer/src/features/accounts/Account360Page.tsx (its detail is { id }). */
export const ACCOUNT360_MARK = 'carteira:account360:ready';
/** Mirrors MYDAY_MARK in renderer/src/features/activities/MyDayPage.tsx (set once per visit). */
export const MYDAY_MARK = 'carteira:myday:ready';
const MYDAY_SAMPLES = 15;
const MYDAY_WARMUP = 2;

const SAMPLES = 120;
const WARMUP = 10;
/** How long a sample may take before the run fails (a page that never marks is a bug, not a slow sample). */
const SAMPLE_TIMEOUT_MS = 15_000;

/** `count` distinct indexes below `max`, the same for a given seed (a small LCG, as the bench page uses). */
export function distinctIndexes(count: number, max: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const picked = new Set<number>();
  while (picked.size < Math.min(count, max)) picked.add(Math.floor(next() * max));
  return [...picked];
}

/**
 * The app on the accounts list in a new tab, in steady state: the app's startup reads (the search
 * index's first read of every collection, the list's rows) are done, as they are a minute after a
 * manager opens the laptop.
 */
export async function openSteadyApp(ctx: BenchContext): Promise<Page> {
  await ctx.dataset();
  await ctx.releaseBench();
  const page = await ctx.browser.newPage();
  page.on('pageerror', (e) => ctx.log(`app page error: ${e.message}`));
  await page.goto(`${ctx.url}/#/accounts`);
  await page.locator('[role=row] a').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, INDEX_READY_MEASURE, { timeout: 900_000, polling: 500 });
  await page.waitForTimeout(1000);
  return page;
}

/**
 * ms from setting location.hash to `hash` (in-app navigation) until the page sets `mark` — with
 * detail.id === `id` when given, else any newer than the navigation.
 */
export function timeUntilMark(page: Page, hash: string, mark: string, id: string | null, timeout: number): Promise<number> {
  return page.evaluate(
    ([h, m, wanted, limit]) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${m} for ${h} within ${limit} ms`));
        }, limit);
        const observer = new PerformanceObserver((list) => {
          const entry = list
            .getEntriesByName(m)
            .find((e) => e.startTime >= start && (wanted === null || (e as unknown as { detail?: { id?: string } }).detail?.id === wanted));
          if (entry) {
            clearTimeout(timer);
            observer.disconnect();
            resolve(entry.startTime - start);
          }
        });
        observer.observe({ type: 'mark' });
        const start = performance.now();
        (globalThis as unknown as PageGlobals).location.hash = h;
      }),
    [hash, mark, id, timeout] as const,
  );
}

/**
 * ms from setting location.hash to '#/accounts/<id>' (the app already on another account's page,
 * in-app navigation) until the 360° page marks that its header and first timeline rows are on
 * screen, for distinct random accounts of the dataset. One tab, warm-up samples dropped.
 */
async function account360Open(ctx: BenchContext): Promise<number[]> {
  const data = generateSampleData({ size: ctx.size, seed: ctx.seed, now: ctx.now });
  const ids = distinctIndexes(SAMPLES + WARMUP, data.counts.accounts, ctx.seed + 11).map((i) => data.doc('accounts', i).id);
  // Start where a manager would: the accounts list, loaded (the 360° page's referrals read its rows).
  const page = await openSteadyApp(ctx);
  try {
    const samples: number[] = [];
    for (const id of ids) {
      samples.push(await timeUntilMark(page, `#/accounts/${id}`, ACCOUNT360_MARK, id, SAMPLE_TIMEOUT_MS));
      // A manager reads the page: let its other sections (contacts, deals, orders…) answer before the next account.
      await page.waitForTimeout(100);
    }
    return samples.slice(WARMUP);
  } finally {
    await page.close();
  }
}

/**
 * ms from setting location.hash to '#/today' (the app on the accounts list) until My day marks its
 * lists on screen — for the whole team, as a fresh install with the sample team's data opens it.
 */
async function myDayOpen(ctx: BenchContext): Promise<number[]> {
  const page = await openSteadyApp(ctx);
  try {
    const samples: number[] = [];
    for (let i = 0; i < MYDAY_SAMPLES + MYDAY_WARMUP; i++) {
      samples.push(await timeUntilMark(page, '#/today', MYDAY_MARK, null, SAMPLE_TIMEOUT_MS * 4));
      await page.evaluate(() => ((globalThis as unknown as PageGlobals).location.hash = '#/accounts'));
      await page.locator('[role=row] a').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
    }
    return samples.slice(MYDAY_WARMUP);
  } finally {
    await page.close();
  }
}

/** Workspace metrics (issue 4): account360.open.p95.ms, myday.open.median.ms. */
export const WORKSPACE_METRICS: MetricRunner[] = [
  {
    id: 'account360.open.p95.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 50, M: 50, L: 50 },
    summary: `p95 over ${SAMPLES} distinct random accounts: hash change to #/accounts/<id> until the 360° page's header and first timeline rows (mark), after the app's startup reads (search index, list rows) are done`,
    async measure(ctx) {
      const samples = await account360Open(ctx);
      ctx.log(`  ${samples.length} samples, median ${median(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
      return p95(samples);
    },
  },
  {
    id: 'myday.open.median.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 300, M: 300, L: 300 },
    summary: `median over ${MYDAY_SAMPLES} visits: hash change from the accounts list to #/today until My day's lists are on screen for the whole team (mark)`,
    async measure(ctx) {
      const samples = await myDayOpen(ctx);
      ctx.log(`  ${samples.length} samples, median ${median(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
      return median(samples);
    },
  },
];
