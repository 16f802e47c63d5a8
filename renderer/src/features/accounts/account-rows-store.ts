import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { Account } from '@shared/models';
import { compareAccountRows, toAccountRow, type AccountRow } from '@shared/domain/account-rows';
import type { CarteiraDatabase } from '../../db/types';
import { accountsByNameAfter, accountsOf, firstAccountsByName } from '../../db/collections/accounts';

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
    const first = await firstAccountsByName(this.collection, FIRST_PAGE);
    this.merge(first);
    this.publish();
    this.countHint = await this.collection.count().exec();
    this.publish();
    let last = first.at(-1);
    let pageSize = first.length;
    while (last && pageSize > 0 && !this.stopped) {
      const page = await accountsByNameAfter(this.collection, last.nameSort, last.id, PAGE);
      this.merge(page);
      pageSize = page.length;
      last = page.at(-1);
    }
    this.complete = true;
    this.deletedWhileLoading.clear();
    this.publish();
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
    store = new AccountRowsStore(accountsOf(db));
    stores.set(db, store);
    void db.onClose.push(async () => store?.stop());
  }
  return store;
}
