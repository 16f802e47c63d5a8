import { create } from 'zustand';
import type { UpdateStatus } from '@shared/ipc';
import { call, onBridgeEvent } from '../../platform/bridge';

interface UpdateState {
  status: UpdateStatus | null;
  /** The version the user chose to install later: not asked again for it. */
  postponed: string | null;
  set(status: UpdateStatus): void;
  postpone(version: string): void;
}

/** The app's own update as main reports it (web mode: unsupported, never asks). */
export const useUpdateStore = create<UpdateState>((set) => ({
  status: null,
  postponed: null,
  set: (status) => set({ status }),
  postpone: (version) => set({ postponed: version }),
}));

/** Reads main's update status and follows its changes; returns the unsubscribe. */
export function watchUpdates(): () => void {
  // An event that arrives while the first read is on its way is newer than that read's answer.
  let heard = false;
  const stop = onBridgeEvent('update:changed', (status) => {
    heard = true;
    useUpdateStore.getState().set(status);
  });
  void call('update:status').then(
    (status) => {
      if (!heard) useUpdateStore.getState().set(status);
    },
    () => undefined,
  );
  return stop;
}
