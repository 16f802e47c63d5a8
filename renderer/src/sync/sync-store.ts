import { create } from 'zustand';
import { INITIAL_SYNC_MACHINE, reduceSync, type SyncEvent, type SyncStatus } from '@shared/domain/sync-state';

interface SyncStore {
  machine: typeof INITIAL_SYNC_MACHINE;
  /** Whether this installation has a server and a signed-in user (else sync is simply off). */
  enabled: boolean;
  /** The team server user this device syncs as (signed in or with a stored password), else null. */
  user: string | null;
  dispatch(event: SyncEvent): void;
  setEnabled(enabled: boolean): void;
}

/** What the sync indicator shows; fed by the replication streams and main's connectivity events. */
export const useSyncStore = create<SyncStore>((set) => ({
  machine: INITIAL_SYNC_MACHINE,
  enabled: false,
  user: null,
  dispatch: (event) => set((s) => ({ machine: reduceSync(s.machine, event) })),
  setEnabled: (enabled) => set({ enabled }),
}));

export const useSyncStatus = (): SyncStatus & { enabled: boolean } => {
  const status = useSyncStore((s) => s.machine.status);
  const enabled = useSyncStore((s) => s.enabled);
  return { ...status, enabled };
};
