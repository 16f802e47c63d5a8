import { teamDatabases, type TeamDatabaseKind } from './database-names';
import { couchRequest, type CouchClient } from './http';

export interface DatabaseProblem {
  collection: TeamDatabaseKind;
  database: string;
  /** missing: the server has no such database; forbidden: it exists but these credentials may not read it. */
  problem: 'missing' | 'forbidden';
  status: number;
}

/**
 * Which of the team's databases the server lacks or refuses. RxDB's CouchDB replication retries
 * forever against a missing database (DESIGN.md §5), so the app calls this first to say plainly
 * "the server has no database X; run provisioning" instead of spinning. Works with a team
 * member's credentials: a GET of the database is all it needs.
 */
export async function checkDatabases(client: CouchClient, team: string): Promise<DatabaseProblem[]> {
  const results = await Promise.all(
    teamDatabases(team).map(async ({ collection, name }): Promise<DatabaseProblem | null> => {
      const { status } = await couchRequest(client, 'GET', `/${encodeURIComponent(name)}`);
      if (status === 200) return null;
      if (status === 404) return { collection, database: name, problem: 'missing', status };
      if (status === 401 || status === 403) return { collection, database: name, problem: 'forbidden', status };
      throw new Error(`Checking database ${name}: the server answered ${status}`);
    }),
  );
  return results.filter((r): r is DatabaseProblem => r !== null);
}

/** A sentence for the user or the console, or null when every database is there. */
export function describeDatabaseProblems(problems: readonly DatabaseProblem[]): string | null {
  if (problems.length === 0) return null;
  const missing = problems.filter((p) => p.problem === 'missing').map((p) => p.database);
  const forbidden = problems.filter((p) => p.problem === 'forbidden').map((p) => p.database);
  const parts: string[] = [];
  if (missing.length) parts.push(`the server has no database ${missing.join(', ')}; run provisioning (npm run provision)`);
  if (forbidden.length) parts.push(`these credentials may not read ${forbidden.join(', ')}; check the user's team roles`);
  return parts.join('; ') + '.';
}
