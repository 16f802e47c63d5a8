import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The web host's per-launch secret, as Jupyter does it. Loopback is not a user boundary: any
 * program or other user of the machine can connect to 127.0.0.1, send the right Origin, Host and
 * bridge headers, and use the signed-in CouchDB session. So the host prints a link carrying a
 * random token; the page trades it once for an HttpOnly cookie, and every request without that
 * cookie is refused.
 */

/** The query parameter of the link the host prints. */
export const TOKEN_PARAM = 'token';
/** 32 random bytes (256 bits), base64url: 43 characters safe in a URL and in a cookie. */
const TOKEN_BYTES = 32;
/** A token given by CARTEIRA_WEB_TOKEN: at least 32 characters (128 bits as hex) of a URL- and cookie-safe alphabet. */
const GIVEN_TOKEN = /^[A-Za-z0-9_-]{32,256}$/;
/**
 * How long the browser keeps the cookie. A persistent cookie so that restarting the browser while
 * the host runs needs no new link (Jupyter keeps its login cookie 30 days too); the next launch of
 * the host has a new token, which makes the old cookie worthless anyway.
 */
const COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A token chosen by a script (CARTEIRA_WEB_TOKEN) must be as hard to guess as a generated one. */
export function checkGivenToken(token: string): string {
  if (!GIVEN_TOKEN.test(token)) {
    throw new Error("CARTEIRA_WEB_TOKEN must be 32 to 256 letters, digits, '-' or '_' (for example the output of `openssl rand -hex 16`)");
  }
  return token;
}

/**
 * Cookies ignore ports, so two hosts on one machine (two "laptops", a bench and the app) would
 * overwrite each other's cookie under one name; the port in the name keeps them apart.
 */
export function cookieName(port: number): string {
  return `carteira-token-${port}`;
}

/** The Set-Cookie header that trades the token: no script can read it, no other site can send it. */
export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`;
}

/** Compares in constant time; hashing first makes the lengths equal without revealing the token's. */
export function tokensMatch(candidate: string, token: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** Every value sent for `name` (a browser may hold the same name under two paths). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** True when the request carries this launch's cookie. */
export function hasSessionCookie(headers: IncomingHttpHeaders, port: number, token: string): boolean {
  // Every value is compared, so the time taken does not tell which one matched.
  return cookieValues(headers.cookie, cookieName(port)).reduce((found, value) => tokensMatch(value, token) || found, false);
}

export type TokenInUrl =
  | { kind: 'none' }
  /** The link's token is right: set the cookie and send the browser to `location` (the same address without the token). */
  | { kind: 'valid'; location: string }
  /** A token that is not this launch's (typically a link from before the host restarted). */
  | { kind: 'wrong' };

/**
 * Looks for `?token=` in a request's raw URL. The redirect target keeps the path and the other
 * query parameters (the fragment never reaches the server; the browser carries it over), and is
 * always a path on this host: `//evil.example/?token=…` must not become an open redirect.
 */
export function readTokenInUrl(rawUrl: string, token: string): TokenInUrl {
  const queryAt = rawUrl.indexOf('?');
  if (queryAt === -1) return { kind: 'none' };
  const params = new URLSearchParams(rawUrl.slice(queryAt + 1));
  const given = params.getAll(TOKEN_PARAM);
  if (given.length === 0) return { kind: 'none' };
  if (!given.every((value) => tokensMatch(value, token))) return { kind: 'wrong' };
  params.delete(TOKEN_PARAM);
  const path = rawUrl.slice(0, queryAt);
  // Printable ASCII but the backslash (a header must not carry anything else), starting with one '/'.
  const safePath = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(path) ? path : '/';
  const query = params.toString();
  return { kind: 'valid', location: query ? `${safePath}?${query}` : safePath };
}
