import { SearchIndex } from '@shared/search/search-index';
import { RECORD_OF, type SearchRecord } from '@shared/search/records';
import type { OpenFeedReader } from './feed-reader';
import type { FeedSource, FromIndex, ToIndex } from './protocol';
import { writeAnswer } from './shared-answer';
import { errorMessage } from '@shared/error-message';

/** Results per query in the palette; one-letter answers are computed ahead of time for this many. */
export const RESULT_LIMIT = 20;
/**
 * Documents per page of the first read. The browser serves an origin's IndexedDB requests in
 * order: a page of 2000 held the app's own small reads (opening an account) behind it for tens of
 * ms, so pages stay small and the worker pauses between them.
 */
const PAGE = 500;
const PAUSE_MS = 4;

export interface IndexHostOptions {
  /** How the first read opens a collection (the worker: its own Dexie storage). */
  openReader: OpenFeedReader;
  /** Defers answering a query (setTimeout 0): a query arriving meanwhile replaces it. */
  schedule?: (run: () => void) => void;
}

/**
 * The index's side of the protocol, the same in the worker and in-thread (tests). It reads every
 * collection once on its own, accounts first so contacts and deals find their account's name, and
 * takes live changes from the app's change streams meanwhile: a document changed while the first
 * read is under way is not overwritten by a page read earlier. Queries are answered latest-first: one
 * that arrives while another waits replaces it, so a fast typist never makes the index answer
 * keystrokes nobody will see.
 */
export function createIndexHost(reply: (message: FromIndex) => void, { openReader, schedule = (run) => setTimeout(run, 0) }: IndexHostOptions) {
  const index = new SearchIndex();
  let buildMs = 0;
  let ready = false;
  let feeding = false;
  /** Keys changed live while the first read runs. */
  const touched = new Set<string>();
  let pending: Extract<ToIndex, { type: 'query' }> | undefined;
  /** The query on screen: answered again (same seq) when the data changes, so results stay live. */
  let shown: Extract<ToIndex, { type: 'query' }> | undefined;
  let shared: SharedArrayBuffer | undefined;

  const answer = () => {
    const query = pending;
    pending = undefined;
    if (!query) return;
    shown = query;
    const start = performance.now();
    const hits = index.search(query.query, query.limit);
    const ms = performance.now() - start;
    if (shared) writeAnswer(shared, { seq: query.seq, query: query.query, hits, ms });
    reply({ type: 'results', seq: query.seq, query: query.query, hits, ms });
  };

  const refreshShown = () => {
    if (shown && !pending) {
      pending = shown;
      schedule(answer);
    }
  };

  const feed = async (sources: FeedSource[]) => {
    if (feeding || ready) return;
    feeding = true;
    try {
      for (const source of sources) {
        const reader = await openReader(source);
        try {
          const toRecord = RECORD_OF[source.kind];
          let checkpoint: unknown;
          for (;;) {
            const page = await reader.read(checkpoint, PAGE);
            const start = performance.now();
            const records: SearchRecord[] = [];
            for (const doc of page.documents) {
              if (!doc._deleted && !touched.has(`${source.kind}:${doc.id}`)) records.push(toRecord(doc as never));
            }
            index.upsert(records);
            buildMs += performance.now() - start;
            refreshShown();
            if (page.documents.length < PAGE) break;
            checkpoint = page.checkpoint;
            await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
          }
        } finally {
          await reader.close();
        }
      }
    } catch (error) {
      feeding = false;
      reply({ type: 'feed-failed', message: errorMessage(error) });
      return;
    }
    const start = performance.now();
    index.prepare();
    index.warmUp(RESULT_LIMIT);
    buildMs += performance.now() - start;
    touched.clear();
    feeding = false;
    ready = true;
    reply({ type: 'ready', records: index.size, terms: index.termCount, buildMs });
  };

  return (message: ToIndex): void => {
    const start = performance.now();
    switch (message.type) {
      case 'feed':
        void feed(message.sources);
        return;
      case 'upsert':
        if (feeding) for (const r of message.records) touched.add(`${r.kind}:${r.id}`);
        index.upsert(message.records);
        break;
      case 'remove':
        if (feeding) for (const id of message.ids) touched.add(`${message.kind}:${id}`);
        index.remove(message.kind, message.ids);
        break;
      case 'query':
        if (!pending) schedule(answer);
        pending = message;
        return;
      case 'shared':
        shared = message.buffer;
        return;
    }
    if (!ready) buildMs += performance.now() - start;
    refreshShown();
  };
}
