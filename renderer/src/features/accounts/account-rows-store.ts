import { normalizeMangoQuery, prepareQuery, type MangoQuery, type MangoQuerySortPart, type RxChangeEvent, type RxCollection } from 'rxdb';
import type { Account } from '@shared/models';
import { compareAccountRows, toAccountRow, type AccountRow } from '@shared/domain/account-rows';
import type { CarteiraDatabase } from '../../db/types';

/** What the list renders: rows in order, how many exist, and whether every row is in memory yet. */
export interface AccountRowsSnapshot {
  rows: readonly AccountRow[];
  total: number;
  complete: boolean;
}

const FIRST_PAGE = 100;
/** Small pages: the app's other IndexedDB reads (opening an account) queue behind each one. */
const PAGE = 500;

/**
 * Keeps every account's list row in memory, sorted, live from the collection's change stream.
 * The first rows come from an index-limited query (fast with 50k accounts); the rest load in
 * keyset pages in the background, because RxDB serves `skip` by walking the cursor row by row.
 */
export class AccountRowsStore {
  private readonly byId = new Map<string, AccountRow>();
  private readonly deletedWhileLoading = new Set<string>();
  private snapshot: AccountRowsSnapshot = { rows: [], total: 0, complete: false };
  private readonly listeners = new Set<() => void>();
  private complete = false;
  private countHint = 0;
  private resortScheduled = false;
  private stopped = false;
  private subscription: { unsubscribe(): void } | undefined;
  readonly ready: Promise<void>;

  constructor(private readonly collection: RxCollection<Account>) {
    this.ready = this.load();
  }

  getSnapshot = (): AccountRowsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  private async load(): Promise<void> {
    this.subscription = this.collection.$.subscribe((event) => this.apply(event as RxChangeEvent<Account>));
    // The first rows go on screen before anything else: counting walks the whole index in
    // Chromium's IndexedDB, which serves one database's requests in order, so it starts after.
    const first = await this.collection.find({ selector: {}, sort: [{ nameSort: 'asc' }, { id: 'asc' }], limit: FIRST_PAGE }).exec();
    this.merge(first.map((d) => d.toJSON() as Account));
    this.publish();
    this.countHint = await this.collection.count().exec();
    this.publish();
    let last = first.at(-1);
    let pageSize = first.length;
    while (last && pageSize > 0 && !this.stopped) {
      const page = await this.pageAfter(last.nameSort, last.id);
      this.merge(page);
      pageSize = page.length;
      const tail = page.at(-1);
      last = tail ? (tail as never) : undefined;
    }
    this.complete = true;
    this.deletedWhileLoading.clear();
    this.publish();
  }

  /** The next rows after (nameSort, id): first the ties of nameSort, then the greater names. */
  private async pageAfter(nameSort: string, id: string): Promise<Account[]> {
    const sort: MangoQuerySortPart<Account>[] = [{ nameSort: 'asc' }, { id: 'asc' }];
    const ties = await this.rawFind({ selector: { nameSort, id: { $gt: id } }, sort, limit: PAGE });
    const rest = ties.length < PAGE ? await this.rawFind({ selector: { nameSort: { $gt: nameSort } }, sort, limit: PAGE - ties.length }) : [];
    return [...ties, ...rest];
  }

  /**
   * A query straight to the storage, as RxQuery runs it (live documents only, same index), without
   * making an RxDocument of each of 50k rows only to copy it into a list row.
   */
  private async rawFind(query: MangoQuery<Account>): Promise<Account[]> {
    const schema = this.collection.storageInstance.schema;
    const normalized = normalizeMangoQuery(schema, query);
    normalized.selector = { ...normalized.selector, _deleted: { $eq: false } } as never;
    const result = await this.collection.storageInstance.query(prepareQuery(schema, normalized));
    return result.documents as unknown as Account[];
  }

  private merge(docs: Account[]): void {
    for (const doc of docs) {
      if (this.deletedWhileLoading.has(doc.id)) continue;
      const known = this.byId.get(doc.id);
      // A change event may already have brought a newer version than this page read.
      if (!known || known.updatedAt <= doc.updatedAt) this.byId.set(doc.id, toAccountRow(doc));
    }
  }

  private apply(event: RxChangeEvent<Account>): void {
    if (event.operation === 'DELETE') {
      this.byId.delete(event.documentId);
      if (!this.complete) this.deletedWhileLoading.add(event.documentId);
    } else {
      this.deletedWhileLoading.delete(event.documentId);
      this.byId.set(event.documentId, toAccountRow(event.documentData as Account));
    }
    this.scheduleResort();
  }

  /** Bursts of changes (a bulk import, a sync pull) re-sort once, not once per document. */
  private scheduleResort(): void {
    if (this.resortScheduled) return;
    this.resortScheduled = true;
    setTimeout(() => {
      this.resortScheduled = false;
      this.publish();
    }, 50);
  }

  private publish(): void {
    if (this.stopped) return;
    const rows = [...this.byId.values()].sort(compareAccountRows);
    const total = this.complete ? rows.length : Math.max(this.countHint, rows.length);
    this.snapshot = { rows, total, complete: this.complete };
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<CarteiraDatabase, AccountRowsStore>();

/** One store per open database, started on first use. */
export function accountRowsStore(db: CarteiraDatabase): AccountRowsStore {
  let store = stores.get(db);
  if (!store) {
    store = new AccountRowsStore(db.accounts);
    stores.set(db, store);
    void db.onClose.push(async () => store?.stop());
  }
  return store;
}
