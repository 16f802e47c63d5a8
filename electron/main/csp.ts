/**
 * The renderer's Content Security Policy. renderer/index.html carries the same string in a meta
 * tag (csp.test.ts keeps them equal); the app:// protocol and the web host also send it as a
 * header (RESPONSE_CONTENT_SECURITY_POLICY), which covers what the meta tag cannot: workers, and
 * the header-only frame-ancestors.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * The policy as a response header: the meta tag's, plus `frame-ancestors 'none'` so no page (a
 * hostile site, or another local server on 127.0.0.1) can frame the app and click through it.
 * Only in the header: in a meta tag browsers ignore frame-ancestors and log a console error.
 */
export const RESPONSE_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Headers every renderer file is served with, by app:// and by the web host. */
export function rendererResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RESPONSE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Cross-origin isolation: the search worker shares its answers with the page in shared memory
    // (renderer/src/search/shared-answer.ts). Every file the renderer loads is its own.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The renderer is rebuilt in place; revalidate instead of running a stale mix of chunks.
    'Cache-Control': 'no-cache',
  };
}
