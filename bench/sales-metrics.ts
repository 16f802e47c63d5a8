import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import type { MetricRunner } from './metrics';
import { median, p95 } from './stats';
import { openSteadyApp, timeUntilMark } from './workspace-metrics';

/** Mirrors PIPELINE_MARK in renderer/src/features/pipeline/PipelinePage.tsx (set once per visit). */
export const PIPELINE_MARK = 'carteira:pipeline:ready';
const BOARD_VISITS = 6;
const MOVE_SAMPLES = 30;
const MOVE_WARMUP = 4;
const PDF_LINES = 50;
const PDF_RUNS = 6;
const TIMEOUT_MS = 60_000;

/**
 * ms from setting location.hash to '#/pipeline' (the app on the accounts list, in steady state)
 * until the board marks its columns on screen with every deal of the dataset. The first visit reads
 * the whole deals collection into the board's live store; later visits find it live. Both are kept.
 */
async function boardVisits(ctx: BenchContext): Promise<number[]> {
  const page = await openSteadyApp(ctx);
  try {
    const samples: number[] = [];
    for (let i = 0; i < BOARD_VISITS; i++) {
      samples.push(await timeUntilMark(page, '#/pipeline', PIPELINE_MARK, null, TIMEOUT_MS));
      await page.locator('section[data-stage] [data-deal-id]').first().waitFor({ timeout: TIMEOUT_MS });
      await page.evaluate(() => (globalThis as unknown as { location: Location }).location.assign('#/accounts'));
      await page.locator('[role=row] a').first().waitFor({ timeout: TIMEOUT_MS });
      await page.waitForTimeout(300);
    }
    return samples;
  } finally {
    await page.close();
  }
}

/**
 * ms from the keyboard move of a focused card (Shift+→, then Shift+← back) until the card is in
 * its new column and both columns' counts say so: the same path as a drop (boardMove, the write,
 * the board's live store, the columns and totals recomputed over every deal).
 */
async function moveSamples(ctx: BenchContext): Promise<number[]> {
  const page = await openSteadyApp(ctx);
  try {
    await page.evaluate(() => (globalThis as unknown as { location: Location }).location.assign('#/pipeline'));
    await page.locator('section[data-stage="prospecting"] [data-deal-id]').first().waitFor({ timeout: TIMEOUT_MS });
    const samples: number[] = [];
    for (let i = 0; i < MOVE_SAMPLES + MOVE_WARMUP; i++) {
      const [from, to, key] = i % 2 === 0 ? ['prospecting', 'first_contact', 'ArrowRight'] : ['first_contact', 'prospecting', 'ArrowLeft'];
      samples.push(await timeMove(page, from, to, key, Math.floor(i / 2)));
      await page.waitForTimeout(150);
    }
    return samples.slice(MOVE_WARMUP);
  } finally {
    await page.close();
  }
}

/** One move, timed in the page: the keydown dispatched on the card, a MutationObserver for the result. */
async function timeMove(page: Page, from: string, to: string, key: string, nth: number): Promise<number> {
  // tsx compiles named inner functions with esbuild's `__name` helper, which the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    ([fromStage, toStage, arrow, index, limit]) =>
      new Promise<number>((resolve, reject) => {
        const doc = (globalThis as unknown as { document: Document }).document;
        const column = (stage: string) => doc.querySelector(`section[data-stage="${stage}"]`)!;
        const count = (stage: string) => Number(column(stage).querySelector('[data-testid="stage-count"]')!.textContent!.replace(/\D/g, ''));
        // Forward moves take a different prospecting card each time; the way back takes the card just moved.
        const cards = Array.from(column(fromStage).querySelectorAll('[data-deal-id]')) as HTMLElement[];
        const card = arrow === 'ArrowRight' ? cards[index % cards.length] : (cards.find((c) => c.matches(':focus-within')) ?? cards[0]);
        if (!card) return reject(new Error(`no card in ${fromStage}`));
        const id = card.getAttribute('data-deal-id')!;
        const handle = card.querySelector('[aria-roledescription="draggable"]') as HTMLElement;
        handle.focus();
        const before = { from: count(fromStage), to: count(toStage) };
        const done = () =>
          column(toStage).querySelector(`[data-deal-id="${id}"]`) !== null && count(toStage) === before.to + 1 && count(fromStage) === before.from - 1;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the card ${id} did not reach ${toStage} within ${limit} ms`));
        }, limit);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(doc.querySelector('[data-testid="pipeline-board"]')!, { subtree: true, childList: true, characterData: true });
        const start = performance.now();
        handle.dispatchEvent(new KeyboardEvent('keydown', { key: arrow, shiftKey: true, bubbles: true, cancelable: true }));
      }),
    [from, to, key, nth, TIMEOUT_MS] as const,
  );
}

/** Sales-cycle metrics (issue 10). */
export const SALES_METRICS: MetricRunner[] = [
  {
    id: 'pipeline.board.first_render.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 200, M: 200, L: 200 },
    summary: `the first of ${BOARD_VISITS} visits: hash change from the accounts list (steady state) to #/pipeline until the board shows every deal of the dataset (mark); later visits in the log`,
    async measure(ctx) {
      const samples = await boardVisits(ctx);
      ctx.log(`  first ${samples[0]!.toFixed(1)} ms, later visits median ${median(samples.slice(1)).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
      return samples[0]!;
    },
  },
  {
    id: 'pipeline.drag.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 50, M: 50, L: 50 },
    summary: `median over ${MOVE_SAMPLES} keyboard moves (Shift+→ / Shift+←, the drop's path) until the card is in its new column and both counts updated`,
    async measure(ctx) {
      const samples = await moveSamples(ctx);
      ctx.log(
        `  ${samples.length} samples, median ${median(samples).toFixed(1)} ms, p95 ${p95(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
      );
      return median(samples);
    },
  },
  {
    id: 'proposal.pdf.ms',
    unit: 'ms',
    better: 'lower',
    goal: { S: 1000, M: 1000, L: 1000 },
    summary: `slowest of ${PDF_RUNS} runs, the first cold (pdfmake and fonts loaded): a ${PDF_LINES}-line proposal priced again, laid out and written as PDF bytes in the page`,
    async measure(ctx) {
      await ctx.dataset();
      const { times, lines, bytes } = await ctx.callBench('proposalPdf', { size: ctx.size, seed: ctx.seed, now: ctx.now, lines: PDF_LINES, runs: PDF_RUNS });
      if (lines !== PDF_LINES || bytes < 10_000) throw new Error(`the bench proposal had ${lines} lines and ${bytes} bytes`);
      ctx.log(`  cold ${times[0]!.toFixed(0)} ms, warm median ${median(times.slice(1)).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
      return Math.max(...times);
    },
  },
];
