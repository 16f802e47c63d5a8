import type { SampleSize } from '../shared/sample-data/sizes';

/**
 * How many times each measurement repeats at each size. Enough runs for a stable median at S and
 * M; at L the data load (615k documents) runs once so the whole bench stays within ~10 minutes on a
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
}

const common = { writeDocs: 10_000, writeWarmup: 1, openSamples: 300, openWarmup: 20, listWarmup: 1, coldWarmup: 1, batchSize: 1000 };

export const PLANS: Record<SampleSize, BenchPlan> = {
  S: { ...common, loadRuns: 5, writeRuns: 5, listRuns: 9, coldRuns: 5, heapRuns: 3 },
  M: { ...common, loadRuns: 3, writeRuns: 5, listRuns: 7, coldRuns: 5, heapRuns: 2 },
  L: { ...common, loadRuns: 1, writeRuns: 3, listRuns: 7, coldRuns: 3, heapRuns: 1 },
};
