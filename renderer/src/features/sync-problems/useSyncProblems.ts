import { useEffect, useState } from 'react';
import { syncProblemStore, type SyncProblem } from '../../sync/sync-problems-store';

/** The device's sync problems newest first, refreshed on every change; undefined while loading. */
export function useSyncProblems(): SyncProblem[] | undefined {
  const [problems, setProblems] = useState<SyncProblem[] | undefined>(undefined);
  useEffect(() => {
    const store = syncProblemStore();
    let alive = true;
    const load = () => {
      void store.list().then(
        (list) => {
          if (alive) setProblems(list.sort((a, b) => b.at - a.at));
        },
        () => {
          if (alive) setProblems([]);
        },
      );
    };
    load();
    const unsubscribe = store.subscribe(load);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return problems;
}

/** How many sync problems the device has, for links to the screen (0 while loading). */
export function useSyncProblemCount(): number {
  return useSyncProblems()?.length ?? 0;
}
