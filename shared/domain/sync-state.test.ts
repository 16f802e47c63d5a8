import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_MACHINE, reduceSync, retryDelay, type SyncEvent } from './sync-state';

const run = (...events: SyncEvent[]) => events.reduce(reduceSync, INITIAL_SYNC_MACHINE).status;

describe('sync state', () => {
  it('goes connecting → syncing (n of m) → up to date, with the time of the last good sync', () => {
    expect(run().phase).toEqual({ kind: 'connecting' });
    expect(run({ type: 'active', collection: 'accounts', active: true }, { type: 'progress', done: 10, total: 40 }).phase).toEqual({ kind: 'syncing', done: 10, total: 40 });
    const done = run({ type: 'active', collection: 'accounts', active: true }, { type: 'active', collection: 'accounts', active: false }, { type: 'idle', at: 1234 });
    expect(done.phase).toEqual({ kind: 'upToDate' });
    expect(done.lastSyncAt).toBe(1234);
  });

  it('stays syncing while any collection is still active', () => {
    const s = run({ type: 'active', collection: 'accounts', active: true }, { type: 'active', collection: 'contacts', active: true }, { type: 'active', collection: 'accounts', active: false }, { type: 'idle', at: 1 });
    expect(s.phase.kind).toBe('syncing');
  });

  it('shows offline, keeps the pending count, and reconnects', () => {
    const s = run({ type: 'pending', collection: 'accounts', count: 3 }, { type: 'pending', collection: 'activities', count: 2 }, { type: 'connectivity', online: false }, { type: 'idle', at: 5 });
    expect(s.phase).toEqual({ kind: 'offline' });
    expect(s.pending).toBe(5);
    expect(s.lastSyncAt).toBe(0);
    expect(run({ type: 'connectivity', online: false }, { type: 'connectivity', online: true }).phase).toEqual({ kind: 'connecting' });
  });

  it('reports errors and unauthorized, keeping a bounded error list', () => {
    const s = run({ type: 'error', collection: 'deals', reason: 'missing_database', detail: 'acme-deals', at: 1 });
    expect(s.phase).toEqual({ kind: 'error', reason: 'missing_database', detail: 'acme-deals' });
    expect(s.errors).toHaveLength(1);
    expect(run({ type: 'error', collection: null, reason: 'unauthorized', detail: '', at: 1 }).phase).toEqual({ kind: 'unauthorized' });
    const many = run(...Array.from({ length: 30 }, (_, i) => ({ type: 'error' as const, collection: null, reason: 'unreachable' as const, detail: String(i), at: i })));
    expect(many.errors).toHaveLength(20);
    expect(many.errors.at(-1)?.detail).toBe('29');
  });

  it('backs off exponentially up to a minute', () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});
