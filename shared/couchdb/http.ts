/**
 * The few CouchDB HTTP calls Carteira makes outside replication, over plain `fetch` so they work
 * against any CouchDB-protocol server (CouchDB 3.x, a cluster behind a load balancer,
 * pouchdb-server) and in Node or a browser alike.
 */

export interface CouchCredentials {
  user: string;
  password: string;
}

export interface CouchClient {
  /** Server root, e.g. `http://127.0.0.1:5984` (a trailing slash is ignored). */
  url: string;
  auth?: CouchCredentials;
  /** Per request; a dead server must not hang provisioning or the app's check. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CouchResponse {
  status: number;
  /** Parsed JSON body, or null when there was none. */
  body: unknown;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The server could not be reached at all (refused, DNS, timeout): nothing to do with CouchDB. */
export class CouchUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot reach the CouchDB server at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CouchUnreachableError';
  }
}

/** CouchDB answered with a status the caller did not expect. */
export class CouchHttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} → ${status}${describeCouchError(body)}`);
    this.name = 'CouchHttpError';
  }
}

function describeCouchError(body: unknown): string {
  if (body && typeof body === 'object') {
    const { error, reason } = body as { error?: unknown; reason?: unknown };
    if (error || reason) return ` ${String(error ?? '')}: ${String(reason ?? '')}`;
  }
  return '';
}

/** `Authorization: Basic …` for UTF-8 credentials (btoa alone rejects non-Latin-1 passwords). */
export function basicAuthHeader({ user, password }: CouchCredentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export function serverRoot(url: string): string {
  return url.replace(/\/+$/, '');
}

/** One request; `path` starts with `/` and has its segments already encoded. */
export async function couchRequest(
  client: CouchClient,
  method: string,
  path: string,
  body?: unknown,
  options: { auth?: CouchCredentials | null } = {},
): Promise<CouchResponse> {
  const auth = options.auth === undefined ? client.auth : options.auth;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = basicAuthHeader(auth);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const target = serverRoot(client.url) + path;
  let response: Response;
  try {
    response = await (client.fetch ?? fetch)(target, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(client.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CouchUnreachableError(serverRoot(client.url), error);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed };
}

/** Like couchRequest, but any status outside `expected` throws CouchHttpError. */
export async function couchExpect(client: CouchClient, expected: readonly number[], method: string, path: string, body?: unknown): Promise<CouchResponse> {
  const response = await couchRequest(client, method, path, body);
  if (!expected.includes(response.status)) throw new CouchHttpError(method, path, response.status, response.body);
  return response;
}
