/**
 * CouchDB role names Carteira relies on. Roles live in each user's `_users` document; databases
 * refer to them in `_security` (who may read/write at all) and in `validate_doc_update` (who may
 * write what). Every role is scoped to one team (`<team>:<role>`, `team:<team>`): a person can be
 * catalogue admin of one team and a plain manager in another, and provisioning one team touches
 * only that team's roles.
 */

/** Roles a person can be given in a team besides membership (what provisioning's `--user` takes). */
export const USER_ROLES = ['manager', 'catalogue_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** May write the `products` catalogue of its team (everyone else only pulls it). */
export const CATALOGUE_ADMIN_ROLE: UserRole = 'catalogue_admin';

/** CouchDB's role for server admins; it passes every check. */
export const SERVER_ADMIN_ROLE = '_admin';

/** Membership of a team: read and write access to every database of that team. */
export function teamMemberRole(team: string): string {
  return `team:${team}`;
}

/** Database admins of a team's databases (may change design docs and `_security`). */
export function teamAdminRole(team: string): string {
  return `team-admin:${team}`;
}

/** A Carteira role within one team, e.g. `acme:catalogue_admin`, as stored in `_users`. */
export function teamRole(team: string, role: UserRole): string {
  return `${team}:${role}`;
}

/**
 * Team ids that would make a team role collide with a membership or admin role: team `team`'s
 * manager role `team:manager` would be membership of a team called `manager`.
 */
export const RESERVED_TEAM_IDS: readonly string[] = ['team', 'team-admin'];

/** Every role provisioning manages for `team`: set as asked, all others on the user are kept. */
export function teamManagedRoles(team: string): string[] {
  return [teamMemberRole(team), ...USER_ROLES.map((role) => teamRole(team, role))];
}

/**
 * Roles of the first, global scheme (`manager`, `catalogue_admin` for every team at once).
 * Validation no longer honours them; provisioning removes them when it meets them.
 */
export const LEGACY_GLOBAL_ROLES: readonly string[] = USER_ROLES;
