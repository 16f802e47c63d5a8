import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { Deal } from '@shared/models';
import { toBoardDeal, type BoardDeal } from '@shared/domain/sales/pipeline-board';
import type { CarteiraDatabase } from '../../db/types';
import { dealsOf, readAllDeals } from '../../db/collections/deals';

export interface DealBoardSnapshot {
  deals: readonly BoardDeal[];
  /** False until the first full read is in. */
  loaded: boolean;
}

/**
 * Every deal's board row in memory, live: one read of the whole collection, then the collection's
 * change stream (this window, another one, sync) applied row by row, so a drag answers at once and
 * 30 000 deals are not re-read for each move. Bursts of changes publish once.
 */
export class DealBoardStore {
  private readonly byId = new Map<string, BoardDeal>();
  private snapshot: DealBoardSnapshot = { deals: [], loaded: false };
  private readonly listeners = new Set<() => void>();
  private readonly seenWhileLoading = new Set<string>();
  private loaded = false;
  private publishScheduled = false;
  private stopped = false;
  private readonly subscription: { unsubscribe(): void };
  readonly ready: Promise<void>;

  constructor(private readonly collection: RxCollection<Deal>) {
    this.subscription = collection.$.subscribe((event) => this.apply(event as RxChangeEvent<Deal>));
    this.ready = this.load();
  }

  getSnapshot = (): DealBoardSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  stop(): void {
    this.stopped = true;
    this.subscription.unsubscribe();
  }

  private async load(): Promise<void> {
    const docs = await readAllDeals(this.collection);
    // A change that arrived during the read is newer than what the read saw.
    for (const doc of docs) if (!this.seenWhileLoading.has(doc.id)) this.byId.set(doc.id, toBoardDeal(doc));
    this.seenWhileLoading.clear();
    this.loaded = true;
    this.publish();
  }

  private apply(event: RxChangeEvent<Deal>): void {
    if (!this.loaded) this.seenWhileLoading.add(event.documentId);
    if (event.operation === 'DELETE') this.byId.delete(event.documentId);
    else this.byId.set(event.documentId, toBoardDeal(event.documentData as Deal));
    if (this.loaded) this.schedulePublish();
  }

  private schedulePublish(): void {
    if (this.publishScheduled) return;
    this.publishScheduled = true;
    queueMicrotask(() => {
      this.publishScheduled = false;
      this.publish();
    });
  }

  private publish(): void {
    if (this.stopped) return;
    this.snapshot = { deals: [...this.byId.values()], loaded: true };
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<CarteiraDatabase, DealBoardStore>();

/** One store per open database, started on first use. */
export function dealBoardStore(db: CarteiraDatabase): DealBoardStore {
  let store = stores.get(db);
  if (!store) {
    const created = new DealBoardStore(dealsOf(db));
    stores.set(db, created);
    void db.onClose.push(async () => created.stop());
    store = created;
  }
  return store;
}
