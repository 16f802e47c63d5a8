import type { CollectionName } from '../models';

/** What replicates: the domain collections and the team's conflict log. */
type SyncedCollection = CollectionName | 'conflicts';

/** Why sync stopped, as an i18n key under `sync.errors.` (never English text). */
export type SyncErrorReason = 'unreachable' | 'server_error' | 'missing_database' | 'forbidden' | 'timeout' | 'unknown';

/** No server answered (network error, timeout): the normal state at a fair, over once a network is back. */
export function isTransientSyncReason(reason: SyncErrorReason | 'unauthorized'): boolean {
  return reason === 'unreachable' || reason === 'timeout';
}

/** Where sync stands, shown everywhere (DESIGN.md §5). */
export type SyncPhase =
  | { kind: 'offline' }
  | { kind: 'connecting' }
  | { kind: 'syncing'; done: number; total: number }
  | { kind: 'upToDate' }
  | { kind: 'paused' }
  | { kind: 'error'; reason: SyncErrorReason; detail?: string }
  | { kind: 'unauthorized' };

export interface SyncStatus {
  phase: SyncPhase;
  /** Local changes not yet acknowledged by the server, over all collections. */
  pending: number;
  /** When the last replication cycle ended without error (ms), 0 if never. */
  lastSyncAt: number;
  /** The latest errors in order, newest last (bounded), for the errors panel. */
  errors: readonly { at: number; collection: SyncedCollection | null; reason: SyncErrorReason; detail: string }[];
}

/** What replication reports, per collection, plus connectivity from main. */
export type SyncEvent =
  | { type: 'connectivity'; online: boolean }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'active'; collection: SyncedCollection; active: boolean }
  | { type: 'progress'; done: number; total: number }
  | { type: 'pending'; collection: SyncedCollection; count: number }
  | { type: 'error'; collection: SyncedCollection | null; reason: SyncErrorReason | 'unauthorized'; detail: string; at: number }
  | { type: 'idle'; at: number };

export const INITIAL_SYNC_STATUS: SyncStatus = { phase: { kind: 'connecting' }, pending: 0, lastSyncAt: 0, errors: [] };

const MAX_ERRORS = 20;

/**
 * Server failures (5xx) in a row, for one collection, before sync shows an error: a server
 * restarting answers 503 once or twice and replication retries within seconds (1 s, 2 s, 4 s),
 * which is not worth a red indicator.
 */
export const SERVER_FAILURES_BEFORE_ERROR = 3;

/** What replication itself is doing, shown when nothing with precedence (see shownPhase) applies. */
type FlowPhase = Extract<SyncPhase, { kind: 'connecting' | 'syncing' | 'upToDate' | 'error' }>;

/** Internal bookkeeping the reducer needs besides what is shown. */
export interface SyncMachine {
  status: SyncStatus;
  active: ReadonlySet<SyncedCollection>;
  pendingBy: Readonly<Partial<Record<SyncedCollection, number>>>;
  /** Main's connectivity watcher: the OS network and a probe of the server. */
  online: boolean;
  paused: boolean;
  /** A request found no server (network error, timeout) and none has been answered since. */
  unreachable: boolean;
  /** 5xx answers in a row, per collection (`*` for a failure no collection reported). */
  serverFailures: Readonly<Record<string, number>>;
  /** Collections the server refuses (database missing, access forbidden) until they replicate. */
  refused: Readonly<Partial<Record<SyncedCollection, { reason: SyncErrorReason; detail: string }>>>;
  /** The server refused the session (401): only signing in again fixes it. */
  unauthorized: boolean;
  flow: FlowPhase;
}

export const INITIAL_SYNC_MACHINE: SyncMachine = {
  status: INITIAL_SYNC_STATUS,
  active: new Set(),
  pendingBy: {},
  online: true,
  paused: false,
  unreachable: false,
  serverFailures: {},
  refused: {},
  unauthorized: false,
  flow: { kind: 'connecting' },
};

/** Pure transition of the sync state on one event (replication streams and connectivity feed it). */
export function reduceSync(m: SyncMachine, e: SyncEvent): SyncMachine {
  const next = step(m, e);
  if (next === m) return m;
  return { ...next, status: { ...next.status, phase: shownPhase(next) } };
}

/**
 * What the indicator shows, most actionable first. No server in reach is the normal state at a
 * fair, not an error: work goes on locally and is pushed later, so "offline" wins over whatever
 * replication was doing. Red errors are only what needs someone to act: a refused session, a
 * database the server lacks or forbids, a rejected document, a server failing again and again.
 */
function shownPhase(m: SyncMachine): SyncPhase {
  if (m.unauthorized) return { kind: 'unauthorized' };
  if (!m.online || m.unreachable) return { kind: 'offline' };
  if (m.paused) return { kind: 'paused' };
  if (m.flow.kind === 'error') return m.flow;
  const refused = Object.values(m.refused).at(-1);
  if (refused) return { kind: 'error', reason: refused.reason, detail: refused.detail };
  return m.flow;
}

function step(m: SyncMachine, e: SyncEvent): SyncMachine {
  switch (e.type) {
    case 'connectivity':
      // Main's probe reached the server: whatever failed before, replication is re-syncing now.
      return e.online ? { ...m, online: true, unreachable: false, flow: { kind: 'connecting' } } : { ...m, online: false };
    case 'paused':
      return { ...m, paused: true };
    case 'resumed':
      return { ...m, paused: false, flow: { kind: 'connecting' } };
    case 'active': {
      const active = new Set(m.active);
      if (!e.active) {
        active.delete(e.collection);
        // RxDB ends a pull or push task only once the server has answered it (it retries inside
        // the task): the server is in reach and this collection's failure streak is over.
        return { ...m, active, unreachable: false, serverFailures: { ...m.serverFailures, [e.collection]: 0 } };
      }
      active.add(e.collection);
      // RxDB starts no task while paused: a task starting is a replication at work (e.g. a new one
      // after signing in again), and a collection replicating is one its server no longer refuses.
      const refused = { ...m.refused };
      delete refused[e.collection];
      // An error stays until the tasks end (idle): another collection at work does not fix it.
      const flow: FlowPhase = m.flow.kind === 'syncing' || m.flow.kind === 'error' ? m.flow : { kind: 'syncing', done: 0, total: 0 };
      return { ...m, active, refused, paused: false, unauthorized: false, flow };
    }
    case 'progress':
      // Documents arrived: the server is in reach.
      return { ...m, unreachable: false, flow: { kind: 'syncing', done: e.done, total: e.total } };
    case 'pending': {
      const pendingBy = { ...m.pendingBy, [e.collection]: e.count };
      const pending = Object.values(pendingBy).reduce((a, b) => a + (b ?? 0), 0);
      return { ...m, pendingBy, status: { ...m.status, pending } };
    }
    case 'error': {
      const reason: SyncErrorReason = e.reason === 'unauthorized' ? 'forbidden' : e.reason;
      const errors = [...m.status.errors, { at: e.at, collection: e.collection, reason, detail: e.detail }].slice(-MAX_ERRORS);
      const logged = { ...m, status: { ...m.status, errors } };
      switch (e.reason) {
        case 'unauthorized':
          return { ...logged, unreachable: false, unauthorized: true };
        case 'unreachable':
        case 'timeout':
          return { ...logged, unreachable: true };
        case 'server_error': {
          const key = e.collection ?? '*';
          const failures = (m.serverFailures[key] ?? 0) + 1;
          const serverFailures = { ...m.serverFailures, [key]: failures };
          const flow: FlowPhase = failures >= SERVER_FAILURES_BEFORE_ERROR ? { kind: 'error', reason, detail: e.detail } : m.flow;
          return { ...logged, unreachable: false, serverFailures, flow };
        }
        case 'missing_database':
        case 'forbidden':
          if (e.collection) return { ...logged, unreachable: false, refused: { ...m.refused, [e.collection]: { reason, detail: e.detail } } };
          return { ...logged, unreachable: false, flow: { kind: 'error', reason, detail: e.detail } };
        case 'unknown':
          // E.g. a document the server rejected: RxDB retries it forever, someone has to look.
          return { ...logged, flow: { kind: 'error', reason, detail: e.detail } };
      }
      return logged;
    }
    case 'idle':
      if (m.active.size > 0 || !m.online || m.paused || m.unreachable || m.unauthorized) return m;
      // Another collection's quiet moment does not end one that keeps failing (its live feed).
      if (Object.values(m.serverFailures).some((n) => n >= SERVER_FAILURES_BEFORE_ERROR)) return m;
      return { ...m, flow: { kind: 'upToDate' }, status: { ...m.status, lastSyncAt: e.at } };
  }
}

/** Exponential backoff for retries: 1 s, 2 s, 4 s … capped at 60 s. */
export function retryDelay(failures: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
}
