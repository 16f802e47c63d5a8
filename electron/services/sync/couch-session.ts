import { IpcError } from '../../../shared/ipc';
import { fetchText, type FetchLike } from './fetch-text';

/** An open CouchDB cookie session. `cookie` is the `AuthSession=…` pair, ready for a Cookie header. */
export interface CouchSession {
  cookie: string;
  user: string;
  roles: string[];
}

export interface SessionRequestOptions {
  fetch: FetchLike;
  /** Normalized server URL (no trailing slash). */
  url: string;
  timeoutMs: number;
}

/**
 * POST /_session: CouchDB checks the password once and answers with a cookie, so the password is
 * not sent again with every replication request (as Basic auth would).
 */
export async function openCouchSession({ fetch, url, timeoutMs }: SessionRequestOptions, user: string, password: string): Promise<CouchSession> {
  const response = await fetchText(
    fetch,
    `${url}/_session`,
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ name: user, password }) },
    timeoutMs,
  );
  if (response.status === 401) throw new IpcError('unauthorized', 'Wrong user name or password');
  if (response.status < 200 || response.status >= 300) throw new IpcError('server_error', `POST /_session → ${response.status}`);
  const cookie = authSessionCookie(response.headers);
  // A server with cookie auth switched off answers 200 without a cookie; nothing would work after.
  if (!cookie) throw new IpcError('server_error', 'The server did not open a session (no AuthSession cookie)');
  const body = parseJson(response.body) as { name?: unknown; roles?: unknown } | null;
  const roles = Array.isArray(body?.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [];
  return { cookie, user: typeof body?.name === 'string' ? body.name : user, roles };
}

/** DELETE /_session; best effort, the cookie is forgotten locally either way. */
export async function closeCouchSession({ fetch, url, timeoutMs }: SessionRequestOptions, cookie: string): Promise<void> {
  try {
    await fetchText(fetch, `${url}/_session`, { method: 'DELETE', headers: { cookie, accept: 'application/json' } }, timeoutMs);
  } catch {
    // Offline sign-out is normal; the server-side session simply expires.
  }
}

/**
 * The `AuthSession=…` pair from Set-Cookie, or null. CouchDB also sends a fresh one on ordinary
 * responses when the session nears expiry, so callers check every response.
 */
export function authSessionCookie(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]?.trim() ?? '';
    if (pair.startsWith('AuthSession=') && pair.length > 'AuthSession='.length) return pair;
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
