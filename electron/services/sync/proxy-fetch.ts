import { IpcError, type SyncFetchRequest, type SyncFetchResponse } from '../../../shared/ipc';
import { authSessionCookie } from './couch-session';
import { fetchText, type FetchLike } from './fetch-text';
import { checkProxyUrl } from './proxy-url';

/**
 * Request headers the renderer may set. An allow-list rather than a deny-list: Authorization and
 * Cookie are main's business, and Host, Origin or hop-by-hop headers have no reason to come from
 * the page at all.
 */
const FORWARDED_REQUEST_HEADERS = new Set(['accept', 'content-type', 'if-match', 'if-none-match', 'x-couch-full-commit']);

/**
 * Response headers the renderer must not see or would be misled by: the session cookie never
 * leaves main, and the body arrives decoded as text, so encoding and length no longer apply.
 */
const HIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2', 'content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * One session as the proxy saw it. Compared by identity, not by cookie text: two sign-ins within
 * the same second get the very same AuthSession value from CouchDB.
 */
export interface SessionTicket {
  readonly cookie: string;
}

/** What the proxy needs from the sync service; passed in so the proxy can be tested with fakes. */
export interface ProxyContext {
  fetch: FetchLike;
  idleTimeoutMs: number;
  /** The configured server (normalized URL) and team; throws `not_configured`. */
  target(): Promise<{ url: string; team: string }>;
  /** The current session, signing in with the stored password if needed; throws `not_signed_in`. */
  session(): Promise<SessionTicket>;
  /** Signs in again after the server refused `stale`; concurrent callers share one sign-in. */
  renewSession(stale: SessionTicket): Promise<SessionTicket>;
  /** CouchDB sends a refreshed cookie on ordinary responses when the session nears expiry. */
  refreshCookie(stale: SessionTicket, freshCookie: string): void;
}

/** The renderer's replication fetch, performed by main with the session (DESIGN.md §2). */
export async function proxyFetch(context: ProxyContext, request: SyncFetchRequest): Promise<SyncFetchResponse> {
  const { url, team } = await context.target();
  const target = checkProxyUrl(url, team, request.url);
  // fetch itself would throw a TypeError, which would surface as a misleading `unreachable`.
  if ((request.method === 'GET' || request.method === 'HEAD') && request.body !== null)
    throw new IpcError('invalid_arguments', `${request.method} takes no body`);
  const headers = forwardedHeaders(request.headers);
  const send = (cookie: string) =>
    fetchText(context.fetch, target, { method: request.method, headers: { ...headers, cookie }, body: request.body ?? undefined }, context.idleTimeoutMs);

  let ticket = await context.session();
  let response = await send(ticket.cookie);
  if (response.status === 401) {
    // Sessions expire (CouchDB's default is 10 minutes of inactivity); sign in once and retry.
    ticket = await context.renewSession(ticket);
    response = await send(ticket.cookie);
  }
  const fresh = authSessionCookie(response.headers);
  if (fresh && fresh !== ticket.cookie) context.refreshCookie(ticket, fresh);
  return { status: response.status, headers: visibleHeaders(response.headers), body: response.body };
}

function forwardedHeaders(headers: Record<string, string>): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (FORWARDED_REQUEST_HEADERS.has(lower)) forwarded[lower] = value;
  }
  return forwarded;
}

function visibleHeaders(headers: Headers): Record<string, string> {
  const visible: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!HIDDEN_RESPONSE_HEADERS.has(name.toLowerCase())) visible[name.toLowerCase()] = value;
  });
  return visible;
}

/** Thrown by a ProxyContext when nothing lets main sign in by itself. */
export function notSignedIn(): IpcError {
  return new IpcError('not_signed_in', 'Sign in to the sync server first');
}
