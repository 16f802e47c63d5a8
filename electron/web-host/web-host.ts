import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type IpcEnvelope } from '../../shared/ipc';
import { rendererResponseHeaders } from '../main/csp';
import { createHandlers, forwardIpcEvents, type IpcServices } from '../ipc/handlers';

import { createAppInfoService } from '../services/app-info';
import { createBackupFilesService } from '../services/backup';
import { createExportFilesService } from '../services/export-files';
import { createExternalLinksService } from '../services/external-links';
import { createNotificationsService } from '../services/notifications';
import { createUpdateService } from '../services/updater';
import { createSettingsService } from '../services/settings';
import { createMemoryCredentialStore, createSyncService } from '../services/sync';
import { readStaticFile } from '../services/static-files';
import { createEventStream } from './event-stream';
import { createSocketBridge } from './socket-bridge';
import { checkBridgeHeader, checkOrigin } from './request-guard';
import { unauthorizedPage, type SessionProblem } from './unauthorized-page';
import { checkGivenToken, cookieName, generateToken, hasSessionCookie, readTokenInUrl, sessionCookie, TOKEN_PARAM } from './web-session';

/** Loopback only: web mode is for the person at this machine, never the network. */
const BIND_ADDRESS = '127.0.0.1';
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** sync:fetch carries replication batches (push batchSize ≥ 1000 documents, DESIGN.md §5). */
const DEFAULT_MAX_SYNC_BODY_BYTES = 32 * 1024 * 1024;
const SYNC_FETCH_CHANNEL = 'sync:fetch';
/** export:save carries a whole exported file (up to EXPORT_MAX_BYTES, base64) before the host answers "download it". */
const EXPORT_SAVE_CHANNEL = 'export:save';
const DEFAULT_MAX_EXPORT_BODY_BYTES = 24 * 1024 * 1024;
/** Channels whose bodies may exceed maxBodyBytes, and their own limit. */
function bodyLimitFor(channel: string, limits: { body: number; sync: number; export: number }): number {
  if (channel === SYNC_FETCH_CHANNEL || channel === encodeURIComponent(SYNC_FETCH_CHANNEL)) return limits.sync;
  if (channel === EXPORT_SAVE_CHANNEL || channel === encodeURIComponent(EXPORT_SAVE_CHANNEL)) return limits.export;
  return limits.body;
}

export interface WebHostOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Where settings.json (and later other user data) lives. */
  dataDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Largest accepted /ipc body; larger ones get 413. */
  maxBodyBytes?: number;
  /** The same for /ipc/sync:fetch, whose bodies are replication batches. */
  maxSyncBodyBytes?: number;
  /** The same for export:save, whose body is a whole exported file. */
  maxExportBodyBytes?: number;
  /** Replaces the services built from dataDir (tests); the caller then starts and stops them. */
  services?: IpcServices;
  /** The secret of the printed link (CARTEIRA_WEB_TOKEN); a random one for this launch when not given. */
  token?: string;
}

/** A running web-mode host. */
export interface WebHost {
  /** What to open in the browser, with this launch's secret: e.g. http://127.0.0.1:5180/?token=… */
  url: string;
  /** The address without the secret, e.g. http://127.0.0.1:5180 (the page's Origin; base for paths). */
  origin: string;
  /** The secret in `url`. */
  token: string;
  /** `name=value` a client that is not a browser (a test, a script) sends as its Cookie header. */
  cookie: string;
  close(): Promise<void>;
}

/**
 * Web mode: serves the renderer and answers the same IPC contract, wired to the same services as
 * Electron. The renderer uses one WebSocket on `/ws` for calls and events (socket-bridge.ts: a
 * browser's 6-connections-per-host cap would otherwise let sync long-polls starve other calls);
 * `POST /ipc/<channel>` with `{args}` and `GET /events` (Server-Sent Events) stay for tools and tests.
 * Every request but the "open the link from the terminal" page needs this launch's cookie
 * (web-session.ts): Origin and Host checks stop other web pages, the cookie stops other programs.
 */
export async function startWebHost({
  port,
  dataDir,
  rendererDir,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  maxSyncBodyBytes = DEFAULT_MAX_SYNC_BODY_BYTES,
  maxExportBodyBytes = DEFAULT_MAX_EXPORT_BODY_BYTES,
  services,
  token: givenToken,
}: WebHostOptions): Promise<WebHost> {
  const token = givenToken === undefined ? generateToken() : checkGivenToken(givenToken);
  const ipcServices = services ?? {
    appInfo: createAppInfoService({ name: 'Carteira', version: packageVersion(), mode: 'web', userDataDir: dataDir }),
    settings: createSettingsService({ dir: dataDir }),
    // No OS keychain reachable from here: the password lives in this process only (status says so).
    // No OS network events either: the watcher just probes the server.
    sync: createSyncService({ dir: dataDir, credentials: createMemoryCredentialStore() }),
    // The host cannot reach the browser's mail/phone handlers, notification area or downloads: these
    // check their arguments and answer "not here", and the renderer does the rest in the page.
    externalLinks: createExternalLinksService(),
    notifications: createNotificationsService(),
    exportFiles: createExportFilesService(),
    backupFiles: createBackupFilesService(),
    // The browser loads whatever this host serves: nothing to update here.
    update: createUpdateService(),
  };
  const limits = { body: maxBodyBytes, sync: maxSyncBodyBytes, export: maxExportBodyBytes };
  if (!services) ipcServices.sync.start();
  const handlers = createHandlers(ipcServices);
  const events = createEventStream();
  let boundPort = port;
  const sockets = createSocketBridge({
    port: () => boundPort,
    dispatch: (channel, args) => dispatch(handlers, channel, args),
    // The same limits as the HTTP bodies, so a call is accepted or refused alike on either path.
    maxBytesFor: (channel) => bodyLimitFor(channel, limits),
    maxMessageBytes: Math.max(maxSyncBodyBytes, maxExportBodyBytes),
    authorized: (request) => hasSessionCookie(request.headers, boundPort, token),
  });
  const stopForwarding = forwardIpcEvents(ipcServices, (event, payload) => {
    events.send(event, payload);
    sockets.send(event, payload);
  });

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('web host: request failed', error);
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'Internal error'));
      else response.destroy();
    });
  });

  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Every answer, the event stream and the 401 page included: no other page may frame them.
    response.setHeader('X-Frame-Options', 'DENY');
    const origin = checkOrigin(request.headers, boundPort);
    if (!origin.ok) return sendJson(response, 403, failure('forbidden_sender', origin.reason));
    const rawUrl = request.url ?? '/';
    const path = rawUrl.split('?', 1)[0] ?? '/';
    const isApi = path.startsWith('/ipc/') || path === '/events';

    // The printed link: trade its token for the cookie and drop it from the address bar and history.
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      const inUrl = readTokenInUrl(rawUrl, token);
      if (inUrl.kind === 'valid') return redirectWithCookie(response, inUrl.location);
      if (inUrl.kind === 'wrong') return sendUnauthorizedPage(request, response, 'wrong');
    }
    if (!hasSessionCookie(request.headers, boundPort, token)) {
      if (isApi) return sendJson(response, 401, failure('web_session_required', 'Open the link npm run web printed in the terminal'));
      return sendUnauthorizedPage(request, response, 'missing');
    }

    if (path.startsWith('/ipc/')) {
      if (request.method !== 'POST') return sendJson(response, 405, failure('method_not_allowed', 'Use POST'), { Allow: 'POST' });
      const bridge = checkBridgeHeader(request.headers);
      if (!bridge.ok) return sendJson(response, 403, failure('forbidden_sender', bridge.reason));
      return answerIpc(request, response, path.slice('/ipc/'.length));
    }
    if (path === '/events') {
      if (request.method !== 'GET') return sendJson(response, 405, failure('method_not_allowed', 'Use GET'), { Allow: 'GET' });
      return events.attach(response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const file = await readStaticFile(rendererDir, request.url ?? '/');
    if (file === null) return sendText(response, 404, 'Not found');
    response.writeHead(200, { ...rendererResponseHeaders(file.contentType), 'Content-Length': String(file.body.length) });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  function redirectWithCookie(response: ServerResponse, location: string): void {
    response.writeHead(302, {
      Location: location,
      'Set-Cookie': sessionCookie(boundPort, token),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Length': '0',
    });
    response.end();
  }

  async function answerIpc(request: IncomingMessage, response: ServerResponse, rawChannel: string): Promise<void> {
    const limit = bodyLimitFor(rawChannel, limits);
    const body = await readBody(request, limit);
    if (body === 'cut_off') return;
    if (body === 'too_large') return sendJson(response, 413, failure('payload_too_large', `Body over ${limit} bytes`), { Connection: 'close' });
    const args = parseArgs(body);
    if (args === undefined) return sendJson(response, 400, failure('invalid_arguments', 'Body must be JSON: {"args": [...]}'));
    let channel: string;
    try {
      channel = decodeURIComponent(rawChannel);
    } catch {
      return sendJson(response, 200, failure('unknown_channel', 'Malformed channel'));
    }
    sendJson(response, 200, await dispatch(handlers, channel, args));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, BIND_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;

  const origin = `http://${BIND_ADDRESS}:${boundPort}`;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    token,
    cookie: `${cookieName(boundPort)}=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopForwarding();
        if (!services) ipcServices.sync.stop();
        events.close();
        sockets.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** `{args: [...]}` → the args; an empty body means no arguments; anything else is undefined. */
function parseArgs(body: string): unknown {
  if (body.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  // A non-array `args` is left for the contract's tuple schema to reject with a precise message.
  return (parsed as { args?: unknown }).args ?? [];
}

/**
 * Reads the body up to `limit`. An oversized body is drained (not stored) so the client can read
 * our 413 instead of a reset connection; a wildly oversized one is cut off.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | 'too_large' | 'cut_off'> {
  const hardLimit = limit * 8;
  if (Number(request.headers['content-length'] ?? 0) > hardLimit) {
    request.destroy();
    return Promise.resolve('cut_off');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > hardLimit) {
        request.destroy();
        resolve('cut_off');
      } else if (size <= limit) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function failure(code: string, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  response.end(text);
}

/** The 401 page for a browser without the cookie (or with an old link), in its language. */
function sendUnauthorizedPage(request: IncomingMessage, response: ServerResponse, problem: SessionProblem): void {
  const { locale, html } = unauthorizedPage(problem, request.headers['accept-language']);
  response.writeHead(401, {
    ...rendererResponseHeaders('text/html; charset=utf-8'),
    'Content-Language': locale,
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : html);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(text);
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
