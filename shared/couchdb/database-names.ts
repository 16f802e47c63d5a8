import { COLLECTION_NAMES, type CollectionName } from '../models';

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
  return team.length <= TEAM_ID_MAX && TEAM_ID.test(team);
}

export function assertValidTeamId(team: string): void {
  if (!isValidTeamId(team)) throw new InvalidTeamIdError(team);
}

/** The CouchDB database holding `collection` for `team`, e.g. `acme-accounts`. */
export function teamDatabaseName(team: string, collection: CollectionName): string {
  assertValidTeamId(team);
  const name = `${team}-${collection}`;
  if (name.length > COUCHDB_DB_NAME_MAX || !COUCHDB_DB_NAME.test(name)) {
    throw new Error(`Database name ${JSON.stringify(name)} breaks CouchDB's naming rules`);
  }
  return name;
}

/** Every database of a team, one per collection, in COLLECTIONS order. */
export function teamDatabases(team: string): { collection: CollectionName; name: string }[] {
  return COLLECTION_NAMES.map((collection) => ({ collection, name: teamDatabaseName(team, collection) }));
}
