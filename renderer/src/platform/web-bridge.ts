import type { CarteiraBridgeApi, IpcEnvelope } from '../../../shared/ipc';
import type { IpcEventName } from '../../../shared/ipc-channels';

/** The slice of EventSource the bridge uses (typed locally so this file also compiles for Node tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}
export type EventSourceConstructor = new (url: string) => EventSourceLike;

export interface WebBridgeOptions {
  /** Origin of the web host; '' (same origin as the page) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: EventSourceConstructor;
}

/** Header the web host requires on /ipc (see electron/web-host/request-guard.ts). */
export const BRIDGE_HEADER = 'X-Carteira-Bridge';

/**
 * The browser stand-in for `window.carteira` in web mode: `invoke` is `POST /ipc/<channel>` with
 * `{args}`, events come from one shared EventSource on `/events`. Speaks the same envelopes.
 */
export function createWebBridge({ baseUrl = '', fetch: fetchImpl, EventSource: EventSourceImpl }: WebBridgeOptions = {}): CarteiraBridgeApi {
  const doFetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | undefined;
  const subscribed = new Set<string>();

  function ensureSubscribed(event: string): void {
    if (!source) {
      const Impl = EventSourceImpl ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
      if (!Impl) throw new Error('EventSource is not available');
      source = new Impl(`${baseUrl}/events`);
      subscribed.clear();
    }
    if (subscribed.has(event)) return;
    subscribed.add(event);
    source.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    });
  }

  return {
    async invoke(channel, ...args) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [BRIDGE_HEADER]: '1' },
          body: JSON.stringify({ args }),
          cache: 'no-store',
          credentials: 'same-origin',
        });
      } catch (error) {
        return failure('host_unreachable', error instanceof Error ? error.message : String(error));
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure(`http_${response.status}`, response.statusText || `HTTP ${response.status}`);
      }
      return isEnvelope(body) ? body : failure(`http_${response.status}`, 'Unexpected response from the web host');
    },
    on(event: IpcEventName, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // Wrapped so the same function can subscribe twice and unsubscribe each independently.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      ensureSubscribed(event);
      return () => {
        set.delete(entry);
        const remaining = [...listeners.values()].reduce((n, s) => n + s.size, 0);
        // No listeners left: drop the connection rather than keep a socket open for nothing.
        if (remaining === 0 && source) {
          source.close();
          source = undefined;
        }
      };
    },
  };
}

function failure(code: string, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}

function isEnvelope(value: unknown): value is IpcEnvelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error?.code === 'string';
}
