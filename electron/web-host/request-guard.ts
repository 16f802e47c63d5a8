import type { IncomingHttpHeaders } from 'node:http';

/** The host names a browser may use to reach the loopback-bound host. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** Header the web bridge sends on every /ipc call; a custom header cannot be sent cross-site without a CORS preflight we never grant. */
export const BRIDGE_HEADER = 'x-carteira-bridge';

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Defends a server on 127.0.0.1 against other sites in the same browser: a DNS-rebinding page
 * reaches us with its own name in `Host`, and a cross-site request carries its `Origin`. Only our
 * own loopback origin passes.
 */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  const host = headers.host?.toLowerCase();
  if (host === undefined || !allowedHosts.includes(host)) return { ok: false, reason: `foreign Host ${String(headers.host)}` };
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, reason: `foreign Origin ${origin}` };
  }
  return { ok: true };
}

/**
 * The WebSocket upgrade: a browser lets any site open a socket to any host (no CORS, no preflight,
 * and no custom headers to demand), so the Origin it always sends is the only proof the page is
 * ours. Unlike plain HTTP, a missing Origin is refused too.
 */
export function checkSocketOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  if (headers.origin === undefined) return { ok: false, reason: 'missing Origin' };
  return checkOrigin(headers, port);
}

/** /ipc also needs the bridge header, so a plain form post or <img> from anywhere cannot call it. */
export function checkBridgeHeader(headers: IncomingHttpHeaders): GuardVerdict {
  return headers[BRIDGE_HEADER] === '1' ? { ok: true } : { ok: false, reason: `missing ${BRIDGE_HEADER}: 1` };
}

/** Web mode keeps its data beside the project unless told otherwise (CARTEIRA_DATA_DIR). */
export function webDataDir(env: NodeJS.ProcessEnv, cwd: string, resolvePath: (...p: string[]) => string): string {
  const fromEnv = env.CARTEIRA_DATA_DIR?.trim();
  return resolvePath(cwd, fromEnv ? fromEnv : '.carteira-data');
}
