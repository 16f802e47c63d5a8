import { USER_ROLES, type UserRole } from '../../shared/couchdb/roles';
import type { CouchCredentials } from '../../shared/couchdb/http';
import type { ProvisionUser } from './provision';

/** A mistake in how a script was called: print it with the usage and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `name:password:role[,role]`, e.g. `ana:senha:manager`. The password may itself contain ":"
 * (the name ends at the first colon, the roles start after the last one).
 */
export function parseUserSpec(spec: string): ProvisionUser {
  const first = spec.indexOf(':');
  const last = spec.lastIndexOf(':');
  if (first <= 0 || last === first) throw new UsageError(`--user ${JSON.stringify(spec)}: expected name:password:role[,role]`);
  const name = spec.slice(0, first);
  const password = spec.slice(first + 1, last);
  const roles = spec
    .slice(last + 1)
    .split(',')
    .filter(Boolean);
  if (!password) throw new UsageError(`--user ${name}: the password is empty`);
  if (roles.length === 0) throw new UsageError(`--user ${name}: give at least one role (${USER_ROLES.join(', ')})`);
  for (const role of roles) {
    if (!(USER_ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--user ${name}: unknown role ${JSON.stringify(role)} (known: ${USER_ROLES.join(', ')})`);
    }
  }
  return { name, password, roles: roles as UserRole[] };
}

/** `user:password`; the password may contain ":". */
export function parseCredentials(option: string, value: string): CouchCredentials {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new UsageError(`${option} ${JSON.stringify(value)}: expected user:password`);
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

export function parsePort(option: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UsageError(`${option} ${JSON.stringify(value)}: expected a port number 1–65535`);
  return port;
}
