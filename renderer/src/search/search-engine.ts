import type { SearchHit } from '@shared/search/search-index';
import type { CarteiraDatabase } from '../db/types';
import { instanceFeedReader } from './feed-reader';
import { createIndexHost } from './index-host';
import { startIndexFeed } from './index-feed';
import type { FromIndex, ToIndex } from './protocol';
import { awaitAnswer, createAnswerBuffer } from './shared-answer';

/** Measure (performance.measure) from the start of reading the database to the index being ready; detail: { buildMs, records, terms }. */
export const INDEX_READY_MEASURE = 'carteira:search:index-ready';

/** The latest query's answer (older answers are dropped on arrival). */
export interface SearchAnswer {
  seq: number;
  query: string;
  hits: SearchHit[];
  /** ms the index spent on the query. */
  searchMs: number;
  /** performance.now() when the answer reached this thread. */
  receivedAt: number;
}

export interface SearchStatus {
  started: boolean;
  ready: boolean;
  records: number;
}

/** Where the index runs: a Web Worker in the app, the same code in-thread in tests (jsdom has no Worker). */
export interface IndexTransport {
  post(message: ToIndex): void;
  onMessage(listener: (message: FromIndex) => void): void;
  close(): void;
}

export function workerTransport(): IndexTransport {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'carteira-search' });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      worker.onmessage = (event: MessageEvent<FromIndex>) => listener(event.data);
    },
    close: () => worker.terminate(),
  };
}

/** The index in this thread (tests: jsdom has no Worker), reading through the database's own storage instances. */
export function inThreadTransport(db: CarteiraDatabase): IndexTransport {
  let listener: ((message: FromIndex) => void) | undefined;
  const openReader = instanceFeedReader((name) => db.collections[name as keyof CarteiraDatabase['collections']]!.storageInstance as never);
  const host = createIndexHost((message) => queueMicrotask(() => listener?.(message)), { openReader });
  return { post: (message) => host(message), onMessage: (l) => (listener = l), close: () => (listener = undefined) };
}

/**
 * The app's search: feeds the index from the database (once started) and answers queries,
 * latest-query-wins — an answer to anything but the last query sent is dropped.
 */
export class SearchEngine {
  private seq = 0;
  private latest = 0;
  private readonly listeners = new Set<(answer: SearchAnswer) => void>();
  private readonly statusListeners = new Set<() => void>();
  private status: SearchStatus = { started: false, ready: false, records: 0 };
  private stopFeed: (() => void) | undefined;
  private feedStart = 0;
  /** An answer taken from shared memory: its message, arriving later, is not delivered again. */
  private takenSeq = 0;

  constructor(
    private readonly db: CarteiraDatabase,
    private readonly transport: IndexTransport,
    /** Where the worker also publishes answers (cross-origin isolated pages only). */
    private readonly answers: SharedArrayBuffer | null = null,
  ) {
    transport.onMessage((message) => this.receive(message));
    if (answers) transport.post({ type: 'shared', buffer: answers });
  }

  /** Starts reading the database into the index (idempotent). */
  start(): void {
    if (this.status.started) return;
    this.setStatus({ ...this.status, started: true });
    this.feedStart = performance.now();
    this.stopFeed = startIndexFeed(this.db, (message) => this.transport.post(message));
  }

  /** Sends a query; returns its sequence number. */
  query(text: string, limit: number): number {
    const seq = ++this.seq;
    this.latest = seq;
    this.transport.post({ type: 'query', seq, query: text, limit });
    return seq;
  }

  /**
   * Sends a query and, where answers are shared, waits up to `budgetMs` for it within the caller's
   * task (a keystroke's event), so results render in the same frame as the typed character. Without
   * an answer by then (or without shared memory) it comes as a message, to subscribers.
   */
  queryNow(text: string, limit: number, budgetMs: number): { seq: number; answer: SearchAnswer | null } {
    const seq = this.query(text, limit);
    // While the index is still being built the worker is busy with pages: no waiting then.
    const shared = this.answers && this.status.ready ? awaitAnswer(this.answers, seq, budgetMs) : null;
    if (!shared) return { seq, answer: null };
    this.takenSeq = seq;
    return { seq, answer: { seq, query: shared.query, hits: shared.hits, searchMs: shared.ms, receivedAt: performance.now() } };
  }

  /** Forgets any answer still on its way (the palette was cleared or closed). */
  cancel(): void {
    this.latest = ++this.seq;
  }

  subscribe(listener: (answer: SearchAnswer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getStatus = (): SearchStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  stop(): void {
    this.stopFeed?.();
    this.transport.close();
  }

  private setStatus(status: SearchStatus): void {
    this.status = status;
    for (const l of this.statusListeners) l();
  }

  private receive(message: FromIndex): void {
    if (message.type === 'ready') {
      const detail = { buildMs: message.buildMs, records: message.records, terms: message.terms };
      performance.measure(INDEX_READY_MEASURE, { start: this.feedStart, end: performance.now(), detail });
      this.setStatus({ ...this.status, ready: true, records: message.records });
      return;
    }
    if (message.type === 'feed-failed') {
      // Search still answers from live changes; nothing the user typed is lost. Say why in the console.
      console.error(`search index: the first read failed: ${message.message}`);
      return;
    }
    if (message.seq !== this.latest) return;
    if (message.seq === this.takenSeq) {
      // Already on screen, taken from shared memory; a later answer to the same query (the data changed) is new.
      this.takenSeq = 0;
      return;
    }
    const answer: SearchAnswer = { seq: message.seq, query: message.query, hits: message.hits, searchMs: message.ms, receivedAt: performance.now() };
    for (const l of this.listeners) l(answer);
  }
}

const engines = new WeakMap<CarteiraDatabase, SearchEngine>();

/** The app's engine for an open database: its index in a Web Worker, stopped when the database closes. */
export function searchEngineFor(db: CarteiraDatabase): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    const created = new SearchEngine(db, workerTransport(), createAnswerBuffer());
    engines.set(db, created);
    void db.onClose.push(async () => created.stop());
    engine = created;
  }
  return engine;
}
