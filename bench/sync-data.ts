import type { CollectionName } from '../shared/models';
import { SAMPLE_SIZES, type SampleSize } from '../shared/sample-data/sizes';

/**
 * Pure helpers of the sync bench (bench/results.test.ts pins them down): which documents go to the
 * team server and in what form.
 */

/** The collections the pull bench replicates: the three biggest a manager's laptop pulls. */
export const PULL_COLLECTIONS = ['accounts', 'contacts', 'activities'] as const satisfies readonly CollectionName[];

/**
 * Documents per collection for the pull bench: the size's own counts, scaled down proportionally
 * (every collection keeps its share, at least one doc) when they add up to more than `cap`.
 */
export function pullCounts(size: SampleSize, cap: number, collections: readonly CollectionName[] = PULL_COLLECTIONS): Partial<Record<CollectionName, number>> {
  const full = collections.map((c) => SAMPLE_SIZES[size][c]);
  const total = full.reduce((a, b) => a + b, 0);
  const scale = total > cap ? cap / total : 1;
  return Object.fromEntries(collections.map((c, i) => [c, Math.max(1, Math.floor(full[i]! * scale))]));
}

/**
 * A document as RxDB's CouchDB replication pushes it (rxdb couchSwapPrimaryToId): the primary key
 * becomes `_id` and the `id` field is gone. Seeding the server in this form means the pull sees
 * exactly what devices would have pushed.
 */
export function toCouchDoc(doc: Record<string, unknown>, primaryKey = 'id'): Record<string, unknown> {
  const { [primaryKey]: id, ...rest } = doc;
  if (typeof id !== 'string' || !id) throw new Error(`document without a string ${primaryKey}`);
  return { ...rest, _id: id };
}
