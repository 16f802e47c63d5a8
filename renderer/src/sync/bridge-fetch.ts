import { SYNC_FETCH_METHODS, type SyncFetchRequest } from '@shared/ipc';
import { BridgeError, call } from '../platform/bridge';
import { errorMessage } from '@shared/error-message';

type Method = SyncFetchRequest['method'];

/** Refusals a retry cannot fix: they come back as HTTP 401 so sync shows "sign in again" and stops. */
const NEEDS_SIGN_IN = new Set(['unauthorized', 'not_signed_in', 'not_configured', 'forbidden_url', 'not_team_member']);

/**
 * A `fetch` for RxDB's CouchDB replication that asks main to make the request: main checks the
 * URL belongs to the team's server, adds the session (the renderer never holds a password) and
 * is not bound by the browser's 6-connections-per-host cap. A refused or failed request surfaces
 * as a network error, which replication retries with backoff.
 */
export async function bridgeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init.method ?? 'GET').toUpperCase() as Method;
  if (!SYNC_FETCH_METHODS.includes(method)) throw new TypeError(`sync fetch: method ${method} is not allowed`);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    headers[key] = value;
  });
  const body = init.body == null ? null : typeof init.body === 'string' ? init.body : await new Response(init.body).text();
  try {
    const response = await call('sync:fetch', { url, method, headers, body });
    return new Response(response.status === 204 || response.status === 304 ? null : response.body, { status: response.status, headers: response.headers });
  } catch (error) {
    if (error instanceof BridgeError && NEEDS_SIGN_IN.has(error.code)) {
      return new Response(JSON.stringify({ error: 'unauthorized', reason: error.code }), { status: 401, headers: { 'content-type': 'application/json' } });
    }
    // Same shape as a browser's failed fetch, so RxDB treats it as "offline, retry later".
    throw new TypeError(`Failed to fetch: ${errorMessage(error)}`, { cause: error });
  }
}
