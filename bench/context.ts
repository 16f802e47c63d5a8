import type { BrowserContext, Page } from 'playwright-core';
import type { SampleSize } from '../shared/sample-data/sizes';
import type { BenchApi, LoadResult } from './protocol';
import { PROGRESS_FUNCTION } from './protocol';
import type { BenchPlan } from './plan';
import type { PageGlobals } from './page-globals';
import { startBenchTeamServer, type BenchTeamServer } from './sync-server';

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
  /** The sync bench's team server (started and provisioned on first call). */
  teamServer(): Promise<BenchTeamServer>;
  /** Closes the bench page and stops the team server, if they were started. */
  close(): Promise<void>;
}

export function createBenchContext(
  options: Omit<BenchContext, 'callBench' | 'releaseBench' | 'dataset' | 'teamServer' | 'close'>,
  /** The dataset is already in the profile (--keep-profile): dataset() answers this instead of loading. */
  preloaded?: LoadResult,
): BenchContext {
  let page: Promise<Page> | undefined;
  let loaded: Promise<LoadResult> | undefined = preloaded && Promise.resolve(preloaded);
  let server: Promise<BenchTeamServer> | undefined;

  async function openBenchPage(): Promise<Page> {
    const p = await options.browser.newPage();
    p.on('pageerror', (e) => options.log(`bench page error: ${e.message}`));
    p.on('console', (m) => m.type() === 'error' && options.log(`bench page console: ${m.text()}`));
    await p.exposeFunction(PROGRESS_FUNCTION, (line: string) => options.log(`  ${line}`));
    // The web host's CSP allows connections to its own origin only (the app reaches the team
    // server through the bridge); the sync bench fetches the team server directly, so the bench
    // page alone ignores CSP (what Playwright's bypassCSP does, per page via CDP). Rewriting the
    // header with page.route would not do: a fulfilled document counts as a public address and
    // Chromium then refuses its requests to loopback. The app's pages keep their CSP.
    const cdp = await options.browser.newCDPSession(p);
    await cdp.send('Page.setBypassCSP', { enabled: true });
    const benchDocument = `${options.url}/bench/index.html`;
    await p.goto(benchDocument);
    await p.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench !== undefined);
    return p;
  }

  const ctx: BenchContext = {
    ...options,
    async callBench(name, ...args) {
      page ??= openBenchPage();
      const p = await page;
      return p.evaluate(([fn, fnArgs]) => (globalThis as unknown as PageGlobals).__bench![fn]!(...fnArgs), [name, args] as [string, unknown[]]) as never;
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
    teamServer() {
      server ??= startBenchTeamServer();
      return server;
    },
    async close() {
      await ctx.releaseBench();
      const s = server;
      server = undefined;
      if (s) await (await s.catch(() => undefined))?.stop();
    },
  };
  return ctx;
}
