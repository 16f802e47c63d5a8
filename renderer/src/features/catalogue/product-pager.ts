import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { Product, ProductPrice } from '@shared/models';
import { pageKeyOf, seekKey, selectorFrom, selectorsAfter, specSelector, type PageKey, type ProductListSpec } from '@shared/domain/catalogue-query';
import { basePrice } from '@shared/domain/pricing';
import { countBetweenKeys, countBySpec, firstKeyFrom, productsAlong } from '../../db/collections/products';

/** What a line of the catalogue list shows. */
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  nameSort: string;
  category: string;
  unit: Product['unit'];
  price: ProductPrice | null;
  availability: Product['availability'];
  promotion: Product['promotion'] | undefined;
}

export const toProductRow = (p: Product): ProductRow => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  nameSort: p.nameSort,
  category: p.category,
  unit: p.unit,
  price: basePrice(p),
  availability: p.availability,
  promotion: p.promotion,
});

export interface PagerSnapshot {
  /** How many products the read selects; undefined until the count answered. */
  total: number | undefined;
  /** Rows the list can lay out now: the total once known, before that the rows of the first page. */
  length: number;
  /** Bumped whenever rows arrive or change, so React re-reads `row(i)`. */
  version: number;
}

export const PAGE_SIZE = 200;
/** Pages kept in memory; the rest are dropped and read again by key when scrolled back to. */
export const MAX_PAGES = 8;
/** Pages read at once; a page at most this far past a known page end is walked to, farther ones are sought. */
const WALK_PAGES = 5;
/** How far before the wanted row a seek may land (rows read and dropped). */
const SEEK_SLACK = PAGE_SIZE;

/**
 * A window on one ordered read of the products, for a virtualised list. Only the pages around what
 * is on screen stay in memory (≤ MAX_PAGES × PAGE_SIZE rows); the key each page ended on is kept,
 * so any page seen once is read again directly, and a jump further down walks page by page (keyset,
 * never `skip`). Changes to the collection refresh the window; edits that do not move a row patch it
 * in place.
 */
export class ProductPager {
  private pages = new Map<number, ProductRow[]>();
  /** Pages shown while the window re-reads after a change, so rows don't flash to skeletons. */
  private stale = new Map<number, ProductRow[]>();
  /** ends[k]: the key page k ended on. */
  private ends = new Map<number, PageKey>();
  private lastPage = Infinity;
  private wanted: [number, number] = [0, 0];
  private snapshot: PagerSnapshot = { total: undefined, length: 0, version: 0 };
  private readonly listeners = new Set<() => void>();
  private pumping = false;
  private generation = 0;
  /** The generation whose count was asked for. */
  private counted = -1;
  private stopped = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: { unsubscribe(): void };

  constructor(
    private readonly collection: RxCollection<Product>,
    readonly spec: ProductListSpec,
  ) {
    this.subscription = collection.$.subscribe((e) => this.onChange(e as RxChangeEvent<Product>));
    // The count starts once the first page is read: IndexedDB serves one database's requests in
    // order, and counting walks the whole index range.
    this.pump();
  }

  getSnapshot = (): PagerSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The row at an index, or undefined while its page is on its way. */
  row(index: number): ProductRow | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = this.pages.get(page) ?? this.stale.get(page);
    return rows?.[index % PAGE_SIZE];
  }

  /** Rows currently held in memory (for tests and the bench: it must stay bounded). */
  get rowsInMemory(): number {
    let n = 0;
    for (const rows of this.pages.values()) n += rows.length;
    return n;
  }

  /** The list shows rows first..last: make sure their pages are read. */
  ensure(first: number, last: number): void {
    const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
    if (from === this.wanted[0] && to === this.wanted[1] && this.covered()) return;
    this.wanted = [from, to];
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.refreshTimer);
    this.subscription.unsubscribe();
    this.listeners.clear();
  }

  private covered(): boolean {
    for (let p = this.wanted[0]; p <= Math.min(this.wanted[1], this.lastPage); p++) if (!this.pages.has(p)) return false;
    return true;
  }

  private async count(): Promise<void> {
    const generation = this.generation;
    const total = await countBySpec(this.collection, this.spec);
    if (generation !== this.generation || this.stopped) return;
    this.snapshot = { ...this.snapshot, total, length: total };
    this.emit();
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
          const pages = Math.min(to - next + 1, WALK_PAGES);
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
          this.emit();
        }
        this.stale.clear();
      } finally {
        this.pumping = false;
      }
    })();
  }

  /**
   * Rows from page `page` on: after the previous page's end when known; a few pages after the
   * nearest known end (walking); otherwise from a key found by counts alone (seekKey), so a jump to
   * row 15 000 reads a page or two, not 15 000 rows.
   */
  private async readAround(page: number, pages: number): Promise<{ start: number; rows: ProductRow[]; limit: number }> {
    let known = page - 1;
    while (known >= 0 && !this.ends.has(known)) known--;
    if (page - known - 1 <= WALK_PAGES) {
      const limit = PAGE_SIZE * (page - known - 1 + pages);
      const start = (known + 1) * PAGE_SIZE;
      if (known < 0) return { start, limit, rows: await this.find(specSelector(this.spec), limit) };
      const [ties, rest] = selectorsAfter(this.spec, this.ends.get(known)!);
      const first = await this.find(ties, limit);
      return { start, limit, rows: first.length < limit ? [...first, ...(await this.find(rest, limit - first.length))] : first };
    }
    const target = page * PAGE_SIZE;
    const countBetween = (low: string, high: string) => countBetweenKeys(this.collection, this.spec, low, high);
    const firstFrom = (key: string) => firstKeyFrom(this.collection, this.spec, key);
    const { key, before } = await seekKey(countBetween, target, { start: this.spec.prefix, slack: SEEK_SLACK, firstFrom });
    const limit = target - before + PAGE_SIZE * pages;
    return { start: before, limit, rows: await this.find(selectorFrom(this.spec, key), limit) };
  }

  private async find(selector: Record<string, unknown>, limit: number): Promise<ProductRow[]> {
    return (await productsAlong(this.collection, this.spec, selector, limit)).map(toProductRow);
  }

  /** Files rows read from absolute index `start`: whole pages, and the key every page boundary inside them ends on. */
  private absorb(start: number, rows: ProductRow[], reachedEnd: boolean): void {
    const end = start + rows.length;
    for (let page = Math.ceil(start / PAGE_SIZE); page * PAGE_SIZE <= end; page++) {
      const first = page * PAGE_SIZE;
      if (first > start) this.ends.set(page - 1, pageKeyOf(this.spec, rows[first - 1 - start]!));
      const slice = rows.slice(first - start, first - start + PAGE_SIZE);
      if (slice.length === PAGE_SIZE || reachedEnd) this.pages.set(page, slice);
      if (slice.length < PAGE_SIZE) {
        if (reachedEnd) this.lastPage = page;
        break;
      }
    }
  }

  /** Drops the pages furthest from what is wanted. */
  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = (this.wanted[0] + this.wanted[1]) / 2;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  private onChange(event: RxChangeEvent<Product>): void {
    if (event.operation === 'UPDATE') {
      const doc = event.documentData as Product;
      for (const rows of this.pages.values()) {
        const i = rows.findIndex((r) => r.id === doc.id);
        const row = rows[i];
        // Same place in the order and still selected: patch the row, keep the window.
        if (row && row.nameSort === doc.nameSort && row.sku === doc.sku && row.category === doc.category) {
          rows[i] = toProductRow(doc);
          this.emit();
          return;
        }
      }
    }
    // Bursts (a sync pull) refresh once.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 250);
  }

  private refresh(): void {
    if (this.stopped) return;
    this.generation++;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages = new Map();
    this.ends = new Map();
    this.lastPage = Infinity;
    this.pump();
  }

  private emit(): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
