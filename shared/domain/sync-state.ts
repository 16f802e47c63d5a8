import type { CollectionName } from '../models';

/** What replicates: the domain collections and the team's conflict log. */
type SyncedCollection = CollectionName | 'conflicts';

/** Why sync stopped, as an i18n key under `sync.errors.` (never English text). */
export type SyncErrorReason = 'unreachable' | 'server_error' | 'missing_database' | 'forbidden' | 'timeout' | 'unknown';

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

/** Internal bookkeeping the reducer needs besides what is shown. */
export interface SyncMachine {
  status: SyncStatus;
  active: ReadonlySet<SyncedCollection>;
  pendingBy: Readonly<Partial<Record<SyncedCollection, number>>>;
  online: boolean;
  paused: boolean;
}

export const INITIAL_SYNC_MACHINE: SyncMachine = { status: INITIAL_SYNC_STATUS, active: new Set(), pendingBy: {}, online: true, paused: false };

/** Pure transition of the sync state on one event (replication streams and connectivity feed it). */
export function reduceSync(m: SyncMachine, e: SyncEvent): SyncMachine {
  switch (e.type) {
    case 'connectivity':
      return withPhase({ ...m, online: e.online }, e.online ? { kind: 'connecting' } : { kind: 'offline' });
    case 'paused':
      return withPhase({ ...m, paused: true }, { kind: 'paused' });
    case 'resumed':
      return withPhase({ ...m, paused: false }, { kind: 'connecting' });
    case 'active': {
      const active = new Set(m.active);
      if (e.active) active.add(e.collection);
      else active.delete(e.collection);
      const next = { ...m, active };
      if (!m.online || m.paused) return next;
      if (active.size > 0 && m.status.phase.kind !== 'syncing') return withPhase(next, { kind: 'syncing', done: 0, total: 0 });
      return next;
    }
    case 'progress':
      if (!m.online || m.paused) return m;
      return withPhase(m, { kind: 'syncing', done: e.done, total: e.total });
    case 'pending': {
      const pendingBy = { ...m.pendingBy, [e.collection]: e.count };
      const pending = Object.values(pendingBy).reduce((a, b) => a + (b ?? 0), 0);
      return { ...m, pendingBy, status: { ...m.status, pending } };
    }
    case 'error': {
      const errors = [...m.status.errors, { at: e.at, collection: e.collection, reason: e.reason === 'unauthorized' ? ('forbidden' as const) : e.reason, detail: e.detail }].slice(-MAX_ERRORS);
      const phase: SyncPhase = e.reason === 'unauthorized' ? { kind: 'unauthorized' } : { kind: 'error', reason: e.reason, detail: e.detail };
      return { ...m, status: { ...m.status, phase, errors } };
    }
    case 'idle':
      if (!m.online) return withPhase(m, { kind: 'offline' });
      if (m.paused) return withPhase(m, { kind: 'paused' });
      if (m.active.size > 0) return m;
      return { ...m, status: { ...m.status, phase: { kind: 'upToDate' }, lastSyncAt: e.at } };
  }
}

function withPhase(m: SyncMachine, phase: SyncPhase): SyncMachine {
  return { ...m, status: { ...m.status, phase } };
}

/** Exponential backoff for retries: 1 s, 2 s, 4 s … capped at 60 s. */
export function retryDelay(failures: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
}
