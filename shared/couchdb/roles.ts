/**
 * CouchDB role names Carteira relies on. Roles live in each user's `_users` document; databases
 * refer to them in `_security` (who may read/write at all) and in `validate_doc_update` (who may
 * write what).
 */

/** Roles a person can be given besides team membership. */
export const USER_ROLES = ['manager', 'catalogue_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** May write the `products` catalogue (everyone else only pulls it). */
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
