import type { ServerResponse } from 'node:http';

/** Pushes IPC events to every open `GET /events` (Server-Sent Events). */
export interface EventStream {
  /** Takes over a response and keeps it open until the client leaves or the stream closes. */
  attach(response: ServerResponse): void;
  send(event: string, payload: unknown): void;
  /** Ends every open stream (on host shutdown). */
  close(): void;
  readonly size: number;
}

export function createEventStream({ heartbeatMs = 20_000 }: { heartbeatMs?: number } = {}): EventStream {
  const clients = new Set<ServerResponse>();
  // Comments keep idle proxies and the browser from dropping a quiet connection.
  const heartbeat = setInterval(() => writeAll(': ping\n\n'), heartbeatMs);
  heartbeat.unref();

  function writeAll(chunk: string) {
    for (const client of clients) client.write(chunk);
  }

  return {
    attach(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      // `retry` makes EventSource reconnect quickly after the host restarts.
      response.write('retry: 2000\n: connected\n\n');
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    send(event, payload) {
      // JSON.stringify never emits raw newlines, so one data line always holds the whole payload.
      writeAll(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
    get size() {
      return clients.size;
    },
  };
}
