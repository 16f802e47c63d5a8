/**
 * The sandboxed preload. It may import only 'electron' and plain constants (a sandboxed preload
 * cannot require anything else at runtime); types come in as `import type` and vanish at build.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, IPC_EVENTS } from '../../shared/ipc/channels';
import type { CarteiraBridgeApi, IpcEnvelope } from '../../shared/ipc';

/** The slice of ipcRenderer the bridge uses, so the test can hand in a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const channels: ReadonlySet<string> = new Set(IPC_CHANNELS);
const events: ReadonlySet<string> = new Set(IPC_EVENTS);

/**
 * Builds `window.carteira`. Only contract channels and events pass, so a compromised renderer
 * cannot reach any other ipcMain listener, and listeners never get the IpcRendererEvent (whose
 * `sender` would hand the page ipcRenderer itself).
 */
export function createBridgeApi(ipc: IpcRendererLike): CarteiraBridgeApi {
  return Object.freeze({
    invoke(channel: string, ...args: unknown[]): Promise<IpcEnvelope<unknown>> {
      if (!channels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel ${String(channel)}` } });
      }
      return ipc.invoke(channel, ...args) as Promise<IpcEnvelope<unknown>>;
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!events.has(event)) throw new TypeError(`Unknown event ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  }) as CarteiraBridgeApi;
}

contextBridge.exposeInMainWorld('carteira', createBridgeApi(ipcRenderer as unknown as IpcRendererLike));
