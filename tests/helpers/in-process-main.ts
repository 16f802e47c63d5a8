import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type IpcServices } from '../../electron/ipc/handlers';
import { createMemoryCredentialStore, createSyncService, type SyncService } from '../../electron/services/sync';
import { dispatch, type CarteiraBridgeApi, type IpcArgs, type IpcChannel, type IpcResult } from '../../shared/ipc';

export interface InProcessMain {
  sync: SyncService;
  /** Calls main as the renderer's bridge does; a failure envelope throws with its code. */
  ipc<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>>;
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
  const bridge: CarteiraBridgeApi = { invoke: (channel, ...args) => dispatch(handlers, channel, args), on: () => () => {} };
  const g = globalThis as { window?: unknown };
  g.window = { carteira: bridge };
  return {
    sync,
    async ipc(channel, ...args) {
      const envelope = await dispatch(handlers, channel, args);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    close() {
      delete g.window;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
