import { COLLECTION_NAMES, type CollectionName } from '../models';
import { CONFLICTS_COLLECTION } from '../models/conflicts';
import { RESERVED_TEAM_IDS } from './roles';

/**
 * Team ids become part of database names (`<team>-<collection>`), role names (`team:<team>`) and,
 * on pouchdb-server, folder names. CouchDB also allows `$()+/` in database names, but those need
 * URL-encoding (`/` must travel as %2F) and make poor folder names, so team ids are narrower:
 * a lowercase letter, then lowercase letters, digits, `_` or `-`.
 */
const TEAM_ID = /^[a-z][a-z0-9_-]*$/;
const TEAM_ID_MAX = 64;

/** CouchDB's own rule for database names (docs: "Database names must…"), checked as a last guard. */
const COUCHDB_DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const COUCHDB_DB_NAME_MAX = 238;

export class InvalidTeamIdError extends Error {
  constructor(team: string) {
    super(
      `Invalid team id ${JSON.stringify(team)}: use a lowercase letter followed by lowercase letters, ` +
        `digits, "_" or "-" (at most ${TEAM_ID_MAX} characters).`,
    );
    this.name = 'InvalidTeamIdError';
  }
}

export function isValidTeamId(team: string): boolean {
  return team.length <= TEAM_ID_MAX && TEAM_ID.test(team) && !RESERVED_TEAM_IDS.includes(team);
}

/**
 * What a team database holds: one of the 11 domain collections, or the team's conflict log
 * (`<team>-conflicts`), which carries each merge's losing values to every device of the team, so
 * the person whose edit lost sees it on their own device.
 */
export type TeamDatabaseKind = CollectionName | typeof CONFLICTS_COLLECTION;
export const TEAM_DATABASE_KINDS: readonly TeamDatabaseKind[] = [...COLLECTION_NAMES, CONFLICTS_COLLECTION];

export function assertValidTeamId(team: string): void {
  if (!isValidTeamId(team)) throw new InvalidTeamIdError(team);
}

/** The CouchDB database holding `collection` for `team`, e.g. `acme-accounts`. */
export function teamDatabaseName(team: string, collection: TeamDatabaseKind): string {
  assertValidTeamId(team);
  const name = `${team}-${collection}`;
  if (name.length > COUCHDB_DB_NAME_MAX || !COUCHDB_DB_NAME.test(name)) {
    throw new Error(`Database name ${JSON.stringify(name)} breaks CouchDB's naming rules`);
  }
  return name;
}

/** Every database of a team, one per collection in COLLECTIONS order, then the conflict log. */
export function teamDatabases(team: string): { collection: TeamDatabaseKind; name: string }[] {
  return TEAM_DATABASE_KINDS.map((collection) => ({ collection, name: teamDatabaseName(team, collection) }));
}
