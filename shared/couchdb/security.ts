import { assertValidTeamId } from './database-names';
import { teamAdminRole, teamMemberRole } from './roles';

/** The `_security` object of a CouchDB database (names and roles of its admins and members). */
export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * `_security` for every database of `team`. Once `members` is non-empty CouchDB lets only members,
 * database admins and server admins read or write the database: other teams and anonymous users
 * get 401/403. Team admins may change design docs and `_security`; server admins always can.
 * Write rules finer than membership (who may change `products`) live in validate_doc_update.
 */
export function teamSecurityObject(team: string): SecurityObject {
  assertValidTeamId(team);
  return {
    admins: { names: [], roles: [teamAdminRole(team)] },
    members: { names: [], roles: [teamMemberRole(team)] },
  };
}
