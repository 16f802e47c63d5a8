import { SearchIndex } from '@shared/search/search-index';
import type { FromIndex, ToIndex } from './protocol';

/** Results per query in the palette; one-letter answers are computed ahead of time for this many. */
export const RESULT_LIMIT = 20;

/**
 * The index's side of the protocol, the same in the worker and in-thread (tests). Queries are
 * answered latest-first: one that arrives while another waits replaces it, so a fast typist never
 * makes the index answer keystrokes nobody will see.
 */
export function createIndexHost(reply: (message: FromIndex) => void, schedule: (run: () => void) => void = (run) => setTimeout(run, 0)) {
  const index = new SearchIndex();
  let buildMs = 0;
  let ready = false;
  let pending: Extract<ToIndex, { type: 'query' }> | undefined;
  /** The query on screen: answered again (same seq) when the data changes, so results stay live. */
  let shown: Extract<ToIndex, { type: 'query' }> | undefined;

  const answer = () => {
    const query = pending;
    pending = undefined;
    if (!query) return;
    shown = query;
    const start = performance.now();
    const hits = index.search(query.query, query.limit);
    reply({ type: 'results', seq: query.seq, query: query.query, hits, ms: performance.now() - start });
  };

  return (message: ToIndex): void => {
    const start = performance.now();
    switch (message.type) {
      case 'upsert':
        index.upsert(message.records);
        break;
      case 'remove':
        index.remove(message.kind, message.ids);
        break;
      case 'loaded':
        index.prepare();
        index.warmUp(RESULT_LIMIT);
        break;
      case 'query':
        if (!pending) schedule(answer);
        pending = message;
        return;
    }
    if (!ready) buildMs += performance.now() - start;
    if ((message.type === 'upsert' || message.type === 'remove') && shown && !pending) {
      pending = shown;
      schedule(answer);
    }
    if (message.type === 'loaded' && !ready) {
      ready = true;
      reply({ type: 'ready', records: index.size, terms: index.termCount, buildMs });
    }
  };
}
