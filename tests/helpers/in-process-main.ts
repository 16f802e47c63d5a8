import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type IpcServices } from '../../electron/ipc/handlers';
import { createMemoryCredentialStore, createSyncService, type SyncService } from '../../electron/services/sync';
import { dispatch, type CarteiraBridgeApi, type IpcArgs, type IpcChannel, type IpcEventPayload, type IpcResult } from '../../shared/ipc';
import type { IpcEventName } from '../../shared/ipc/channels';

export interface InProcessMain {
  sync: SyncService;
  /** Calls main as the renderer's bridge does; a failure envelope throws with its code. */
  ipc<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>>;
  /** Sends an event to the renderer as main does (e.g. `sync:connectivity` when the network returns). */
  emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void;
  close(): void;
}

/**
 * Main's real sync service (settings file, session, the CouchDB proxy) behind the renderer's
 * bridge, in this Node process: `window.carteira` dispatches to the same handlers Electron and the
 * web host use, so the renderer's sync controller and bridge fetch run unchanged.
 */
export function installInProcessMain(): InProcessMain {
  const dir = mkdtempSync(join(tmpdir(), 'carteira-main-'));
  const sync = createSyncService({ dir, credentials: createMemoryCredentialStore(), timeouts: { signInMs: 5_000, probeMs: 2_000 } });
  // Only the sync handlers are called by what these tests run.
  const handlers = createHandlers({ sync } as unknown as IpcServices);
  const listeners = new Set<{ event: IpcEventName; listener: (payload: unknown) => void }>();
  const bridge: CarteiraBridgeApi = {
    invoke: (channel, ...args) => dispatch(handlers, channel, args),
    on: (event, listener) => {
      const entry = { event, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  const g = globalThis as { window?: unknown };
  g.window = { carteira: bridge };
  return {
    sync,
    async ipc(channel, ...args) {
      const envelope = await dispatch(handlers, channel, args);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    emit(event, payload) {
      for (const entry of [...listeners]) if (entry.event === event) entry.listener(payload);
    },
    close() {
      listeners.clear();
      delete g.window;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
