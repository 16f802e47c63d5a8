import Dexie, { type Table } from 'dexie';
import type { IncomingKind } from '@shared/domain/incoming-document';
import type { IncomingIssue } from '@shared/domain/incoming-document';

/**
 * Documents sync could not take in or send out, kept until they are resolved:
 * - `quarantined`: pulled from the server but refused by the incoming check; kept raw (bounded)
 *   and never written into the collection, so nothing renders it.
 * - `rejected`: a local change the server refused (403 from validate_doc_update, 413, 400); the
 *   change stays on the device, marked with the server's reason, and the rest of the push flows.
 *
 * Where: a small IndexedDB database of its own (Dexie), outside RxDB. Not a collection (the free
 * edition's 13 are nearly all in use), not the conflict log's collection (its schema would need a
 * version bump and migration, and a quarantined raw document is not a field conflict), not
 * localStorage (a few raw documents would eat its ~5 MB shared with the rest of the app, and its
 * writes block the page). Entries are keyed by the replication's database URL, so each server
 * and team keeps its own.
 */
export type SyncProblem = QuarantinedDocument | RejectedChange;

interface ProblemBase {
  /** `${scope} ${kind} ${docId}`: one entry per document and kind. */
  key: string;
  /** The team database's URL the document belongs to (the replication's `url`). */
  scope: string;
  collection: IncomingKind;
  docId: string;
  /** When this device met the problem (ms). */
  at: number;
}

export interface QuarantinedDocument extends ProblemBase {
  kind: 'quarantined';
  /** The server's revision that was refused; a later one replaces the entry. */
  rev: string;
  issues: IncomingIssue[];
  /** The document as the server sent it, as JSON text cut to RAW_MAX characters. */
  raw: string;
  rawChars: number;
}

export interface RejectedChange extends ProblemBase {
  kind: 'rejected';
  /** HTTP status of the refusal: 403 (a server rule), 413 (too large), 400 (bad request)… */
  status: number;
  /** CouchDB's error and reason (`forbidden`, "Only admins may…"), bounded. */
  error: string;
  reason: string;
  /** The server's revision the change was based on; null when the document is new there. */
  serverRev: string | null;
  /**
   * The state that was sent: RxDB now takes it for the server's, so the next push of this
   * document is answered with it while the server still holds `serverRev` (see push-rejections.ts).
   */
  sent: Record<string, unknown>;
}

/** Raw text kept of a quarantined document: enough to see what is wrong, bounded to store. */
export const RAW_MAX = 32_000;
/** Entries kept per database; past it the oldest go (the server still holds the documents). */
export const MAX_PROBLEMS_PER_SCOPE = 1000;

export const problemKey = (scope: string, kind: SyncProblem['kind'], docId: string) => `${scope} ${kind} ${docId}`;

interface Backend {
  all(): Promise<SyncProblem[]>;
  byScope(scope: string): Promise<SyncProblem[]>;
  put(problems: SyncProblem[]): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Where the sync problems of this device are kept, with a change signal for the screen. */
export class SyncProblemStore {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly backend: Backend) {}

  list(): Promise<SyncProblem[]> {
    return this.backend.all();
  }

  listScope(scope: string): Promise<SyncProblem[]> {
    return this.backend.byScope(scope);
  }

  async put(problems: SyncProblem[]): Promise<void> {
    if (problems.length === 0) return;
    await this.backend.put(problems);
    const scopes = new Set(problems.map((p) => p.scope));
    for (const scope of scopes) {
      const entries = await this.backend.byScope(scope);
      if (entries.length <= MAX_PROBLEMS_PER_SCOPE) continue;
      const oldest = entries.sort((a, b) => a.at - b.at).slice(0, entries.length - MAX_PROBLEMS_PER_SCOPE);
      await this.backend.remove(oldest.map((p) => p.key));
    }
    this.changed();
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.backend.remove(keys);
    this.changed();
  }

  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

class ProblemsDatabase extends Dexie {
  problems!: Table<SyncProblem, string>;
  constructor(name: string, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({ problems: 'key, scope' });
  }
}

/** The store over IndexedDB (the app's own, or fake-indexeddb's in tests). */
export function createIndexedDbProblemStore(options?: { name?: string; indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): SyncProblemStore {
  const db = new ProblemsDatabase(options?.name ?? 'carteira-sync-problems', options);
  return new SyncProblemStore({
    all: () => db.problems.toArray(),
    byScope: (scope) => db.problems.where('scope').equals(scope).toArray(),
    put: async (problems) => {
      await db.problems.bulkPut(problems);
    },
    remove: (keys) => db.problems.bulkDelete(keys),
  });
}

/** A store in memory: where there is no IndexedDB (Node tests that do not look at problems). */
export function createMemoryProblemStore(): SyncProblemStore {
  const entries = new Map<string, SyncProblem>();
  return new SyncProblemStore({
    all: async () => [...entries.values()].map((p) => structuredClone(p)),
    byScope: async (scope) => [...entries.values()].filter((p) => p.scope === scope).map((p) => structuredClone(p)),
    put: async (problems) => {
      for (const p of problems) entries.set(p.key, structuredClone(p));
    },
    remove: async (keys) => {
      for (const key of keys) entries.delete(key);
    },
  });
}

let defaultStore: SyncProblemStore | null = null;

/** The device's store: IndexedDB in the app, memory where there is none. */
export function syncProblemStore(): SyncProblemStore {
  defaultStore ??= typeof indexedDB === 'undefined' ? createMemoryProblemStore() : createIndexedDbProblemStore();
  return defaultStore;
}

/** Replaces the device's store (component tests hand the screen a store of their own). */
export function setSyncProblemStore(store: SyncProblemStore): void {
  defaultStore = store;
}
