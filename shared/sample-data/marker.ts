import type { Random } from './random';
import { randomId } from './random';

/**
 * Every sample document's id ends so. A device's own ids (shared/domain/ids.ts) are base-36 only,
 * so a '-' never appears in them: an id tells a sample document apart for as long as it lives,
 * even after the user edits it. The suffix, not a prefix, keeps ids sorting by creation time
 * (lists read "recent" ranges by id).
 */
export const SAMPLE_ID_SUFFIX = '-sample';

/** Whether a document id is one the sample-data generator made. */
export function isSampleId(id: unknown): boolean {
  return typeof id === 'string' && id.endsWith(SAMPLE_ID_SUFFIX);
}

/** Whether a document (any shape: RxDB's, CouchDB's `_id`) is sample data. */
export function isSampleDocument(doc: unknown): boolean {
  if (!doc || typeof doc !== 'object') return false;
  const { id, _id } = doc as { id?: unknown; _id?: unknown };
  return isSampleId(id) || isSampleId(_id);
}

/** A sample document's id made at `at` from the seeded stream. */
export function sampleDocId(at: number, random: Random): string {
  return randomId(at, random) + SAMPLE_ID_SUFFIX;
}
