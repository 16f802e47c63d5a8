import type { RxChangeEvent } from 'rxdb';
import { LiveList } from './live-list';
import type { SeekableSource } from './source';

export interface LiveWindowSnapshot {
  /** How many rows the read selects; undefined until the count answered. */
  total: number | undefined;
  /** Rows the list can lay out now: the total once known, before that the rows of the first page. */
  length: number;
  /** Bumped whenever rows arrive or change, so React re-reads `row(i)`. */
  version: number;
}

export interface LiveWindowOptions<Doc, Row, Key> {
  source: SeekableSource<Doc, Key>;
  toRow(doc: Doc): Row;
  /** The key a page that ended on `row` continues after. */
  keyOf(row: Row): Key;
  idOf(row: Row): string;
  /** Whether the edited `doc` keeps `row`'s place in the order and is still selected (then the row is patched in place). */
  unmoved(row: Row, doc: Doc): boolean;
  /** Rows per page (default 200). */
  pageSize?: number;
  /** Pages kept in memory (default 8); the rest are dropped and read again by key when scrolled back to. */
  maxPages?: number;
  /** Pages read at once (default 5); a page at most this far past a known page end is walked to, farther ones are sought. */
  walkPages?: number;
  /** How long the changes must pause before the window is read again (default 250 ms). */
  refreshDelayMs?: number;
}

/**
 * A live window on one ordered read, for a virtualised list. Only the pages around what is on
 * screen stay in memory (≤ maxPages × pageSize rows); the key each page ended on is kept, so any
 * page seen once is read again directly, a page a little further down is walked to (keyset, never
 * `skip`), and a jump far away is sought with index counts. Changes to the collection refresh the
 * window; edits that do not move a row patch it in place.
 */
export class LiveWindow<Doc, Row, Key> extends LiveList<Doc, LiveWindowSnapshot> {
  protected snapshot: LiveWindowSnapshot = { total: undefined, length: 0, version: 0 };
  readonly pageSize: number;
  readonly maxPages: number;
  private readonly walkPages: number;
  private pages = new Map<number, Row[]>();
  /** Pages shown while the window re-reads after a change, so rows don't flash to skeletons. */
  private stale = new Map<number, Row[]>();
  /** ends[k]: the key page k ended on. */
  private ends = new Map<number, Key>();
  private lastPage = Infinity;
  private wanted: [number, number] = [0, 0];
  private pumping = false;
  private generation = 0;
  /** The generation whose count was asked for. */
  private counted = -1;

  constructor(private readonly options: LiveWindowOptions<Doc, Row, Key>) {
    super(options.source.changes);
    this.pageSize = options.pageSize ?? 200;
    this.maxPages = options.maxPages ?? 8;
    this.walkPages = options.walkPages ?? 5;
  }

  /** The row at an index, or undefined while its page is on its way. */
  row(index: number): Row | undefined {
    const page = Math.floor(index / this.pageSize);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index % this.pageSize];
  }

  /** Rows currently held in memory (for tests and the bench: it must stay bounded). */
  get rowsInMemory(): number {
    let n = 0;
    for (const rows of this.pages.values()) n += rows.length;
    return n;
  }

  /** The list shows rows first..last: make sure their pages are read. */
  ensure(first: number, last: number): void {
    this.start();
    const from = Math.floor(Math.max(0, first) / this.pageSize);
    const to = Math.floor(Math.max(0, last) / this.pageSize);
    if (from === this.wanted[0] && to === this.wanted[1] && this.covered()) return;
    this.wanted = [from, to];
    this.pump();
  }

  protected begin(): void {
    // The count starts once the first page is read: IndexedDB serves one database's requests in
    // order, and counting walks the whole index range.
    this.pump();
  }

  private covered(): boolean {
    for (let p = this.wanted[0]; p <= Math.min(this.wanted[1], this.lastPage); p++) if (!this.pages.has(p)) return false;
    return true;
  }

  private async count(): Promise<void> {
    const generation = this.generation;
    const total = await this.options.source.count();
    if (generation !== this.generation || this.stopped) return;
    this.snapshot = { ...this.snapshot, total, length: total };
    this.bump();
  }

  /** Reads the wanted pages one after another (IndexedDB serves one database's requests in order anyway). */
  private pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    void (async () => {
      try {
        for (;;) {
          if (this.stopped) return;
          const generation = this.generation;
          const [from, to] = this.wanted;
          let next = -1;
          for (let p = from; p <= Math.min(to, this.lastPage); p++) {
            if (!this.pages.has(p)) {
              next = p;
              break;
            }
          }
          if (next < 0) break;
          const pages = Math.min(to - next + 1, this.walkPages);
          const { start, rows, limit } = await this.readAround(next, pages);
          if (generation !== this.generation) continue;
          this.absorb(start, rows, rows.length < limit);
          if (!this.pages.has(next)) this.pages.set(next, []); // past the end: nothing to show there
          this.evict();
          // The count follows the first read of each generation (the first rows go on screen first).
          if (this.counted !== generation) {
            this.counted = generation;
            if (this.snapshot.total === undefined) this.snapshot = { ...this.snapshot, length: this.pages.get(0)?.length ?? 0 };
            void this.count();
          }
          this.bump();
        }
        this.stale.clear();
      } finally {
        this.pumping = false;
      }
    })();
  }

  /**
   * Rows from page `page` on: after the previous page's end when known; a few pages after the
   * nearest known end (walking); otherwise from where the source seeks to by counts alone, so a
   * jump to row 15 000 reads a page or two, not 15 000 rows.
   */
  private async readAround(page: number, pages: number): Promise<{ start: number; rows: Row[]; limit: number }> {
    const { source, toRow } = this.options;
    const size = this.pageSize;
    let known = page - 1;
    while (known >= 0 && !this.ends.has(known)) known--;
    if (page - known - 1 <= this.walkPages) {
      const limit = size * (page - known - 1 + pages);
      const start = (known + 1) * size;
      const end = this.ends.get(known);
      const docs = end === undefined ? await source.first(limit) : await source.after(end, limit);
      return { start, limit, rows: docs.map(toRow) };
    }
    const target = page * size;
    // A seek may land up to a page before the wanted row (rows read and dropped).
    const { before, read } = await source.seek(target, size);
    const limit = target - before + size * pages;
    return { start: before, limit, rows: (await read(limit)).map(toRow) };
  }

  /** Files rows read from absolute index `start`: whole pages, and the key every page boundary inside them ends on. */
  private absorb(start: number, rows: Row[], reachedEnd: boolean): void {
    const size = this.pageSize;
    const end = start + rows.length;
    for (let page = Math.ceil(start / size); page * size <= end; page++) {
      const first = page * size;
      const last = rows[first - 1 - start];
      if (first > start && last !== undefined) this.ends.set(page - 1, this.options.keyOf(last));
      const slice = rows.slice(first - start, first - start + size);
      if (slice.length === size || reachedEnd) this.pages.set(page, slice);
      if (slice.length < size) {
        if (reachedEnd) this.lastPage = page;
        break;
      }
    }
  }

  /** Drops the pages furthest from what is wanted. */
  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const centre = (this.wanted[0] + this.wanted[1]) / 2;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, this.pages.size - this.maxPages)) this.pages.delete(p);
  }

  protected onChange(event: RxChangeEvent<Doc>): void {
    if (event.operation === 'UPDATE') {
      const { idOf, unmoved, toRow } = this.options;
      const doc = event.documentData;
      for (const rows of this.pages.values()) {
        const i = rows.findIndex((r) => idOf(r) === event.documentId);
        const row = rows[i];
        // Same place in the order and still selected: patch the row, keep the window.
        if (row !== undefined && unmoved(row, doc)) {
          rows[i] = toRow(doc);
          this.bump();
          return;
        }
      }
    }
    // Bursts (a sync pull) refresh once.
    this.quiet(this.options.refreshDelayMs ?? 250, () => this.refresh());
  }

  private refresh(): void {
    this.generation++;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages = new Map();
    this.ends = new Map();
    this.lastPage = Infinity;
    this.pump();
  }

  private bump(): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1 };
    this.emit();
  }
}
