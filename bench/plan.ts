import type { SampleSize } from '../shared/sample-data/sizes';

/**
 * How many times each measurement repeats at each size. Enough runs for a stable median at S and
 * M; the sync pull against the local pouchdb-server runs at ~750 docs/s on a busy 2-core machine,
 * so M and L pull at most 30k docs once per side (sync part ≈ 4 min); at L the data load (615k documents) runs once so the whole bench stays within ~10 minutes on a
 * 2-core machine — its number is a single run, not a median, and the table says so.
 */
export interface BenchPlan {
  loadRuns: number;
  writeDocs: number;
  writeRuns: number;
  writeWarmup: number;
  openSamples: number;
  openWarmup: number;
  listRuns: number;
  listWarmup: number;
  coldRuns: number;
  coldWarmup: number;
  heapRuns: number;
  batchSize: number;
  /** Sync bench: pull runs (each side), most docs pulled (the size's counts scaled down beyond it), push runs, live samples. */
  syncPullRuns: number;
  syncPullCap: number;
  syncPushRuns: number;
  syncLiveSamples: number;
  syncLiveWarmup: number;
}

const common = {
  writeDocs: 10_000,
  writeWarmup: 1,
  openSamples: 300,
  openWarmup: 20,
  listWarmup: 1,
  coldWarmup: 1,
  batchSize: 1000,
  syncPushRuns: 2,
  syncLiveSamples: 40,
  syncLiveWarmup: 5,
};

export const PLANS: Record<SampleSize, BenchPlan> = {
  S: { ...common, loadRuns: 5, writeRuns: 5, listRuns: 9, coldRuns: 5, heapRuns: 3, syncPullRuns: 3, syncPullCap: Infinity },
  M: { ...common, loadRuns: 3, writeRuns: 5, listRuns: 7, coldRuns: 5, heapRuns: 2, syncPullRuns: 1, syncPullCap: 30_000 },
  L: { ...common, loadRuns: 1, writeRuns: 3, listRuns: 7, coldRuns: 3, heapRuns: 1, syncPullRuns: 1, syncPullCap: 30_000 },
};
