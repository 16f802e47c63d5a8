import type { RxChangeEvent, RxCollection } from 'rxdb';
import { RECORD_OF, type SearchKind, type SearchRecord } from '@shared/search/records';
import type { CarteiraDatabase } from '../db/types';
import type { FeedSource, ToIndex } from './protocol';

/** Live changes are sent in bursts (a sync pull, an import), not one message per document. */
const FLUSH_MS = 100;

interface Source {
  kind: SearchKind;
  collection: RxCollection<never>;
}

function sourcesOf(db: CarteiraDatabase): Source[] {
  // Accounts first: contacts and deals are found by their account's name.
  return [
    { kind: 'account', collection: db.accounts as never },
    { kind: 'contact', collection: db.contacts as never },
    { kind: 'deal', collection: db.deals as never },
    { kind: 'product', collection: db.products as never },
  ];
}

/**
 * What the index reads on its own for its first build: each collection's database and storage
 * schema (plain JSON, posted to the worker, which opens the same IndexedDB through its own storage).
 */
export function feedSources(db: CarteiraDatabase): FeedSource[] {
  return sourcesOf(db).map(({ kind, collection }) => ({
    kind,
    databaseName: db.name,
    collectionName: collection.name,
    schema: JSON.parse(JSON.stringify(collection.storageInstance.schema)) as Record<string, unknown>,
  }));
}

/**
 * Keeps the index live: every change of the searchable collections, from their change streams, in
 * bursts. The first read is the index's own (see index-host.ts). Returns a stop function.
 */
export function startIndexFeed(db: CarteiraDatabase, post: (message: ToIndex) => void): () => void {
  let stopped = false;
  const upserts: SearchRecord[] = [];
  const removals = new Map<SearchKind, string[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    if (stopped) return;
    for (const [kind, ids] of removals) post({ type: 'remove', kind, ids });
    removals.clear();
    if (upserts.length > 0) post({ type: 'upsert', records: upserts.splice(0) });
  };

  const subscriptions = sourcesOf(db).map((source) =>
    source.collection.$.subscribe((raw) => {
      const event = raw as RxChangeEvent<never>;
      if (event.operation === 'DELETE') {
        const list = removals.get(source.kind) ?? [];
        list.push(event.documentId);
        removals.set(source.kind, list);
      } else {
        upserts.push(RECORD_OF[source.kind](event.documentData as never));
      }
      timer ??= setTimeout(flush, FLUSH_MS);
    }),
  );
  post({ type: 'feed', sources: feedSources(db) });

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const s of subscriptions) s.unsubscribe();
  };
}
