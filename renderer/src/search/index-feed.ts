import type { RxChangeEvent, RxCollection } from 'rxdb';
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
 * Feeds the index from the database: every document once, in pages by primary key (keyset, never
 * skip), accounts first so contacts and deals find their account's name; then live, from each
 * collection's change stream. Returns a stop function.
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
      let last = '';
      for (;;) {
        if (stopped) return;
        const docs = await source.collection
          .find({ selector: last ? { id: { $gt: last } } : {}, sort: [{ id: 'asc' }], limit: PAGE } as never)
          .exec();
        if (stopped) return;
        const records: SearchRecord[] = [];
        for (const doc of docs as unknown as { id: string; toJSON(): never }[]) {
          if (!touched.has(`${source.kind}:${doc.id}`)) records.push(source.toRecord(doc.toJSON()));
        }
        if (records.length > 0) post({ type: 'upsert', records });
        if (docs.length < PAGE) break;
        last = (docs[docs.length - 1] as unknown as { id: string }).id;
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
