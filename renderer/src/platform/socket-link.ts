import type { IpcEnvelope } from '../../../shared/ipc';
import { errorMessage } from '@shared/error-message';

/**
 * One WebSocket to the web host carrying many calls at once, matched to their answers by id
 * (answers come back in completion order). Protocol: electron/web-host/socket-bridge.ts.
 */

/** The slice of WebSocket the link uses (typed locally so this file also runs under Node with `ws`). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  // `never` parameters: the link only assigns these, and so both the DOM's and ws's sockets fit.
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The host closes the socket on a frame over this (its DEFAULT_MAX_MESSAGE_BYTES); keep the two equal. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface SocketLinkOptions {
  /** ws:// or wss:// address of the host's socket. */
  url: string;
  WebSocket?: WebSocketConstructor;
  onEvent: (event: string, payload: unknown) => void;
  /** Reconnect after a drop even with no call waiting (someone listens for events). */
  keepAlive: () => boolean;
  /** Waits before the n-th consecutive reconnect; the last entry repeats. */
  retryDelaysMs?: readonly number[];
}

export interface SocketLink {
  request(channel: string, args: unknown[]): Promise<IpcEnvelope<unknown>>;
  /** Opens the socket if it is not open or opening (after the backoff, if one is running). */
  connect(): void;
  /** Closes for good: pending and later calls fail as unreachable. */
  close(): void;
}

const DEFAULT_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

export function createSocketLink({ url, WebSocket: Impl, onEvent, keepAlive, retryDelaysMs = DEFAULT_RETRY_DELAYS_MS }: SocketLinkOptions): SocketLink {
  const pending = new Map<number, (envelope: IpcEnvelope<unknown>) => void>();
  /** Frames written before the socket opened; sent on open, dropped (their calls failed) on close. */
  let outbox: string[] = [];
  let socket: WebSocketLike | undefined;
  let isOpen = false;
  let nextId = 1;
  let failures = 0;
  let notBefore = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  function connect(): void {
    if (closed || socket || retryTimer !== undefined) return;
    const wait = notBefore - Date.now();
    if (wait > 0) {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        connect();
      }, wait);
      return;
    }
    const Ctor = Impl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    let ws: WebSocketLike;
    try {
      if (!Ctor) throw new Error('WebSocket is not available');
      ws = new Ctor(url);
    } catch (error) {
      return lost(errorMessage(error));
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      isOpen = true;
      failures = 0;
      const frames = outbox;
      outbox = [];
      for (const frame of frames) ws.send(frame);
    };
    ws.onmessage = (event: { data: unknown }) => {
      if (socket === ws) receive(event.data);
    };
    // A failed connection fires error, then close; close alone does the bookkeeping.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      lost(isOpen ? 'The connection to the web host closed' : 'Could not connect to the web host');
    };
  }

  /** The socket is gone: its calls fail as unreachable (outcome unknown, like a network error), then back off. */
  function lost(message: string): void {
    socket = undefined;
    isOpen = false;
    outbox = [];
    failures++;
    notBefore = Date.now() + (retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? 0);
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(failure('unreachable', message));
    if (keepAlive()) connect();
  }

  function receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, envelope, event, payload } = message as Record<string, unknown>;
    if (typeof id === 'number') {
      const resolve = pending.get(id);
      pending.delete(id);
      // A malformed answer still settles its call rather than leave it waiting forever.
      resolve?.(isEnvelope(envelope) ? envelope : failure('internal', 'Unexpected response from the web host'));
    } else if (typeof event === 'string') {
      onEvent(event, payload);
    }
  }

  return {
    request(channel, args) {
      if (closed) return Promise.resolve(failure('unreachable', 'The web bridge is closed'));
      const id = nextId++;
      let frame: string;
      try {
        frame = JSON.stringify({ id, channel, args });
      } catch (error) {
        return Promise.resolve(failure('invalid_arguments', errorMessage(error)));
      }
      // The host would close the socket on an oversized frame, failing every other call with it.
      if (utf8Length(frame) > MAX_MESSAGE_BYTES) {
        return Promise.resolve(failure('payload_too_large', `Message over ${MAX_MESSAGE_BYTES} bytes`));
      }
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket && isOpen) socket.send(frame);
        else {
          outbox.push(frame);
          connect();
        }
      });
    },
    connect,
    close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      const ws = socket;
      if (ws) {
        lost('The web bridge is closed');
        ws.close(1000, 'Bridge closed');
      }
    },
  };
}

/** Exact only when it matters: a string of n UTF-16 units takes at most 3n bytes. */
function utf8Length(text: string): number {
  return text.length * 3 <= MAX_MESSAGE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function failure(code: string, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}

function isEnvelope(value: unknown): value is IpcEnvelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error?.code === 'string';
}
