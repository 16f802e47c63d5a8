import type { CarteiraDatabase } from '../db/types';
import { call, onBridgeEvent } from '../platform/bridge';
import { bridgeFetch } from './bridge-fetch';
import { startTeamReplication, type TeamReplication } from './replication';
import { useSyncStore } from './sync-store';

/** How long the last push on quit may take before main closes anyway (main waits ~3 s too). */
const FLUSH_TIMEOUT_MS = 2500;

/**
 * Runs sync for the app's lifetime: starts replication when main reports a configured, signed-in
 * server; pauses when offline and re-syncs on reconnect or resume; pushes once more before quit.
 * Call `refresh()` after the user signs in or out.
 */
export function createSyncController(db: CarteiraDatabase) {
  const { dispatch, setEnabled } = useSyncStore.getState();
  let replication: TeamReplication | null = null;
  let starting: Promise<void> | null = null;

  async function stop(): Promise<void> {
    const current = replication;
    replication = null;
    await current?.cancel();
  }

  async function refresh(): Promise<void> {
    await starting;
    starting = (async () => {
      await stop();
      const status = await call('sync:status').catch(() => null);
      const ready = Boolean(status?.configured && status.url && status.team && (status.signedIn || status.credentialsStored));
      setEnabled(ready);
      // Edits are stamped with this name when the user set none in Settings (see author.ts).
      useSyncStore.setState({ user: status && (status.signedIn || status.credentialsStored) ? status.user : null });
      if (!ready || !status?.url || !status.team) return;
      if (status.connectivity === 'offline') dispatch({ type: 'connectivity', online: false });
      replication = await startTeamReplication({
        db, serverUrl: status.url, team: status.team, fetch: bridgeFetch,
        onEvent: (event) => {
          dispatch(event);
          // Retrying cannot fix a refused session: stop until the user signs in again.
          if (event.type === 'error' && event.reason === 'unauthorized') void replication?.pause();
        },
      });
    })();
    await starting;
  }

  const unsubscribers = [
    onBridgeEvent('sync:connectivity', ({ state }) => {
      if (state === 'offline') {
        dispatch({ type: 'connectivity', online: false });
        void replication?.pause();
      } else {
        dispatch({ type: 'connectivity', online: true });
        if (replication) void replication.resume().then(() => replication?.reSync());
        else void refresh();
      }
    }),
    onBridgeEvent('sync:flush', () => {
      const done = replication ? Promise.race([replication.awaitInSync(), new Promise((r) => setTimeout(r, FLUSH_TIMEOUT_MS))]) : Promise.resolve();
      void done.finally(() => call('sync:flushed').catch(() => undefined));
    }),
  ];

  useSyncStore.setState({ refresh });
  return {
    refresh,
    async dispose() {
      unsubscribers.forEach((u) => u());
      await stop();
    },
  };
}
