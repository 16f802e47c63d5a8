import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import type { PageGlobals } from './page-globals';

/**
 * Measurements of the real app (the built renderer served by the web host) with the dataset in
 * IndexedDB. Each sample is a fresh tab, so nothing from an earlier sample is in memory.
 */

/** Mirrors FIRST_ROWS_MARK in renderer/src/features/accounts/AccountsPage.tsx (results.test.ts checks). */
export const FIRST_ROWS_MARK = 'carteira:accounts:first-rows';

async function openApp(ctx: BenchContext, hash: string): Promise<Page> {
  // The data must be in place and the bench page's connections closed before the app opens 'carteira'.
  await ctx.dataset();
  await ctx.releaseBench();
  const page = await ctx.browser.newPage();
  page.on('pageerror', (e) => ctx.log(`app page error: ${e.message}`));
  await page.goto(`${ctx.url}/#${hash}`);
  return page;
}

/** ms from setting location.hash to '#/accounts' (the app already booted on Settings) to the first-rows mark. */
export async function firstRowsAfterNavigation(ctx: BenchContext): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < ctx.plan.listWarmup + ctx.plan.listRuns; run++) {
    const page = await openApp(ctx, '/settings');
    try {
      await page.locator('h2').first().waitFor();
      // Let boot work (leader election, settings load) finish so it is not charged to the list.
      await page.waitForTimeout(500);
      const ms = await page.evaluate(
        (mark) =>
          new Promise<number>((resolve) => {
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntriesByName(mark)[0];
              if (entry) {
                observer.disconnect();
                resolve(entry.startTime - start);
              }
            });
            observer.observe({ type: 'mark' });
            const start = performance.now();
            (globalThis as unknown as PageGlobals).location.hash = '#/accounts';
          }),
        FIRST_ROWS_MARK,
      );
      await page.locator('[role=row] a').first().waitFor();
      if (run >= ctx.plan.listWarmup) samples.push(ms);
    } finally {
      await page.close();
    }
  }
  return samples;
}

/** ms from navigation start (a new tab loading '#/accounts') to the first-rows mark: boot + database open + list. */
export async function firstRowsCold(ctx: BenchContext): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < ctx.plan.coldWarmup + ctx.plan.coldRuns; run++) {
    const page = await openApp(ctx, '/accounts');
    try {
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_ROWS_MARK, { timeout: 120_000 });
      const ms = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FIRST_ROWS_MARK);
      if (run >= ctx.plan.coldWarmup) samples.push(ms);
    } finally {
      await page.close();
    }
  }
  return samples;
}

/**
 * MB of the renderer's JS heap after a forced GC, with the accounts list open and every row in
 * memory. The list publishes its rows once all keyset pages are read, so the last row being real
 * (not a skeleton) means the whole list is loaded.
 */
export async function heapWithListOpen(ctx: BenchContext): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < ctx.plan.heapRuns; run++) {
    const page = await openApp(ctx, '/accounts');
    try {
      const started = Date.now();
      await page.waitForFunction(
        () => {
          const { document } = globalThis as unknown as PageGlobals;
          const table = document.querySelector('[role=table][aria-rowcount]');
          const scroller = document.querySelector('[data-testid=accounts-scroller]');
          if (!table || !scroller) return false;
          scroller.scrollTop = scroller.scrollHeight;
          const last = scroller.querySelector(`[role=row][aria-rowindex="${table.getAttribute('aria-rowcount')}"]`);
          return last !== null && !last.hasAttribute('aria-busy') && scroller.querySelector('[aria-busy]') === null;
        },
        undefined,
        { polling: 250, timeout: 300_000 },
      );
      ctx.log(`  heap run ${run + 1}: every list row in memory after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const cdp = await ctx.browser.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      samples.push(usedSize / 2 ** 20);
    } finally {
      await page.close();
    }
  }
  return samples;
}
