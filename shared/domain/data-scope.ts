/**
 * Which local database the app works in. Local data belongs to one (server, team): each has a
 * database of its own, plus one for working with no server, so nothing of one is ever pushed to
 * another (DESIGN.md §2).
 */
export type DataScope = { kind: 'local' } | { kind: 'team'; url: string; team: string };

export const LOCAL_SCOPE: DataScope = { kind: 'local' };

/**
 * The no-server database keeps the name every installation used before databases were split, so
 * an upgrade loses nothing: what it held stays there, and can be copied into a team explicitly.
 */
export const LOCAL_DATABASE_NAME = 'carteira';
/** Every team database's name starts so; the no-server one never does. */
export const TEAM_DATABASE_PREFIX = 'carteira-team-';

/** The part of sync:status that decides the scope. */
export interface ScopeStatus {
  configured: boolean;
  url: string | null;
  team: string | null;
  signedIn: boolean;
  credentialsStored: boolean;
}

/**
 * The team's database while this installation is signed in to a team (or keeps a password to sign
 * in again by itself, e.g. offline after a restart); the no-server database otherwise, so a
 * signed-out laptop never replicates a team's data, and signing in again finds it as it was.
 */
export function scopeOfStatus(status: ScopeStatus | null): DataScope {
  if (!status?.configured || !status.url || !status.team) return LOCAL_SCOPE;
  if (!status.signedIn && !status.credentialsStored) return LOCAL_SCOPE;
  return { kind: 'team', url: normaliseServerUrl(status.url), team: status.team };
}

/** Scheme and host in lower case, no default port, no trailing slash, no query or fragment. */
export function normaliseServerUrl(url: string): string {
  const parsed = new URL(url.trim());
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

/**
 * The local database's name for a scope: deterministic, valid for RxDB and IndexedDB
 * (`^[a-z][a-zA-Z0-9_-]*$`, no `$`), readable (the team id), and distinct per server by a 64-bit
 * hash of the normalised address and the team — so `demo` on the test server and `demo` in
 * production never share a database.
 */
export function databaseNameOf(scope: DataScope): string {
  if (scope.kind === 'local') return LOCAL_DATABASE_NAME;
  const key = `${normaliseServerUrl(scope.url)}\n${scope.team}`;
  const readable = scope.team
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 32);
  return `${TEAM_DATABASE_PREFIX}${readable}-${fnv1a64(key)}`;
}

export function isTeamDatabaseName(name: string): boolean {
  return name.startsWith(TEAM_DATABASE_PREFIX);
}

export function sameScope(a: DataScope, b: DataScope): boolean {
  return databaseNameOf(a) === databaseNameOf(b);
}

/** FNV-1a, 64 bits, over the UTF-16 code units, as 16 hex digits. */
function fnv1a64(value: string): string {
  const MASK = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < value.length; i++) {
    h ^= BigInt(value.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}
