import type { RxCollection } from 'rxdb';
import type { CarteiraDatabase } from '../../db/types';
import { pageById } from '../../db/collections/access';

/**
 * An in-memory map from lookup keys (e-mail, company domain, phone digits, referredBy…) to the
 * ids of the documents holding them.
 *
 * Why a map and not an index: accounts keep e-mails and phones in arrays, which RxDB cannot index,
 * and adding a derived indexed field would need a schema version bump and a migration that
 * collides with sync. So the map is built lazily, once per database, the first time a screen asks
 * (a keyset-paged scan by primary key, as the search index feed does, yielding between pages), and
 * is then kept live from the collection's change stream (inserts, edits, deletions, replication).
 * Lookups are O(keys). The editors warm it up when they open, and the indexed reasons (tax id,
 * name) are shown without waiting for it.
 */
export interface KeyIndex {
  /** Resolves once the first scan has finished (lookups before that see a partial map). */
  readonly ready: Promise<void>;
  /** Whether the first scan has finished. */
  isReady(): boolean;
  /** Ids of the documents holding any of `keys`. */
  lookup(keys: string[]): string[];
  /** Stops following the change stream. */
  close(): void;
}

type Doc = { id: string; _deleted?: boolean };
const PAGE = 2000;

export function createKeyIndex<T extends Doc>(collection: RxCollection<T>, keysOf: (doc: T) => string[]): KeyIndex {
  const byKey = new Map<string, Set<string>>();
  const byId = new Map<string, string[]>();
  // Ids the change stream wrote while the scan ran: the scan's older copy must not overwrite them.
  const touched = new Set<string>();
  let scanning = true;

  const put = (id: string, keys: string[]) => {
    for (const key of byId.get(id) ?? []) {
      const ids = byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) byKey.delete(key);
    }
    if (keys.length === 0) {
      byId.delete(id);
      return;
    }
    byId.set(id, keys);
    for (const key of keys) {
      let ids = byKey.get(key);
      if (!ids) byKey.set(key, (ids = new Set()));
      ids.add(id);
    }
  };

  const sub = collection.$.subscribe((event) => {
    if (scanning) touched.add(event.documentId);
    const doc = event.documentData as unknown as T | undefined;
    put(event.documentId, event.operation === 'DELETE' || !doc || doc._deleted ? [] : keysOf(doc));
  });

  const ready = (async () => {
    let last = '';
    for (;;) {
      const page = await pageById(collection, last, PAGE);
      for (const doc of page) {
        if (!touched.has(doc.id)) put(doc.id, keysOf(doc));
      }
      if (page.length < PAGE) break;
      last = page[page.length - 1]!.id;
      // Let typing and rendering run between pages.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    scanning = false;
    touched.clear();
  })();
  let done = false;
  void ready.then(() => {
    done = true;
  });
  ready.catch(() => {});

  return {
    ready,
    isReady: () => done,
    lookup(keys) {
      const ids = new Set<string>();
      for (const key of keys) for (const id of byKey.get(key) ?? []) ids.add(id);
      return [...ids];
    },
    close: () => sub.unsubscribe(),
  };
}

const cache = new WeakMap<CarteiraDatabase, Map<string, KeyIndex>>();

/** The key index `name` of a database, built on first use and shared by every screen after. */
export function sharedKeyIndex<T extends Doc>(db: CarteiraDatabase, name: string, collection: RxCollection<T>, keysOf: (doc: T) => string[]): KeyIndex {
  let indexes = cache.get(db);
  if (!indexes) cache.set(db, (indexes = new Map()));
  let index = indexes.get(name);
  if (!index) {
    index = createKeyIndex(collection, keysOf);
    indexes.set(name, index);
    const built = index;
    // A closed database (tests, sign-out) must not keep the subscription alive.
    void db.onClose.push(async () => built.close());
  }
  return index;
}
