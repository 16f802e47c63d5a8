import type { RxCollection } from 'rxdb';

/** The change stream a live list follows: a collection's `$`. */
export type ChangeStream<Doc> = RxCollection<Doc>['$'];

/**
 * One ordered read of a collection, as a live list walks it: every read is served by one index, and
 * pages are keyset pages (after the key the previous page ended on), because RxDB serves `skip` by
 * walking the cursor row by row. The queries themselves live in the collection's data module.
 */
export interface KeysetSource<Doc, Key> {
  readonly changes: ChangeStream<Doc>;
  /** The first `limit` documents in list order (an index-limited query). */
  first(limit: number): Promise<Doc[]>;
  /** The next `limit` documents after `key` in list order. */
  after(key: Key, limit: number): Promise<Doc[]>;
  /** How many documents the read selects (an index-only count). */
  count(): Promise<number>;
}

/** Where a paged window starts reading when it jumps far from every page it knows. */
export interface SeekResult<Doc> {
  /** How many documents of the read sort before the ones `read` returns. */
  before: number;
  read(limit: number): Promise<Doc[]>;
}

/** A source a paged window can also jump into: `seek(target, slack)` lands at most `slack` rows before row `target` (by index counts, no row read). */
export interface SeekableSource<Doc, Key> extends KeysetSource<Doc, Key> {
  seek(target: number, slack: number): Promise<SeekResult<Doc>>;
}

/**
 * A keyset page in two index-served reads: first the ties of the key's sort value (by id, which
 * breaks ties), then the greater values, together at most `limit`.
 */
export async function keysetPage<Doc>(ties: (limit: number) => Promise<Doc[]>, greater: (limit: number) => Promise<Doc[]>, limit: number): Promise<Doc[]> {
  const first = await ties(limit);
  if (first.length >= limit) return first;
  return [...first, ...(await greater(limit - first.length))];
}
