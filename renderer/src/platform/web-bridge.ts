import type { CarteiraBridgeApi, IpcEnvelope } from '../../../shared/ipc';
import type { IpcEventName } from '../../../shared/ipc/channels';
import { createSocketLink, type SocketLinkOptions } from './socket-link';

export type { WebSocketConstructor, WebSocketLike } from './socket-link';

export interface WebBridgeOptions extends Omit<SocketLinkOptions, 'url' | 'onEvent' | 'keepAlive'> {
  /** Origin of the web host (http://127.0.0.1:5180); '' means the page's own origin, as in the browser. */
  baseUrl?: string;
}

/** The web bridge plus a way to let go of its socket (tests; the app keeps one for its lifetime). */
export type WebBridge = CarteiraBridgeApi & { close(): void };

/**
 * The browser stand-in for `window.carteira` in web mode: every `invoke` and every event travel
 * over one WebSocket to the host's `/ws` (see electron/web-host/socket-bridge.ts for why and for
 * the protocol). Speaks the same envelopes as Electron's IPC.
 */
export function createWebBridge({ baseUrl = '', ...linkOptions }: WebBridgeOptions = {}): WebBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);

  const link = createSocketLink({
    ...linkOptions,
    url: socketUrl(baseUrl),
    onEvent(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    // Events only arrive over an open socket, so while anyone listens the link reconnects by itself.
    keepAlive: hasListeners,
  });

  return {
    invoke(channel, ...args): Promise<IpcEnvelope<unknown>> {
      return link.request(channel, args);
    },
    on(event: IpcEventName, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // Wrapped so the same function can subscribe twice and unsubscribe each independently.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      link.connect();
      // The socket stays open after the last listener leaves: calls share it.
      return () => void set.delete(entry);
    },
    close: () => link.close(),
  };
}

/** http(s)://host:port → ws(s)://host:port/ws, from the page's own location when no base is given. */
export function socketUrl(baseUrl: string): string {
  const base = baseUrl || (globalThis as { location?: { href: string } }).location?.href;
  if (!base) throw new Error('No web host address: pass baseUrl outside a browser page');
  const url = new URL('/ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
