import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { IpcEnvelope } from '../../shared/ipc';
import { checkSocketOrigin } from './request-guard';

/**
 * Why a WebSocket at all: RxDB keeps one `_changes` long-poll per collection open through
 * `sync:fetch`, and a browser allows only 6 HTTP/1.1 connections per host, so over `POST /ipc`
 * the long-polls starved every other call. One socket carries any number of calls at once.
 *
 * Protocol (JSON text frames), mirrored in renderer/src/platform/web-bridge.ts:
 *   client → host  `{ id, channel, args }`   id: a safe integer the client picks
 *   host → client  `{ id, envelope }`        in completion order, not request order
 *   host → client  `{ event, payload }`      IPC events, as on `GET /events`
 * A frame that is not such a request (binary, not JSON, wrong shape, over the size limit) closes
 * the socket: only a broken or hostile client sends one, and the renderer reconnects.
 */
export const SOCKET_PATH = '/ws';
/** The largest frame, like the /ipc/sync:fetch body limit (replication batches). */
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/** Close codes (RFC 6455 §7.4.1) the host uses; the client only needs to know the socket is gone. */
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_POLICY_VIOLATION = 1008;
const CLOSE_GOING_AWAY = 1001;

export interface SocketBridgeOptions {
  /** The host's bound port (known only after listen), for the Origin check. */
  port: () => number;
  /** Whether the upgrade carries this launch's cookie (web-session.ts); without it the upgrade gets 401. */
  authorized: (request: IncomingMessage) => boolean;
  /** Runs one call; never throws (shared/ipc/contract.ts `dispatch`). */
  dispatch: (channel: string, args: unknown) => Promise<IpcEnvelope<unknown>>;
  /** Per-channel size limit below the frame limit; a request over it gets `payload_too_large`. */
  maxBytesFor: (channel: string) => number;
  maxMessageBytes?: number;
  /** How often to ping; a socket that missed the previous pong is dropped (a laptop that slept). */
  heartbeatMs?: number;
}

export interface SocketBridge {
  /** The server's 'upgrade' handler: guards, then hands `/ws` to ws; anything else is refused. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Broadcasts an IPC event to every open socket. */
  send(event: string, payload: unknown): void;
  /** Closes every socket (host shutdown). */
  close(): void;
  readonly size: number;
}

interface SocketRequest {
  id: number;
  channel: string;
  args: unknown;
}

export function createSocketBridge({
  port,
  authorized,
  dispatch,
  maxBytesFor,
  maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
  heartbeatMs = 30_000,
}: SocketBridgeOptions): SocketBridge {
  // perMessageDeflate off: loopback needs no compression, and inflating is where size limits leak.
  const server = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();

  const heartbeat = setInterval(() => {
    for (const socket of server.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  server.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    // Oversized frames (ws closes with 1009 itself) and protocol errors end up here; nothing to do.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      alive.add(socket);
      const request = isBinary ? undefined : parseRequest(data);
      if (!request) {
        socket.close(isBinary ? CLOSE_UNSUPPORTED_DATA : CLOSE_POLICY_VIOLATION, 'Expected {id, channel, args}');
        return;
      }
      // Not awaited: every call runs concurrently, so a long-poll never holds up the next message.
      void answer(socket, request, byteLength(data));
    });
  });

  async function answer(socket: WebSocket, { id, channel, args }: SocketRequest, size: number): Promise<void> {
    const limit = maxBytesFor(channel);
    const envelope: IpcEnvelope<unknown> =
      size > limit ? { ok: false, error: { code: 'payload_too_large', message: `Message over ${limit} bytes` } } : await dispatch(channel, args);
    // The page may have gone while the call ran; its answer has nowhere to go.
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, envelope }));
  }

  return {
    handleUpgrade(request, socket, head) {
      const path = (request.url ?? '/').split('?', 1)[0];
      if (path !== SOCKET_PATH) return refuse(socket, 404, 'Not found');
      const verdict = checkSocketOrigin(request.headers, port());
      if (!verdict.ok) return refuse(socket, 403, verdict.reason);
      if (!authorized(request)) return refuse(socket, 401, 'Open the link npm run web printed in the terminal');
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    send(event, payload) {
      const text = JSON.stringify({ event, payload });
      for (const socket of server.clients) if (socket.readyState === socket.OPEN) socket.send(text);
    },
    close() {
      clearInterval(heartbeat);
      for (const socket of server.clients) socket.close(CLOSE_GOING_AWAY, 'Host stopping');
      // Sockets that do not finish the closing handshake promptly are cut, so shutdown never waits on a page.
      setTimeout(() => {
        for (const socket of server.clients) socket.terminate();
      }, 1000).unref();
      server.close();
    },
    get size() {
      return server.clients.size;
    },
  };
}

function parseRequest(data: RawData): SocketRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawText(data));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { id, channel, args } = parsed as Partial<Record<keyof SocketRequest, unknown>>;
  if (!Number.isSafeInteger(id) || typeof channel !== 'string') return undefined;
  // A missing or non-array `args` is left for the contract's tuple schema to reject precisely.
  return { id: id as number, channel, args: args ?? [] };
}

/** ws hands over a Buffer with the default binaryType; the other shapes are covered for completeness. */
function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}

/** Answers a refused upgrade with a plain HTTP status; the browser reports it as a failed connection. */
const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

function refuse(socket: Duplex, status: keyof typeof STATUS_TEXT, reason: string): void {
  const body = `${reason}\n`;
  const statusText = STATUS_TEXT[status];
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
  );
  socket.on('error', () => undefined);
}
