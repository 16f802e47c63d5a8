import type { SearchHit } from '@shared/search/search-index';
import type { SearchKind, SearchRecord } from '@shared/search/records';

/**
 * A collection the index reads on its own: in the worker it opens the same IndexedDB database
 * through its own storage instance (RxDB's storage schema, as the app's database filled it in), so
 * the first read of 250k documents never runs on the UI thread.
 */
export interface FeedSource {
  kind: SearchKind;
  databaseName: string;
  collectionName: string;
  /** The collection's storage schema (collection.storageInstance.schema): a plain JSON object. */
  schema: Record<string, unknown>;
}

/** Messages to the index (in its worker, or in-thread in tests). */
export type ToIndex =
  /** Read every source once, in pages; the index says `ready` when done. */
  | { type: 'feed'; sources: FeedSource[] }
  /** Live changes from the collections' change streams (they win over a page read earlier). */
  | { type: 'upsert'; records: SearchRecord[] }
  | { type: 'remove'; kind: SearchKind; ids: string[] }
  | { type: 'query'; seq: number; query: string; limit: number }
  /** Shared memory where answers are also published (see shared-answer.ts). */
  | { type: 'shared'; buffer: SharedArrayBuffer };

/** Messages from the index. */
export type FromIndex =
  /** buildMs: time the index spent building (off the main thread), waiting for IndexedDB excluded. */
  | { type: 'ready'; records: number; terms: number; buildMs: number }
  /** The first read failed (the message says why); live changes and queries still work. */
  | { type: 'feed-failed'; message: string }
  | { type: 'results'; seq: number; query: string; hits: SearchHit[]; ms: number };
