/**
 * `npm run bench -- --size S|M|L`: builds the app and the bench page, serves both from one web host
 * (same origin, so the same IndexedDB), runs every metric of bench/metrics.ts in headless Chromium
 * with a fresh profile, prints a table and writes bench/results.json.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startWebHost } from '../electron/web-host/web-host';
import { addHostCookie, launchProfile } from '../tests/e2e/browser';
import { parseArgs } from './args';
import { createBenchContext } from './context';
import type { LoadResult } from './protocol';
import { MetricMissing, selectMetrics } from './metrics';
import { PLANS } from './plan';
import { formatTable, mergeResults, roundValue, serializeResults, type BenchResults } from './results';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_FILE = join(ROOT, 'bench/results.json');
const SEED = 42;

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

async function buildAll(): Promise<void> {
  log('building the renderer and the bench page (vite)…');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  await build({ configFile: join(ROOT, 'vite.bench.config.ts'), logLevel: 'warn' });
}

/** A throwaway copy of the built app with the bench page at /bench/: nothing bench-related touches dist/renderer. */
function assembleServedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carteira-bench-www-'));
  cpSync(join(ROOT, 'dist/renderer'), dir, { recursive: true });
  cpSync(join(ROOT, 'dist/bench'), join(dir, 'bench'), { recursive: true });
  return dir;
}

/** What a kept profile holds (--keep-profile): IndexedDB is per origin, so the port is kept too. */
interface KeptDataset {
  size: string;
  seed: number;
  now: number;
  port: number;
  loaded: LoadResult;
}

const KEPT_FILE = 'carteira-bench-dataset.json';

function readKept(dir: string | undefined, size: string): KeptDataset | undefined {
  if (!dir || !existsSync(join(dir, KEPT_FILE))) return undefined;
  const kept = JSON.parse(readFileSync(join(dir, KEPT_FILE), 'utf8')) as KeptDataset;
  return kept.size === size && kept.seed === SEED ? kept : undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const plan = PLANS[args.size];
  const metrics = selectMetrics(args.only);
  if (args.build) await buildAll();
  const servedDir = assembleServedDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'carteira-bench-data-'));
  const kept = readKept(args.keepProfile, args.size);
  if (args.keepProfile && !kept) rmSync(args.keepProfile, { recursive: true, force: true });
  const host = await startWebHost({ port: kept?.port ?? 0, dataDir, rendererDir: servedDir });
  // A fresh persistent profile: IndexedDB starts empty and nothing is cached from an earlier bench
  // (unless --keep-profile asked to keep one; its load.ms is then the first run's).
  const profile = await launchProfile(args.keepProfile);
  // Signed in as the printed link would, without opening the app before the bench page.
  await addHostCookie(profile.context, host);
  const results: BenchResults = {};
  const missing: string[] = [];
  const now = kept?.now ?? Date.now();
  const ctx = createBenchContext({ size: args.size, seed: SEED, now, plan, browser: profile.context, url: host.origin, log }, kept?.loaded);
  if (kept) log(`the kept profile ${args.keepProfile} holds the ${args.size} dataset: not loading it again`);
  try {
    log(`size ${args.size}, ${host.origin}, profile ${profile.dir}`);
    for (const metric of metrics) {
      log(`${metric.id}: ${metric.summary}`);
      let value: number;
      try {
        value = await metric.measure(ctx);
      } catch (error) {
        if (!(error instanceof MetricMissing)) throw error;
        missing.push(`${metric.id}: ${error.message}`);
        log(`${metric.id} missing: ${error.message}`);
        continue;
      }
      results[metric.id] = { value: roundValue(value, metric.unit), unit: metric.unit, goal: metric.goal[args.size], better: metric.better, size: args.size };
      log(`${metric.id} = ${results[metric.id]!.value} ${metric.unit}`);
      log(`  node rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    }
    if (args.keepProfile && !kept) {
      const loaded = await ctx.dataset();
      const port = Number(new URL(host.url).port);
      writeFileSync(join(args.keepProfile, KEPT_FILE), JSON.stringify({ size: args.size, seed: SEED, now, port, loaded } satisfies KeptDataset));
    }
  } finally {
    await ctx.close();
    await profile.close(!args.keepProfile);
    await host.close();
    rmSync(servedDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${formatTable(results)}\n`);
  for (const line of missing) console.log(`missing ${line}`);
  if (args.size === 'L' && results['load.ms']) console.log('load.ms at L is a single run (see bench/plan.ts).');
  const previous = args.only.length > 0 && existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : null;
  writeFileSync(RESULTS_FILE, serializeResults(mergeResults(previous, results)));
  log(`wrote ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
