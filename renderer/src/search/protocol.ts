import type { SearchHit } from '@shared/search/search-index';
import type { SearchKind, SearchRecord } from '@shared/search/records';

/** Messages to the index (in its worker, or in-thread in tests). */
export type ToIndex =
  | { type: 'upsert'; records: SearchRecord[] }
  | { type: 'remove'; kind: SearchKind; ids: string[] }
  /** Every collection was read once: finish the index (sort, warm up) and say it is ready. */
  | { type: 'loaded' }
  | { type: 'query'; seq: number; query: string; limit: number };

/** Messages from the index. */
export type FromIndex =
  /** buildMs: time the index spent building (off the main thread), reading the database excluded. */
  | { type: 'ready'; records: number; terms: number; buildMs: number }
  | { type: 'results'; seq: number; query: string; hits: SearchHit[]; ms: number };
