/**
 * The sync pull bench alone, for quick iterations and for seeing where a pull's time goes:
 *
 *   npx tsx bench/sync-profile.ts [runs] [carteira|pouchdb] [--timeline] [--profile out.cpuprofile] [--trace out.json] [--no-build]
 *
 * Seeds the S pull team, warms the page up with one pull of each side, then runs `runs` rounds
 * (each side once per round, alternating who goes first) and prints per side the wall time and
 * the CPU time the round cost each process (Chromium's browser process, which runs IndexedDB, its
 * renderer, and the pouchdb-server) — CPU time says more than wall time on a machine shared with
 * other work. The CPU window includes creating and removing the local databases; wall time does not.
 *
 * --timeline prints each Carteira pull's requests and writes against time; --profile writes a V8
 * CPU profile of the renderer (chrome://inspect or speedscope); --trace a Chromium trace with
 * IndexedDB's backend tasks, the timed windows marked `pull-start` / `pull-end`.
 * Builds only the bench page, into its own directory: dist/ is left alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startWebHost } from '../electron/web-host/web-host';
import { addHostCookie, launchProfile } from '../tests/e2e/browser';
import { createBenchContext } from './context';
import { PLANS } from './plan';
import { median } from './stats';
import { PULL_COLLECTIONS, pullCounts } from './sync-data';
import { seedTeam } from './sync-server';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const take = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const has = (name: string): boolean => {
  const i = argv.indexOf(name);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
};
const profileOut = take('--profile');
const traceOut = take('--trace');
const timeline = has('--timeline');
const noBuild = has('--no-build');
const runs = Number(argv[0] ?? 3);
type Side = 'carteira' | 'pouchdb';
const sides: Side[] = argv[1] === 'carteira' || argv[1] === 'pouchdb' ? [argv[1]] : ['carteira', 'pouchdb'];
const www = '/tmp/carteira-sync-profile-www';

/** CPU ms (user + system) used so far by each kind of process under this one: browser, renderer, server, … */
function cpuByProcess(): Record<string, number> {
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // exited meanwhile
    }
  }
  const out: Record<string, number> = {};
  for (const [pid, s] of stats) {
    let p = pid;
    while (p > 1 && p !== process.pid) p = stats.get(p)?.ppid ?? 0;
    if (p !== process.pid) continue;
    let kind = 'node';
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      kind = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (/chrom/.test(cmd) ? 'browser' : /pouchdb/.test(cmd) ? 'server' : 'node');
      if (kind === 'utility') kind = /NetworkService/.test(cmd) ? 'network' : 'utility';
    } catch {
      // exited meanwhile
    }
    out[kind] = (out[kind] ?? 0) + s.ms;
  }
  return out;
}

if (!noBuild) {
  await build({ configFile: join(ROOT, 'vite.bench.config.ts'), logLevel: 'warn', build: { outDir: join(www, 'bench'), emptyOutDir: true } });
}
mkdirSync(www, { recursive: true });
writeFileSync(join(www, 'index.html'), '<!doctype html><title>sync profile</title>');
const dataDir = mkdtempSync(join(tmpdir(), 'carteira-sync-profile-data-'));
const host = await startWebHost({ port: 0, dataDir, rendererDir: www });
const profile = await launchProfile();
await addHostCookie(profile.context, host);
const ctx = createBenchContext({ size: 'S', seed: 42, now: Date.now(), plan: PLANS.S, browser: profile.context, url: host.origin, log: console.log });
try {
  const server = await ctx.teamServer();
  const counts = pullCounts('S', Infinity);
  const docs = await seedTeam(server, server.teams.pull, { size: 'S', seed: 42, now: ctx.now, counts });
  console.log(`seeded ${docs} docs`);
  const args = { serverUrl: server.url, team: server.teams.pull, auth: server.memberAuth, collections: [...PULL_COLLECTIONS], counts, runs: 1 };
  const pull = (side: Side, extra: object = {}) => ctx.callBench('syncPull', { ...args, sides: [side], ...extra } as never);
  // Warm-up (not counted): loads PouchDB and JIT-compiles both pulls.
  for (const side of sides) await pull(side);
  const page = profile.context.pages().find((p) => p.url().includes('/bench/'))!;
  const cdp = profileOut || traceOut ? await profile.context.newCDPSession(page) : undefined;
  const traceEvents: unknown[] = [];
  if (cdp && traceOut) {
    cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => traceEvents.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'IndexedDB,toplevel,blink.user_timing', transferMode: 'ReportEvents' } as never);
  }
  if (cdp && profileOut) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, Record<string, number[]>> = {};
  for (let round = 0; round < runs; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const before = cpuByProcess();
      const result = (await pull(side, { timeline })) as unknown as Record<Side, number[]>;
      const after = cpuByProcess();
      (wall[side] ??= []).push(Math.round(result[side][0]!));

      for (const kind of Object.keys(after)) ((cpu[side] ??= {})[kind] ??= []).push(after[kind]! - (before[kind] ?? 0));
    }
  }
  if (cdp && profileOut) {
    const { profile: cpuProfile } = await cdp.send('Profiler.stop');
    writeFileSync(profileOut, JSON.stringify(cpuProfile));
  }
  if (cdp && traceOut) {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(traceOut, JSON.stringify({ traceEvents }));
  }
  for (const side of sides) {
    const perKind = Object.entries(cpu[side]!)
      .filter(([, v]) => Math.max(...v) > 0)
      .map(([k, v]) => `${k} ${median(v)}`);
    console.log(`${side.padEnd(8)} wall median ${median(wall[side]!)} ms (${wall[side]!.join(', ')}); CPU ms median per process: ${perKind.join(', ')}`);
  }
} finally {
  await ctx.close();
  await profile.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
}
