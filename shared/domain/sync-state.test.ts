import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_MACHINE, reduceSync, retryDelay, SERVER_FAILURES_BEFORE_ERROR, type SyncEvent } from './sync-state';

const run = (...events: SyncEvent[]) => events.reduce(reduceSync, INITIAL_SYNC_MACHINE).status;

describe('sync state', () => {
  it('goes connecting → syncing (n of m) → up to date, with the time of the last good sync', () => {
    expect(run().phase).toEqual({ kind: 'connecting' });
    expect(run({ type: 'active', collection: 'accounts', active: true }, { type: 'progress', done: 10, total: 40 }).phase).toEqual({
      kind: 'syncing',
      done: 10,
      total: 40,
    });
    const done = run(
      { type: 'active', collection: 'accounts', active: true },
      { type: 'active', collection: 'accounts', active: false },
      { type: 'idle', at: 1234 },
    );
    expect(done.phase).toEqual({ kind: 'upToDate' });
    expect(done.lastSyncAt).toBe(1234);
  });

  it('stays syncing while any collection is still active', () => {
    const s = run(
      { type: 'active', collection: 'accounts', active: true },
      { type: 'active', collection: 'contacts', active: true },
      { type: 'active', collection: 'accounts', active: false },
      { type: 'idle', at: 1 },
    );
    expect(s.phase.kind).toBe('syncing');
  });

  it('shows offline, keeps the pending count, and reconnects', () => {
    const s = run(
      { type: 'pending', collection: 'accounts', count: 3 },
      { type: 'pending', collection: 'activities', count: 2 },
      { type: 'connectivity', online: false },
      { type: 'idle', at: 5 },
    );
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
    const many = run(
      ...Array.from({ length: 30 }, (_, i) => ({ type: 'error' as const, collection: null, reason: 'unreachable' as const, detail: String(i), at: i })),
    );
    expect(many.errors).toHaveLength(20);
    expect(many.errors.at(-1)?.detail).toBe('29');
  });

  describe('a server out of reach is the offline state, not an error', () => {
    const unreachable = (at: number, collection: 'accounts' | 'activities' = 'accounts'): SyncEvent => ({
      type: 'error',
      collection,
      reason: 'unreachable',
      detail: 'Failed to fetch',
      at,
    });
    const synced: SyncEvent[] = [
      { type: 'active', collection: 'accounts', active: true },
      { type: 'active', collection: 'accounts', active: false },
      { type: 'idle', at: 1000 },
    ];

    it('maps network errors to offline, keeping the pending count and the time of the last good sync', () => {
      const s = run(
        ...synced,
        { type: 'pending', collection: 'accounts', count: 2 },
        { type: 'pending', collection: 'activities', count: 1 },
        unreachable(2000),
        unreachable(3000, 'activities'),
      );
      expect(s.phase).toEqual({ kind: 'offline' });
      expect(s.pending).toBe(3);
      expect(s.lastSyncAt).toBe(1000);
    });

    it('stays offline while a push retries against no server, and while other collections fall quiet', () => {
      const s = run(
        ...synced,
        unreachable(2000),
        // A local edit starts a push that keeps failing inside its task (RxDB retries it there).
        { type: 'pending', collection: 'accounts', count: 1 },
        { type: 'active', collection: 'accounts', active: true },
        unreachable(2500),
        { type: 'error', collection: 'accounts', reason: 'timeout', detail: 'timeout', at: 2600 },
        { type: 'idle', at: 2700 },
      );
      expect(s.phase).toEqual({ kind: 'offline' });
      expect(s.pending).toBe(1);
      expect(s.lastSyncAt).toBe(1000);
    });

    it('is offline too when main says so, even after replication paused because of it', () => {
      expect(run(...synced, { type: 'connectivity', online: false }, { type: 'paused' }, { type: 'idle', at: 5000 }).phase).toEqual({ kind: 'offline' });
    });

    it('recovers to up to date once the server answers again', () => {
      const pushed = run(
        ...synced,
        { type: 'pending', collection: 'accounts', count: 1 },
        { type: 'active', collection: 'accounts', active: true },
        unreachable(2000),
        // The push went through: pending back to 0, the task ended, the collection is idle.
        { type: 'pending', collection: 'accounts', count: 0 },
        { type: 'active', collection: 'accounts', active: false },
        { type: 'idle', at: 9000 },
      );
      expect(pushed.phase).toEqual({ kind: 'upToDate' });
      expect(pushed.pending).toBe(0);
      expect(pushed.lastSyncAt).toBe(9000);
      // Main's probe reaching the server again: the controller resumes, then the re-sync ends up to date.
      const probed = run(...synced, { type: 'connectivity', online: false }, { type: 'paused' }, { type: 'connectivity', online: true }, { type: 'resumed' });
      expect(probed.phase).toEqual({ kind: 'connecting' });
      expect(
        run(...synced, unreachable(2000), { type: 'connectivity', online: true }, { type: 'resumed' }, ...synced.slice(0, 2), { type: 'idle', at: 7000 }).phase,
      ).toEqual({ kind: 'upToDate' });
    });
  });

  describe('errors are only what needs someone to act', () => {
    const serverError = (at: number, collection: 'accounts' | 'contacts' = 'accounts'): SyncEvent => ({
      type: 'error',
      collection,
      reason: 'server_error',
      detail: 'status 503',
      at,
    });

    it('shows a server error only after several failures in a row of one collection', () => {
      const base: SyncEvent[] = [
        { type: 'active', collection: 'accounts', active: true },
        { type: 'active', collection: 'accounts', active: false },
        { type: 'idle', at: 1 },
      ];
      const failures = Array.from({ length: SERVER_FAILURES_BEFORE_ERROR }, (_, i) => serverError(10 + i));
      expect(SERVER_FAILURES_BEFORE_ERROR).toBeGreaterThan(1);
      expect(run(...base, ...failures.slice(0, -1)).phase).toEqual({ kind: 'upToDate' });
      expect(run(...base, ...failures).phase).toEqual({ kind: 'error', reason: 'server_error', detail: 'status 503' });
      // Failures spread over collections, each answered in between, are not a streak.
      expect(
        run(
          ...base,
          serverError(10),
          { type: 'active', collection: 'accounts', active: true },
          { type: 'active', collection: 'accounts', active: false },
          serverError(11),
          serverError(12, 'contacts'),
          { type: 'idle', at: 13 },
        ).phase,
      ).toEqual({ kind: 'upToDate' });
      // Another collection falling quiet does not hide a streak that goes on.
      expect(
        run(
          ...base,
          ...failures,
          { type: 'active', collection: 'contacts', active: true },
          { type: 'active', collection: 'contacts', active: false },
          { type: 'idle', at: 20 },
        ).phase.kind,
      ).toBe('error');
      // The failing collection answering again ends it.
      expect(
        run(
          ...base,
          ...failures,
          { type: 'active', collection: 'accounts', active: true },
          { type: 'active', collection: 'accounts', active: false },
          { type: 'idle', at: 30 },
        ).phase,
      ).toEqual({ kind: 'upToDate' });
    });

    it('keeps a missing or forbidden database an error while the other collections sync, until it replicates', () => {
      const missing: SyncEvent = { type: 'error', collection: 'deals', reason: 'missing_database', detail: 'acme-deals', at: 1 };
      const others: SyncEvent[] = [
        { type: 'active', collection: 'accounts', active: true },
        { type: 'active', collection: 'accounts', active: false },
        { type: 'idle', at: 2 },
      ];
      const s = run(missing, ...others);
      expect(s.phase).toEqual({ kind: 'error', reason: 'missing_database', detail: 'acme-deals' });
      expect(s.lastSyncAt).toBe(2);
      expect(
        run(
          missing,
          ...others,
          { type: 'active', collection: 'deals', active: true },
          { type: 'active', collection: 'deals', active: false },
          { type: 'idle', at: 3 },
        ).phase,
      ).toEqual({ kind: 'upToDate' });
      // Out of reach still reads as offline: nothing can be fixed before the server answers.
      expect(run(missing, { type: 'connectivity', online: false }).phase).toEqual({ kind: 'offline' });
    });

    it('shows a rejected document (an unexpected answer) as an error at once', () => {
      expect(
        run(
          { type: 'active', collection: 'accounts', active: true },
          { type: 'error', collection: 'accounts', reason: 'unknown', detail: 'SNH forbidden', at: 1 },
        ).phase,
      ).toEqual({ kind: 'error', reason: 'unknown', detail: 'SNH forbidden' });
    });

    it('keeps "sign in again" through the pause that follows it and through going offline, until replication works again', () => {
      const refused: SyncEvent[] = [
        { type: 'error', collection: 'accounts', reason: 'unauthorized', detail: '401', at: 1 },
        { type: 'paused' },
        { type: 'idle', at: 2 },
      ];
      expect(run(...refused).phase).toEqual({ kind: 'unauthorized' });
      expect(run(...refused, { type: 'connectivity', online: false }).phase).toEqual({ kind: 'unauthorized' });
      expect(run(...refused).lastSyncAt).toBe(0);
      // Signed in again: a new replication starts its tasks and ends up to date.
      expect(
        run(
          ...refused,
          { type: 'active', collection: 'accounts', active: true },
          { type: 'active', collection: 'accounts', active: false },
          { type: 'idle', at: 3 },
        ).phase,
      ).toEqual({ kind: 'upToDate' });
    });
  });

  it('backs off exponentially up to a minute', () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });
});
