import { teamDatabases, assertValidTeamId } from '../../shared/couchdb/database-names';
import { DESIGN_DOC_ID, designDocFor } from '../../shared/couchdb/design-docs';
import { couchExpect, couchRequest, CouchHttpError, type CouchClient } from '../../shared/couchdb/http';
import { LEGACY_GLOBAL_ROLES, SERVER_ADMIN_ROLE, teamManagedRoles, teamMemberRole, teamRole, USER_ROLES, type UserRole } from '../../shared/couchdb/roles';
import { teamSecurityObject, type SecurityObject } from '../../shared/couchdb/security';

export { checkDatabases, describeDatabaseProblems, type DatabaseProblem } from '../../shared/couchdb/check-databases';

export interface ProvisionUser {
  name: string;
  password: string;
  roles: UserRole[];
}

export interface ProvisionOptions {
  /** Server root, e.g. `http://127.0.0.1:5984`. */
  url: string;
  adminUser: string;
  adminPassword: string;
  team: string;
  users?: ProvisionUser[];
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type ProvisionChange =
  | { kind: 'database-created'; database: string }
  | { kind: 'security-set'; database: string }
  | { kind: 'design-doc-set'; database: string; rev: string }
  | { kind: 'user-created'; user: string }
  | { kind: 'user-updated'; user: string; fields: ('roles' | 'password')[] };

export interface ProvisionReport {
  team: string;
  databases: string[];
  users: string[];
  /** Empty when the server already matched: provisioning twice changes nothing. */
  changes: ProvisionChange[];
}

const USERS_DB = '_users';

/**
 * Brings a CouchDB-protocol server to what a team needs: the team's databases, their `_security`,
 * their `_design/carteira` and the given users. Speaks only CouchDB's HTTP API (no PouchDB
 * internals) so the same code provisions pouchdb-server in development and CouchDB 3.x, single
 * node or cluster, in production. Each step reads first and writes only on a difference, so a
 * second run reports no changes and moves no revision.
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionReport> {
  assertValidTeamId(options.team);
  const users = options.users ?? [];
  users.forEach(assertValidUser);
  const client: CouchClient = {
    url: options.url,
    auth: { user: options.adminUser, password: options.adminPassword },
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
  };
  await assertServerAdmin(client);

  const changes: ProvisionChange[] = [];
  // A fresh CouchDB 3 node has no _users until its setup runs; the users below need it.
  if (await ensureDatabase(client, USERS_DB)) changes.push({ kind: 'database-created', database: USERS_DB });

  const databases = teamDatabases(options.team);
  const perDatabase = await Promise.all(
    databases.map(async ({ collection, name }) => {
      const dbChanges: ProvisionChange[] = [];
      if (await ensureDatabase(client, name)) dbChanges.push({ kind: 'database-created', database: name });
      if (await ensureSecurity(client, name, teamSecurityObject(options.team))) dbChanges.push({ kind: 'security-set', database: name });
      const rev = await ensureDesignDoc(client, name, designDocFor(options.team, collection));
      if (rev) dbChanges.push({ kind: 'design-doc-set', database: name, rev });
      return dbChanges;
    }),
  );
  changes.push(...perDatabase.flat());

  for (const user of users) {
    const change = await ensureUser(client, options.team, user);
    if (change) changes.push(change);
  }
  return { team: options.team, databases: databases.map((d) => d.name), users: users.map((u) => u.name), changes };
}

export function describeChange(change: ProvisionChange): string {
  switch (change.kind) {
    case 'database-created':
      return `created database ${change.database}`;
    case 'security-set':
      return `set _security of ${change.database}`;
    case 'design-doc-set':
      return `wrote ${DESIGN_DOC_ID} in ${change.database} (rev ${change.rev})`;
    case 'user-created':
      return `created user ${change.user}`;
    case 'user-updated':
      return `updated ${change.fields.join(' and ')} of user ${change.user}`;
  }
}

function assertValidUser(user: ProvisionUser): void {
  // CouchDB reserves names starting with "_"; ":" would break the org.couchdb.user:<name> id scheme for humans.
  if (!user.name || user.name.startsWith('_') || user.name.includes(':')) {
    throw new Error(`Invalid user name ${JSON.stringify(user.name)}: not empty, no leading "_", no ":"`);
  }
  if (!user.password) throw new Error(`User ${user.name} needs a password`);
  for (const role of user.roles) {
    if (!USER_ROLES.includes(role)) throw new Error(`User ${user.name}: unknown role ${JSON.stringify(role)} (known: ${USER_ROLES.join(', ')})`);
  }
}

async function assertServerAdmin(client: CouchClient): Promise<void> {
  const { status, body } = await couchRequest(client, 'GET', '/_session');
  const roles = (body as { userCtx?: { roles?: string[] } } | null)?.userCtx?.roles ?? [];
  if (status === 401 || !roles.includes(SERVER_ADMIN_ROLE)) {
    throw new Error(`${client.auth?.user ?? 'anonymous'} is not a server admin of ${client.url} (wrong user or password?)`);
  }
  if (status !== 200) throw new CouchHttpError('GET', '/_session', status, body);
}

/** True when the database was created now. A cluster answers 202 when not all nodes confirmed yet. */
async function ensureDatabase(client: CouchClient, name: string): Promise<boolean> {
  const { status } = await couchExpect(client, [201, 202, 412], 'PUT', `/${encodeURIComponent(name)}`);
  return status !== 412;
}

async function ensureSecurity(client: CouchClient, database: string, wanted: SecurityObject): Promise<boolean> {
  const path = `/${encodeURIComponent(database)}/_security`;
  const { body } = await couchExpect(client, [200], 'GET', path);
  if (sameSecurity(body, wanted)) return false;
  await couchExpect(client, [200, 201], 'PUT', path, wanted);
  return true;
}

/** Compares as sets: a server may store names and roles in another order or omit empty lists. */
function sameSecurity(current: unknown, wanted: SecurityObject): boolean {
  const section = (value: unknown, key: 'admins' | 'members') => {
    const part = (value as Partial<Record<typeof key, { names?: string[]; roles?: string[] }>> | null)?.[key];
    return { names: [...(part?.names ?? [])].sort(), roles: [...(part?.roles ?? [])].sort() };
  };
  return JSON.stringify([section(current, 'admins'), section(current, 'members')]) === JSON.stringify([section(wanted, 'admins'), section(wanted, 'members')]);
}

/** Returns the new revision when the design doc was written, null when it already matched. */
async function ensureDesignDoc(client: CouchClient, database: string, wanted: DesignDoc): Promise<string | null> {
  const path = `/${encodeURIComponent(database)}/${DESIGN_DOC_ID}`;
  const current = await couchExpect(client, [200, 404], 'GET', path);
  let rev: string | undefined;
  if (current.status === 200) {
    const doc = current.body as { _rev: string; language?: string; validate_doc_update?: string };
    if (doc.language === wanted.language && doc.validate_doc_update === wanted.validate_doc_update) return null;
    rev = doc._rev;
  }
  // Provisioning owns this design doc whole: replace it rather than merge stale functions.
  const written = await couchExpect(client, [201, 202], 'PUT', path, rev ? { ...wanted, _rev: rev } : wanted);
  return (written.body as { rev: string }).rev;
}

type DesignDoc = ReturnType<typeof designDocFor>;

interface UserDoc {
  _id: string;
  _rev?: string;
  name: string;
  type: 'user';
  roles: string[];
  password?: string;
  [field: string]: unknown;
}

/**
 * Creates or corrects one `_users` document. The password can't be read back (CouchDB stores a
 * salted hash), so it is checked by logging in with it; only a failed login rewrites it.
 * Roles: this team's membership and team roles (`<team>:manager`, `<team>:catalogue_admin`) are
 * set as asked; any other role (another team's membership and roles, a site's own roles) is kept,
 * so one person can belong to several teams with different roles in each. The first scheme's
 * global `manager` / `catalogue_admin` are removed: they no longer grant anything, and left in
 * place they would read as catalogue admin of every team.
 */
async function ensureUser(client: CouchClient, team: string, user: ProvisionUser): Promise<ProvisionChange | null> {
  const path = `/${USERS_DB}/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`;
  const current = await couchExpect(client, [200, 404], 'GET', path);
  const wanted = [teamMemberRole(team), ...user.roles.map((role) => teamRole(team, role))];
  const managed = new Set<string>([...teamManagedRoles(team), ...LEGACY_GLOBAL_ROLES]);

  if (current.status === 404) {
    const doc: UserDoc = { _id: `org.couchdb.user:${user.name}`, name: user.name, type: 'user', roles: unique(wanted), password: user.password };
    await couchExpect(client, [201, 202], 'PUT', path, doc);
    return { kind: 'user-created', user: user.name };
  }

  const existing = current.body as UserDoc;
  const roles = unique([...existing.roles.filter((role) => !managed.has(role)), ...wanted]);
  const fields: ('roles' | 'password')[] = [];
  if (!sameSet(existing.roles, roles)) fields.push('roles');
  if (!(await canLogIn(client, user))) fields.push('password');
  if (fields.length === 0) return null;
  const updated: UserDoc = { ...existing, roles, ...(fields.includes('password') ? { password: user.password } : {}) };
  await couchExpect(client, [201, 202], 'PUT', path, updated);
  return { kind: 'user-updated', user: user.name, fields };
}

async function canLogIn(client: CouchClient, user: ProvisionUser): Promise<boolean> {
  const { status, body } = await couchRequest(client, 'POST', '/_session', { name: user.name, password: user.password }, { auth: null });
  if (status === 200) return true;
  if (status === 401) return false;
  throw new CouchHttpError('POST', '/_session', status, body);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}
