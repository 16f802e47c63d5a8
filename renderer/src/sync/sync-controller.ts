import { INITIAL_SYNC_MACHINE } from '@shared/domain/sync-state';
import { databaseNameOf, LOCAL_SCOPE, scopeOfStatus, type DataScope } from '@shared/domain/data-scope';
import { isSampleDocument } from '@shared/sample-data/marker';
import type { CarteiraDatabase } from '../db/types';
import { call, onBridgeEvent } from '../platform/bridge';
import { isTransientSyncReason } from '@shared/domain/sync-state';
import { bridgeFetch } from './bridge-fetch';
import { startTeamReplication, type TeamReplication } from './replication';
import { useSyncStore } from './sync-store';

/** How long the last push on quit may take before main closes anyway (main waits ~3 s too). */
const FLUSH_TIMEOUT_MS = 2500;

/** The local database the app works in, and the (server, team) it belongs to. */
export interface ActiveDatabase {
  scope: DataScope;
  /** databaseNameOf(scope). */
  name: string;
  db: CarteiraDatabase;
}

export interface SyncControllerOptions {
  /** Opens (or creates) the local database of that name. */
  open(name: string): Promise<CarteiraDatabase>;
  /** A database became the active one (at the first refresh and after every switch): render it. */
  onOpened(active: ActiveDatabase): void;
  /** The active database is about to close: whatever renders it lets go of it now. */
  onClosing?(active: ActiveDatabase): void;
  /** The next database failed to open (the app has none open then): say so. */
  onOpenFailed?(error: unknown): void;
}

let restart: (() => Promise<void>) | null = null;

/**
 * Who restarts sync from main's current settings: the running controller (set when it is created,
 * cleared on dispose). A plain module slot rather than a function inside a zustand store.
 */
export function registerSyncRestart(next: () => Promise<void>): () => void {
  restart = next;
  return () => {
    if (restart === next) restart = null;
  };
}

/** Restarts sync after a sign-in, a sign-out or a server change; nothing to do before sync runs. */
export function restartSync(): Promise<void> {
  return restart ? restart() : Promise.resolve();
}

let switching = false;
/** True while one database closes and the next opens (what unmounts meanwhile is coming back). */
export const isSwitchingDatabase = (): boolean => switching;

/**
 * Runs the app's local database and its sync. Main's settings say which (server, team) is active
 * (sync:status); each has its own local database, and the no-server one is active while signed out
 * (shared/domain/data-scope.ts). On a change the running replication stops, the old database
 * closes (RxDB allows 13 collections per process: two full databases cannot be open at once) and
 * the other opens, with its own outbox, push checkpoints and conflict log, so nothing of one
 * database is ever pushed to another server or team. Replication pauses when offline, re-syncs on
 * reconnect or resume and pushes once more before quit. Call `refresh()` after the user signs in
 * or out, or changes server or team.
 */
export function createSyncController(options: SyncControllerOptions) {
  const { dispatch, setEnabled } = useSyncStore.getState();
  let active: ActiveDatabase | null = null;
  let replication: TeamReplication | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** The user paused sync from the tray (sync:command): replication stays paused until resumed, across restarts of it. */
  let paused = false;

  async function stop(): Promise<void> {
    const current = replication;
    replication = null;
    await current?.cancel();
  }

  async function activate(scope: DataScope): Promise<ActiveDatabase> {
    const name = databaseNameOf(scope);
    if (active?.name === name) return active;
    switching = true;
    try {
      const previous = active;
      if (previous) {
        active = null;
        options.onClosing?.(previous);
        await previous.db.close();
      }
      // The indicator's counts and errors were the old database's.
      useSyncStore.setState({ machine: INITIAL_SYNC_MACHINE });
      let db: CarteiraDatabase;
      try {
        db = await options.open(name);
      } catch (error) {
        options.onOpenFailed?.(error);
        throw error;
      }
      const next: ActiveDatabase = { scope, name, db };
      active = next;
      options.onOpened(next);
      return next;
    } finally {
      switching = false;
    }
  }

  async function run(): Promise<void> {
    await stop();
    const status = await call('sync:status').catch(() => null);
    // A pause from the tray outlives a reload and a restart: main keeps it.
    if (status?.paused) paused = true;
    // Main not answering says nothing about the team: stay where we are (no-server at boot).
    const scope = status ? scopeOfStatus(status) : (active?.scope ?? LOCAL_SCOPE);
    const current = await activate(scope);
    const ready = scope.kind === 'team' && status !== null && status.url !== null && status.team !== null;
    setEnabled(ready);
    // Edits are stamped with this name when the user set none in Settings (see author.ts).
    useSyncStore.setState({ user: status && (status.signedIn || status.credentialsStored) ? status.user : null });
    if (!ready || !status?.url || !status.team) return;
    if (status.connectivity === 'offline') dispatch({ type: 'connectivity', online: false });
    replication = await startTeamReplication({
      db: current.db,
      serverUrl: status.url,
      team: status.team,
      fetch: bridgeFetch,
      // Sample data lives only in the no-server database; should any reach a team's, it stays here.
      pushable: (doc) => !isSampleDocument(doc),
      onEvent: (event) => {
        dispatch(event);
        // Retrying cannot fix a refused session: stop until the user signs in again.
        if (event.type === 'error' && event.reason === 'unauthorized') void replication?.pause();
      },
    });
    if (paused) await replication.pause();
  }

  /** One refresh at a time, in order: a sign-in right after a sign-out ends in the signed-in state. */
  function refresh(): Promise<void> {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  const unsubscribers = [
    onBridgeEvent('sync:connectivity', ({ state }) => {
      if (state === 'offline') {
        dispatch({ type: 'connectivity', online: false });
        void replication?.pause();
      } else {
        dispatch({ type: 'connectivity', online: true });
        if (paused) return;
        // Collections that found no server when sync started never began replicating: start over.
        const missedStart = replication && [...replication.unavailable.values()].some(isTransientSyncReason);
        if (replication && !missedStart) void replication.resume().then(() => replication?.reSync());
        else void refresh().catch(() => undefined);
      }
    }),
    // The tray's commands (electron/main/tray.ts).
    onBridgeEvent('sync:command', ({ command }) => {
      if (command === 'syncNow') {
        if (!paused) void replication?.reSync();
      } else if (command === 'pause') {
        paused = true;
        void replication?.pause();
      } else if (paused) {
        paused = false;
        // Changes made while paused go out now, and the server's come in.
        if (replication) void replication.resume().then(() => replication?.reSync());
        else void refresh().catch(() => undefined);
      }
    }),
    onBridgeEvent('sync:flush', () => {
      const done = replication ? Promise.race([replication.awaitInSync(), new Promise((r) => setTimeout(r, FLUSH_TIMEOUT_MS))]) : Promise.resolve();
      void done.finally(() => call('sync:flushed').catch(() => undefined));
    }),
  ];

  const unregisterRestart = registerSyncRestart(refresh);
  return {
    refresh,
    /** The open database (null before the first refresh has opened one). */
    active: (): ActiveDatabase | null => active,
    /** Resolves when the running replication has pushed and pulled everything (tests, quit). */
    awaitInSync: async (): Promise<void> => replication?.awaitInSync(),
    async dispose() {
      unsubscribers.forEach((u) => u());
      unregisterRestart();
      await queue;
      await stop();
      await active?.db.close();
      active = null;
    },
  };
}
