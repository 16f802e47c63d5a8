import { createRxDatabase, removeRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Dexie } from 'dexie';
import { generateSampleData, SAMPLE_SIZES } from '@shared/sample-data';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { collectionSchemas, createDatabase } from '../../renderer/src/db/create-database';
import { loadSampleData } from '../../renderer/src/features/sample-data/load-sample-data';
import type { BenchApi, DatasetArgs, LoadArgs, OpenArgs, ProgressReporter, WriteOverheadArgs } from '../protocol';
import { PROGRESS_FUNCTION } from '../protocol';
import { openBaselineDexie } from './dexie-baseline';
import { proposalPdf } from './proposal-bench';
import { syncLive, syncPull, syncPush } from './sync-bench';

/**
 * In-page benchmarks, run by bench/run.ts in headless Chromium on the app's origin. Every function
 * uses the app's storage (Dexie/IndexedDB), schemas and `multiInstance: true`, exactly as
 * renderer/src/main.tsx opens the database, so the numbers are the app's numbers.
 */

/** The database the app opens (createDatabase's default name). */
const APP_DB = 'carteira';
const MULTI_INSTANCE = true;
const storage = () => getRxStorageDexie();

function progress(line: string): void {
  const report = (window as unknown as Record<string, ProgressReporter | undefined>)[PROGRESS_FUNCTION];
  void report?.(line);
}

/** Yields to the event loop (and lets the GC and IndexedDB's background work settle between runs). */
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** The same accounts for both sides of the write comparison; generated outside the timed section. */
function accountsFor({ size, seed, now }: DatasetArgs, count: number): Record<string, unknown>[] {
  const data = generateSampleData({ size, seed, now, counts: { accounts: Math.max(count, SAMPLE_SIZES[size].accounts) } });
  return [...data.docs('accounts', 0, count)] as unknown as Record<string, unknown>[];
}

async function rxdbBulkWrite(name: string, docs: Record<string, unknown>[]): Promise<number> {
  const db = await createRxDatabase({ name, storage: storage(), multiInstance: MULTI_INSTANCE, eventReduce: true });
  await db.addCollections({ accounts: { schema: collectionSchemas().accounts } });
  try {
    const start = performance.now();
    const { error } = await db.collections.accounts!.bulkInsert(docs);
    const ms = performance.now() - start;
    if (error.length) throw new Error(`rxdb bulkInsert rejected ${error.length} documents`);
    return ms;
  } finally {
    await db.remove();
  }
}

async function dexieBulkWrite(name: string, docs: Record<string, unknown>[]): Promise<number> {
  const db = await openBaselineDexie(name, 'accounts');
  try {
    const start = performance.now();
    await db.table('docs').bulkPut(docs);
    return performance.now() - start;
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

async function writeOverhead(args: WriteOverheadArgs) {
  const rxdb: number[] = [];
  const dexie: number[] = [];
  for (let run = 0; run < args.warmup + args.runs; run++) {
    // Fresh copies per write: neither side may benefit from objects the other already touched.
    const a = accountsFor(args, args.docs);
    const b = structuredClone(a);
    // Alternate who goes first so IndexedDB's background compaction of the previous run hurts both equally.
    const first = run % 2 === 0;
    const [rx, dx] = first
      ? [await rxdbBulkWrite(`bench-write-rx-${run}`, a), await dexieBulkWrite(`bench-write-dx-${run}`, b)]
      : ([await dexieBulkWrite(`bench-write-dx-${run}`, b), await rxdbBulkWrite(`bench-write-rx-${run}`, a)].reverse() as [number, number]);
    const warm = run < args.warmup;
    progress(
      `write ${warm ? 'warm-up' : `run ${run - args.warmup + 1}/${args.runs}`}: rxdb ${rx.toFixed(0)} ms, dexie ${dx.toFixed(0)} ms, ratio ${(rx / dx).toFixed(2)}`,
    );
    if (!warm) {
      rxdb.push(rx);
      dexie.push(dx);
    }
    await settle(200);
  }
  return { rxdb, dexie };
}

async function load({ size, seed, now, batchSize, runs }: LoadArgs) {
  // Warm-up: a small load into a scratch database, so JIT and IndexedDB's first open are not timed.
  {
    const scratch = await createDatabase({ storage: storage(), name: 'bench-load-warmup', multiInstance: MULTI_INSTANCE });
    await loadSampleData(scratch, { size: 'S', seed, now, batchSize });
    await scratch.remove();
  }
  const times: number[] = [];
  let docs = 0;
  for (let run = 0; run < runs; run++) {
    await removeRxDatabase(APP_DB, storage(), MULTI_INSTANCE);
    await settle(200);
    const db = await createDatabase({ storage: storage(), name: APP_DB, multiInstance: MULTI_INSTANCE });
    let lastReport = 0;
    const start = performance.now();
    docs = await loadSampleData(db, {
      size,
      seed,
      now,
      batchSize,
      onProgress(done, total) {
        const t = performance.now();
        if (t - lastReport > 5000 || done === total) {
          lastReport = t;
          progress(`load run ${run + 1}/${runs}: ${done}/${total} docs, ${((t - start) / 1000).toFixed(1)} s`);
        }
      },
    });
    times.push(performance.now() - start);
    // Every run leaves the data in 'carteira'; the next run starts by removing it, the last one is kept for the app.
    await db.close();
  }
  return { times, docs };
}

/** Distinct random indexes, from a small seeded PRNG, so repeated ids cannot hit RxDB's document cache. */
function distinctIndexes(count: number, max: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const picked = new Set<number>();
  while (picked.size < Math.min(count, max)) picked.add(Math.floor(next() * max));
  return [...picked];
}

async function openAccounts({ size, seed, now, samples, warmup }: OpenArgs) {
  const data = generateSampleData({ size, seed, now });
  const ids = distinctIndexes(samples + warmup, data.counts.accounts, seed + 7).map((i) => data.doc('accounts', i).id);
  // A freshly opened database: nothing from the load is in RxDB's caches.
  const db = await createDatabase({ storage: storage(), name: APP_DB, multiInstance: MULTI_INSTANCE });
  try {
    const times: number[] = [];
    for (const id of ids) {
      const start = performance.now();
      const doc = await db.accounts.findOne(id).exec();
      times.push(performance.now() - start);
      if (!doc) throw new Error(`account ${id} is missing: was the dataset loaded?`);
    }
    return times.slice(warmup);
  } finally {
    await db.close();
  }
}

/** Lists what IndexedDB holds for the app, so run.ts can assert the load really landed. */
export async function countDocs(): Promise<Record<CollectionName, number>> {
  const db = await createDatabase({ storage: storage(), name: APP_DB, multiInstance: MULTI_INSTANCE });
  try {
    const counts = await Promise.all(COLLECTION_NAMES.map((c) => db.collections[c].count().exec()));
    return Object.fromEntries(COLLECTION_NAMES.map((c, i) => [c, counts[i]])) as Record<CollectionName, number>;
  } finally {
    await db.close();
  }
}

/**
 * Diagnostic (not a metric): for the first `perCollection` documents of every collection, ms to
 * generate them, to bulkPut them into raw Dexie (same indexes) and to bulkInsert them with RxDB,
 * both in batches of `batchSize` into fresh databases. Shows where load.ms goes.
 */
async function loadBreakdown({ size, seed, now, batchSize, perCollection }: DatasetArgs & { batchSize: number; perCollection: number }) {
  const data = generateSampleData({ size, seed, now });
  const rows: { collection: CollectionName; docs: number; generateMs: number; dexieMs: number; rxdbMs: number }[] = [];
  for (const collection of COLLECTION_NAMES) {
    const count = Math.min(perCollection, data.counts[collection]);
    const t0 = performance.now();
    const batches: Record<string, unknown>[][] = [];
    for (let from = 0; from < count; from += batchSize) batches.push([...data.docs(collection, from, Math.min(from + batchSize, count))] as never);
    const generateMs = performance.now() - t0;
    const copies = structuredClone(batches);
    const dx = await openBaselineDexie(`bench-breakdown-dx-${collection}`, collection);
    const t1 = performance.now();
    for (const b of copies) await dx.table('docs').bulkPut(b);
    const dexieMs = performance.now() - t1;
    dx.close();
    await Dexie.delete(`bench-breakdown-dx-${collection}`);
    const rx = await createRxDatabase({ name: `bench-breakdown-rx-${collection}`, storage: storage(), multiInstance: MULTI_INSTANCE, eventReduce: true });
    await rx.addCollections({ [collection]: { schema: collectionSchemas()[collection] } });
    const t2 = performance.now();
    for (const b of batches) await rx.collections[collection]!.bulkInsert(b);
    const rxdbMs = performance.now() - t2;
    await rx.remove();
    rows.push({ collection, docs: count, generateMs, dexieMs, rxdbMs });
    progress(`${collection}: ${count} docs, generate ${generateMs.toFixed(0)} ms, dexie ${dexieMs.toFixed(0)} ms, rxdb ${rxdbMs.toFixed(0)} ms`);
  }
  return rows;
}

const api: BenchApi & { countDocs: typeof countDocs; loadBreakdown: typeof loadBreakdown } = {
  writeOverhead,
  load,
  openAccounts,
  syncPull,
  syncPush,
  syncLive,
  proposalPdf,
  countDocs,
  loadBreakdown,
};
(window as unknown as { __bench: typeof api }).__bench = api;
document.getElementById('status')!.textContent = 'bench ready';
