import type { CustomScheme, Protocol } from 'electron';
import { readStaticFile } from '../services/static-files';
import { rendererResponseHeaders } from './csp';
import { APP_HOST, APP_SCHEME } from './trusted-url';

/**
 * `standard` gives app:// a real origin (so IndexedDB, localStorage and relative URLs work),
 * `secure` makes it a secure context like https, `supportFetchAPI` lets the renderer fetch its own
 * files (the search worker and lazy chunks).
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before app 'ready' (an Electron rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

const APP_URL = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#].*)?$`, 'i');

/**
 * The raw path of an app:// URL, or null when the URL is for another host. Read from the string
 * rather than `new URL()`, whose dot-segment normalisation would hide a traversal attempt that
 * the path check should see and refuse.
 */
export function appUrlPath(url: string): string | null {
  const match = APP_URL.exec(url);
  return match ? (match[1] ?? '/') : null;
}

/** Answers one app:// request from the built renderer; 404 for anything refused or missing. */
export async function respondToAppRequest(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const path = appUrlPath(request.url);
  const file = path === null ? null : await readStaticFile(rendererDir, path);
  if (file === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
  return new Response(body, { status: 200, headers: rendererResponseHeaders(file.contentType) });
}

/** Serves dist/renderer on app://carteira/ (call after 'ready'). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rendererDir, request));
}
