/**
 * The renderer's Content Security Policy. renderer/index.html carries the same string in a meta
 * tag (csp.test.ts keeps them equal); the app:// protocol and the web host also send it as a
 * header, which covers responses the meta tag cannot (workers, and directives like frame-ancestors
 * that are header-only are simply not needed here).
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

/** Headers every renderer file is served with, by app:// and by the web host. */
export function rendererResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
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
