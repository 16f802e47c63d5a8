import type { CarteiraBridgeApi, IpcArgs, IpcChannel, IpcEventPayload, IpcResult } from '../../../shared/ipc';
import type { IpcEventName } from '../../../shared/ipc/channels';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    carteira?: CarteiraBridgeApi;
  }
}

/** A failed IPC call; `code` is one of IPC_ERROR_CODES or a handler's own (i18n key `errors.<code>`). */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string = code,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

let webBridge: CarteiraBridgeApi | undefined;

/** The preload's `window.carteira` inside Electron, else the HTTP bridge to the web-mode host. */
export function getBridge(): CarteiraBridgeApi {
  if (typeof window !== 'undefined' && window.carteira) return window.carteira;
  webBridge ??= createWebBridge();
  return webBridge;
}

/** True when running in a browser against the web-mode host rather than inside Electron. */
export function isWebMode(): boolean {
  return typeof window === 'undefined' || window.carteira === undefined;
}

/** Calls main with typed arguments and result; a failure envelope becomes a thrown BridgeError. */
export async function call<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  const envelope = await getBridge().invoke(channel, ...args);
  if (!envelope.ok) throw new BridgeError(envelope.error.code, envelope.error.message);
  return envelope.value as IpcResult<C>;
}

/** Subscribes to an event main pushes (e.g. settings:changed); returns the unsubscribe function. */
export function onBridgeEvent<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
  return getBridge().on(event, (payload) => listener(payload as IpcEventPayload<E>));
}

/** Test hook: forget the cached web bridge (e.g. after swapping fetch). */
export function resetBridgeForTests(): void {
  webBridge = undefined;
}
