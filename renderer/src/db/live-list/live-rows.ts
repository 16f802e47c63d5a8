import type { RxChangeEvent } from 'rxdb';
import { LiveList } from './live-list';
import type { KeysetSource } from './source';

/** What an in-memory list renders: the rows read so far, in order, and how far the read has got. */
export interface LiveRowsSnapshot<Row> {
  rows: readonly Row[];
  /** Every row the read selects is in `rows` (changes keep it so). */
  complete: boolean;
  /** A page is being read for the view (and before the first read). */
  loading: boolean;
  /**
   * How many rows the list holds: `rows.length` once an unfiltered read is complete; before that the
   * documents of the read's index range, counted once the first page is on screen (null before).
   */
  total: number | null;
}

/** Data rows take from elsewhere (a contact's account name), fetched before the rows are shown. */
export interface RowLookup<Doc, Row> {
  /** Fetches what the rows of `docs` need; true when it learned anything new. */
  load(docs: readonly Doc[]): Promise<boolean>;
  /** The row again, with what `load` learned since it was made (the same object when nothing changed). */
  refresh(row: Row): Row;
}

export interface LiveRowsOptions<Doc, Row extends { id: string }, Key> {
  source: KeysetSource<Doc, Key>;
  toRow(doc: Doc): Row;
  /** The list order, the same as the source's index order. */
  compare(a: Row, b: Row): number;
  /** The key a page that ended on `row` continues after. */
  keyOf(row: Row): Key;
  /**
   * 'all': every row, read page after page in the background from `start()` on; the snapshot is
   * published with the first page, the count and the last page (not with every page).
   * 'on-demand': only as many rows as `ensure(count)` asks for, published page by page.
   */
  read: 'all' | 'on-demand';
  /** A filter applied to every page as it is read (the rows hold only matches; memory only what was scanned past). */
  matches?: (doc: Doc) => boolean;
  lookup?: RowLookup<Doc, Row>;
  /** Documents in the first read (default: `page`). */
  firstPage?: number;
  /** Documents per keyset page. */
  page: number;
}

/** Changes arriving in a burst are published together after this long. */
const PUBLISH_DELAY_MS = 50;

/**
 * A live list with its rows in memory, in order: keyset pages along one index, read as far as
 * wanted (every row, or as far as the view has scrolled), and every change from the collection's
 * stream applied to the rows already read. Changes to documents the read has not reached yet are
 * left to the read, which gets there; changes that arrive while a page is being read are applied
 * after it, so a page read before a change never overwrites it.
 */
export class LiveRows<Doc, Row extends { id: string }, Key> extends LiveList<Doc, LiveRowsSnapshot<Row>> {
  protected snapshot: LiveRowsSnapshot<Row> = { rows: [], complete: false, loading: true, total: null };
  private readonly byId = new Map<string, Row>();
  /** `byId`'s rows in order, unless `unsorted`. */
  private rows: Row[] = [];
  private unsorted = false;
  /** The row the last page ended on (matching the filter or not): the read's position. */
  private cursor: Row | null = null;
  private wanted: number;
  private complete = false;
  private reading = false;
  private total: number | null = null;
  /** Changes that came during a page read: applied after it. */
  private held: RxChangeEvent<Doc>[] | null = null;
  private resolveComplete: () => void = () => {};
  /** Settles once every row is read. */
  readonly completed: Promise<void>;

  constructor(private readonly options: LiveRowsOptions<Doc, Row, Key>) {
    super(options.source.changes);
    this.wanted = options.read === 'all' ? Infinity : 0;
    this.completed = new Promise((resolve) => (this.resolveComplete = resolve));
  }

  /** The view wants at least `count` rows (it scrolled near the end of what is loaded). */
  ensure(count: number): void {
    if (count <= this.wanted) return;
    this.wanted = count;
    this.start();
    void this.pump();
  }

  protected begin(): void {
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.reading || this.stopped) return;
    this.reading = true;
    const { source, toRow, keyOf, matches, lookup, page } = this.options;
    try {
      while (!this.stopped && !this.complete && this.byId.size < this.wanted) {
        const first = this.cursor === null;
        const limit = first ? (this.options.firstPage ?? page) : page;
        this.held = [];
        const docs = this.cursor === null ? await source.first(limit) : await source.after(keyOf(this.cursor), limit);
        const last = docs.at(-1);
        if (last) this.cursor = toRow(last);
        if (docs.length < limit) this.complete = true;
        // Rows are made for matches only: a filtered scan passes over many more documents.
        const fresh = matches ? docs.filter(matches) : docs;
        if (lookup && fresh.length) await lookup.load(fresh);
        if (this.stopped) return;
        for (const doc of fresh) this.add(toRow(doc));
        const held = this.held;
        this.held = null;
        for (const event of held) this.apply(event);
        if (this.complete) this.resolveComplete();
        if (first || this.complete || this.options.read === 'on-demand') this.publish();
        if (first) {
          // Counting walks the index range, and IndexedDB serves one database's requests in
          // order: it starts once the first rows are on screen.
          this.total = await source.count();
          if (this.stopped) return;
          this.publish();
        }
      }
    } finally {
      this.held = null;
      this.reading = false;
      if (this.snapshot.loading) this.publish();
    }
  }

  private add(row: Row): void {
    // Known already (moved by a change, then read again): the order is rebuilt.
    if (this.byId.has(row.id)) this.unsorted = true;
    else if (!this.unsorted) this.rows.push(row); // a page follows every row read before it
    this.byId.set(row.id, row);
  }

  protected onChange(event: RxChangeEvent<Doc>): void {
    if (this.held) this.held.push(event);
    else {
      this.apply(event);
      this.once(PUBLISH_DELAY_MS, () => this.publish());
    }
  }

  private apply(event: RxChangeEvent<Doc>): void {
    const { toRow, compare, matches, lookup } = this.options;
    if (this.byId.delete(event.documentId)) this.unsorted = true;
    if (event.operation === 'DELETE') return;
    const doc = event.documentData;
    const row = toRow(doc);
    // Rows past the cursor are read by the scan when it gets there.
    const passed = this.complete || (this.cursor !== null && compare(row, this.cursor) <= 0);
    if (!passed || (matches && !matches(doc))) return;
    this.byId.set(row.id, row);
    this.unsorted = true;
    if (lookup) void lookup.load([doc]).then((learned) => learned && this.refreshRows());
  }

  private refreshRows(): void {
    const lookup = this.options.lookup;
    if (!lookup || this.stopped) return;
    for (const [id, row] of this.byId) {
      const fresh = lookup.refresh(row);
      if (fresh === row) continue;
      this.byId.set(id, fresh);
      this.unsorted = true;
    }
    this.once(PUBLISH_DELAY_MS, () => this.publish());
  }

  private publish(): void {
    if (this.stopped) return;
    if (this.unsorted) {
      this.rows = [...this.byId.values()].sort(this.options.compare);
      this.unsorted = false;
    }
    const size = this.rows.length;
    const filtered = this.options.matches !== undefined;
    const total = !filtered && this.complete ? size : this.total === null ? null : filtered ? this.total : Math.max(this.total, size);
    this.snapshot = { rows: [...this.rows], complete: this.complete, loading: this.reading && !this.complete, total };
    this.emit();
  }
}
