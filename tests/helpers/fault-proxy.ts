import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy between a test device and the CouchDB test server, to break the network the
 * way real networks break (DESIGN §6). Everything here happens on the wire, below `fetch`:
 *
 * TCP level (any bytes):
 *  - `down`: new connections are reset at once and established ones are cut (server crash, cable pulled);
 *  - `latency`: every chunk, both ways, is held for some milliseconds.
 *
 * HTTP aware (the proxy reads each request's head to find request boundaries; one request at a
 * time per connection, as undici's fetch sends them), for the next K requests matching a pattern:
 *  - `reset-request`: forward only the first N bytes of the request, then reset (server sees half a request);
 *  - `reset-response`: forward the whole request, reset after N bytes of the response (the server
 *    acted — e.g. wrote a push — but the client never hears the answer);
 *  - `delay`: hold the request for some milliseconds before forwarding it;
 *  - `status`: answer a status (500, 401, …) itself, never reaching the server;
 *  - `truncated-json`: answer 200 with a JSON body cut in the middle (Content-Length matches the cut body);
 *  - `malformed-json`: answer 200 with a body that is not JSON (e.g. an intermediary's HTML page).
 * Faulted answers close the connection, so the request boundaries stay simple.
 */
export type HttpFault =
  | { kind: 'reset-request'; afterBytes: number }
  | { kind: 'reset-response'; afterBytes: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'truncated-json' }
  | { kind: 'malformed-json' };

export interface FaultRule {
  /** Matched against the request target (path and query), e.g. /_bulk_docs/. */
  match: RegExp;
  method?: string;
  /** How many matching requests get the fault; later ones pass. */
  times: number;
  fault: HttpFault;
}

export interface FaultHandle {
  /** Requests that got this fault so far. */
  readonly hits: number;
}

export interface ProxiedRequest {
  method: string;
  target: string;
  fault?: HttpFault['kind'];
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`, the server as the device sees it. */
  readonly url: string;
  /** Every request head the proxy saw, in order (also those it faulted). */
  readonly requests: readonly ProxiedRequest[];
  down(): void;
  up(): void;
  isDown(): boolean;
  setLatency(ms: number): void;
  inject(rule: FaultRule): FaultHandle;
  clearFaults(): void;
  /** Closes the listener and every socket, both sides. Safe to call twice. */
  stop(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const requests: ProxiedRequest[] = [];
  let rules: (FaultRule & { hits: number })[] = [];
  let isDown = false;
  let latency = 0;
  let stopped = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset peer is part of the game here; an unhandled 'error' would crash the test process.
    socket.on('error', () => {});
  };

  /** A reset after N bytes applies only to requests longer than N bytes, so every hit really cuts one. */
  const takeFault = (method: string, requestTarget: string, requestBytes: number): HttpFault | undefined => {
    const rule = rules.find(
      (r) =>
        r.hits < r.times &&
        r.match.test(requestTarget) &&
        (!r.method || r.method === method) &&
        (r.fault.kind !== 'reset-request' || requestBytes > r.fault.afterBytes),
    );
    if (!rule) return undefined;
    rule.hits += 1;
    return rule.fault;
  };

  const server: Server = createServer((client) => {
    track(client);
    if (isDown || stopped) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect({ host: hostname, port: Number(port) });
    track(upstream);
    const kill = () => {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());

    // Chunks are handled strictly in order, each direction on its own chain, so delays keep order.
    let clientChain = Promise.resolve();
    let upstreamChain = Promise.resolve();
    let head = Buffer.alloc(0);
    let bodyLeft = 0;
    /** Bytes of the current request still allowed through before a reset (reset-request). */
    let requestBudget = Infinity;
    /** Bytes of the next response allowed through before a reset (reset-response). */
    let responseBudget = Infinity;
    /** A fault answered by the proxy itself, sent once the request body has been read. */
    let answer: Buffer | undefined;
    let detached = false;

    const forward = (bytes: Buffer) => {
      if (bytes.length === 0 || detached) return;
      if (bytes.length > requestBudget) {
        upstream.write(bytes.subarray(0, requestBudget));
        detached = true;
        // Let the partial request reach the server before cutting both sides.
        setTimeout(kill, 20);
        return;
      }
      if (requestBudget !== Infinity) requestBudget -= bytes.length;
      upstream.write(bytes);
    };

    const answerNow = () => {
      if (!answer) return;
      detached = true;
      upstream.destroy();
      client.end(answer);
      answer = undefined;
    };

    const onClientBytes = async (chunk: Buffer) => {
      let rest = chunk;
      while (rest.length > 0 && !detached) {
        if (bodyLeft > 0) {
          const part = rest.subarray(0, bodyLeft);
          rest = rest.subarray(part.length);
          bodyLeft -= part.length;
          if (answer) {
            if (bodyLeft === 0) answerNow();
          } else forward(part);
          continue;
        }
        head = Buffer.concat([head, rest]);
        const end = head.indexOf(HEAD_END);
        if (end < 0) {
          if (head.length > MAX_HEAD) kill();
          return;
        }
        const headBytes = head.subarray(0, end + HEAD_END.length);
        rest = head.subarray(end + HEAD_END.length);
        head = Buffer.alloc(0);
        const text = headBytes.toString('latin1');
        const [method = '', requestTarget = ''] = text.slice(0, text.indexOf('\r\n')).split(' ');
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
        if (/\r\ntransfer-encoding:\s*chunked/i.test(text)) {
          // Not needed by fetch with string bodies; failing loudly beats mis-framing requests.
          throw new Error('fault proxy: chunked request bodies are not supported');
        }
        bodyLeft = length ? Number(length[1]) : 0;
        const fault = takeFault(method, requestTarget, headBytes.length + bodyLeft);
        requests.push({ method, target: requestTarget, ...(fault ? { fault: fault.kind } : {}) });
        requestBudget = Infinity;
        switch (fault?.kind) {
          case 'delay':
            await sleep(fault.ms);
            break;
          case 'reset-request':
            requestBudget = fault.afterBytes;
            break;
          case 'reset-response':
            responseBudget = fault.afterBytes;
            break;
          case 'status':
            answer = httpResponse(fault.status, fault.body ?? JSON.stringify({ error: 'injected', reason: `status ${fault.status}` }));
            break;
          case 'truncated-json':
            answer = httpResponse(200, '{"results":[{"seq":"1","id":"trunc');
            break;
          case 'malformed-json':
            answer = httpResponse(200, '<html><body>502 Bad Gateway</body></html>');
            break;
          default:
            break;
        }
        if (answer) {
          if (bodyLeft === 0) answerNow();
          continue;
        }
        forward(headBytes);
      }
    };

    const onUpstreamBytes = (chunk: Buffer) => {
      if (detached) return;
      if (chunk.length > responseBudget) {
        client.write(chunk.subarray(0, responseBudget));
        detached = true;
        setTimeout(kill, 20);
        return;
      }
      if (responseBudget !== Infinity) responseBudget -= chunk.length;
      client.write(chunk);
    };

    client.on('data', (chunk: Buffer) => {
      clientChain = clientChain
        .then(async () => {
          if (latency > 0) await sleep(latency);
          await onClientBytes(chunk);
        })
        .catch(() => kill());
    });
    upstream.on('data', (chunk: Buffer) => {
      upstreamChain = upstreamChain.then(async () => {
        if (latency > 0) await sleep(latency);
        onUpstreamBytes(chunk);
      });
    });
    client.on('end', () => {
      clientChain = clientChain.then(() => {
        if (!detached) upstream.end();
      });
    });
    upstream.on('end', () => {
      upstreamChain = upstreamChain.then(() => {
        if (!detached) client.end();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no TCP address');

  const cutAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    down() {
      isDown = true;
      cutAll();
    },
    up() {
      isDown = false;
    },
    isDown: () => isDown,
    setLatency(ms) {
      latency = ms;
    },
    inject(rule) {
      const entry = { ...rule, hits: 0 };
      rules.push(entry);
      return {
        get hits() {
          return entry.hits;
        },
      };
    },
    clearFaults() {
      rules = [];
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cutAll();
      await closed;
    },
  };
}

function httpResponse(status: number, body: string): Buffer {
  const bytes = Buffer.from(body);
  const head = `HTTP/1.1 ${status} Injected\r\ncontent-type: application/json\r\ncontent-length: ${bytes.length}\r\nconnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), bytes]);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
