import type { BrowserContext, Page } from 'playwright-core';
import type { SampleSize } from '../shared/sample-data/sizes';
import type { BenchApi, LoadResult } from './protocol';
import { PROGRESS_FUNCTION } from './protocol';
import type { BenchPlan } from './plan';
import type { PageGlobals } from './page-globals';

/** What every metric runner gets: the browser, the served app, the dataset and a shared bench page. */
export interface BenchContext {
  size: SampleSize;
  seed: number;
  now: number;
  plan: BenchPlan;
  browser: BrowserContext;
  /** The web host's origin, e.g. http://127.0.0.1:40123 (app at /, bench page at /bench/). */
  url: string;
  log(line: string): void;
  /** Calls a function of the in-page bench (opens the bench page on first use). */
  callBench<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
  /** Closes the bench page (and with it its database connections) before the app opens 'carteira'. */
  releaseBench(): Promise<void>;
  /** The full dataset of `size` loaded into 'carteira' — loaded on first call, once per bench. */
  dataset(): Promise<LoadResult>;
}

export function createBenchContext(options: Omit<BenchContext, 'callBench' | 'releaseBench' | 'dataset'>): BenchContext {
  let page: Promise<Page> | undefined;
  let loaded: Promise<LoadResult> | undefined;

  async function openBenchPage(): Promise<Page> {
    const p = await options.browser.newPage();
    p.on('pageerror', (e) => options.log(`bench page error: ${e.message}`));
    p.on('console', (m) => m.type() === 'error' && options.log(`bench page console: ${m.text()}`));
    await p.exposeFunction(PROGRESS_FUNCTION, (line: string) => options.log(`  ${line}`));
    await p.goto(`${options.url}/bench/index.html`);
    await p.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench !== undefined);
    return p;
  }

  const ctx: BenchContext = {
    ...options,
    async callBench(name, ...args) {
      page ??= openBenchPage();
      const p = await page;
      return p.evaluate(
        ([fn, fnArgs]) => (globalThis as unknown as PageGlobals).__bench![fn]!(...fnArgs),
        [name, args] as [string, unknown[]],
      ) as never;
    },
    async releaseBench() {
      const p = page;
      page = undefined;
      if (p) await (await p).close();
    },
    dataset() {
      loaded ??= ctx.callBench('load', { size: ctx.size, seed: ctx.seed, now: ctx.now, batchSize: ctx.plan.batchSize, runs: ctx.plan.loadRuns });
      return loaded;
    },
  };
  return ctx;
}
