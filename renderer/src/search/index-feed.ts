import { getChangedDocumentsSince, type RxChangeEvent, type RxCollection } from 'rxdb';
import type { Account, Contact, Deal, Product } from '@shared/models';
import { accountRecord, contactRecord, dealRecord, productRecord, type SearchKind, type SearchRecord } from '@shared/search/records';
import type { CarteiraDatabase } from '../db/types';
import type { ToIndex } from './protocol';

/** Documents read per query while building: small enough that other screens' reads interleave. */
const PAGE = 1000;
/** Live changes are sent in bursts (a sync pull, an import), not one message per document. */
const FLUSH_MS = 100;

interface Source {
  kind: SearchKind;
  collection: RxCollection<never>;
  toRecord(doc: never): SearchRecord;
}

/**
 * Feeds the index from the database: every document once, in keyset pages (never skip), accounts
 * first so contacts and deals find their account's name; then live, from each collection's change
 * stream. Returns a stop function.
 *
 * The pages follow the storage's own (last-write-time, id) index, as replication reads it: a query
 * `id > last` sorted by id has no index in these schemas (RxDB adds the bare primary-key index only
 * to collections without indexes), so each page scanned and sorted the whole collection — 73 s for
 * the 54k documents of size M.
 */
export function startIndexFeed(db: CarteiraDatabase, post: (message: ToIndex) => void, onLoaded?: () => void): () => void {
  const sources: Source[] = [
    { kind: 'account', collection: db.accounts as never, toRecord: ((d: Account) => accountRecord(d)) as never },
    { kind: 'contact', collection: db.contacts as never, toRecord: ((d: Contact) => contactRecord(d)) as never },
    { kind: 'deal', collection: db.deals as never, toRecord: ((d: Deal) => dealRecord(d)) as never },
    { kind: 'product', collection: db.products as never, toRecord: ((d: Product) => productRecord(d)) as never },
  ];
  let stopped = false;
  /** Ids changed while the first read is under way: a page read earlier must not undo them. */
  const touched = new Set<string>();
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

  const subscriptions = sources.map((source) =>
    source.collection.$.subscribe((raw) => {
      const event = raw as RxChangeEvent<never>;
      touched.add(`${source.kind}:${event.documentId}`);
      if (event.operation === 'DELETE') {
        const list = removals.get(source.kind) ?? [];
        list.push(event.documentId);
        removals.set(source.kind, list);
      } else {
        upserts.push(source.toRecord(event.documentData as never));
      }
      timer ??= setTimeout(flush, FLUSH_MS);
    }),
  );

  const load = async () => {
    for (const source of sources) {
      let checkpoint: unknown;
      for (;;) {
        if (stopped) return;
        const page = await getChangedDocumentsSince(source.collection.storageInstance as never, PAGE, checkpoint as never);
        if (stopped) return;
        const docs = page.documents as unknown as ({ id: string; _deleted: boolean } & Record<string, unknown>)[];
        const records: SearchRecord[] = [];
        for (const doc of docs) {
          if (!doc._deleted && !touched.has(`${source.kind}:${doc.id}`)) records.push(source.toRecord(doc as never));
        }
        if (records.length > 0) post({ type: 'upsert', records });
        if (docs.length < PAGE) break;
        checkpoint = page.checkpoint;
        // Let input and rendering run between pages.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    flush();
    touched.clear();
    if (!stopped) {
      post({ type: 'loaded' });
      onLoaded?.();
    }
  };
  void load();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const s of subscriptions) s.unsubscribe();
  };
}
