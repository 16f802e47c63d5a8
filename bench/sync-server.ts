import { provision } from '../scripts/lib/provision';
import type { CollectionName } from '../shared/models';
import { teamDatabaseName } from '../shared/couchdb/database-names';
import { basicAuthHeader } from '../shared/couchdb/http';
import { generateSampleData, type SampleData } from '../shared/sample-data';
import type { SampleSize } from '../shared/sample-data/sizes';
import { startCouchServer, type TestCouchServer } from '../tests/helpers/couch-server';
import { toCouchDoc } from './sync-data';

/**
 * The team server of the sync bench: a pouchdb-server on a free loopback port (the one the sync
 * tests use, databases in memory), provisioned like a real team (databases, _security,
 * validate_doc_update) with one manager whose credentials the page uses. pouchdb-server enables
 * CORS for any origin with credentials by default (pouchdb-server/lib/cors.js), so the bench page
 * reaches it directly.
 */
export interface BenchTeamServer {
  url: string;
  /** Basic auth header of a team member (the page's requests go as that manager, not as an admin). */
  memberAuth: string;
  /** Basic auth header of the server admin: seeding only. */
  adminAuth: string;
  /** Teams on this server: one seeded for the pull, one for the push, one for live changes. */
  teams: { pull: string; push: string; live: string };
  stop(): Promise<void>;
}

const TEAMS = { pull: 'benchpull', push: 'benchpush', live: 'benchlive' };
const MEMBER = { name: 'bench-manager', password: 'bench-manager-password' };
/** Seed batches: big enough that seeding 100k docs takes seconds, not minutes. */
const SEED_BATCH = 2000;

export async function startBenchTeamServer(): Promise<BenchTeamServer> {
  const couch: TestCouchServer = await startCouchServer();
  try {
    // provision keeps other teams' roles of an existing user, so the one manager ends up in all three teams.
    for (const team of Object.values(TEAMS)) {
      await provision({
        url: couch.url,
        adminUser: couch.adminAuth.user,
        adminPassword: couch.adminAuth.password,
        team,
        users: [{ ...MEMBER, roles: ['manager'] }],
      });
    }
  } catch (error) {
    await couch.stop();
    throw error;
  }
  return {
    url: couch.url,
    memberAuth: basicAuthHeader({ user: MEMBER.name, password: MEMBER.password }),
    adminAuth: couch.adminAuth.header,
    teams: TEAMS,
    async stop() {
      await couch.stop();
    },
  };
}

/**
 * Puts generated documents into a team's databases from Node, as the server admin, with
 * `_bulk_docs` in batches of 2000 — the fast way to get a server holding what devices pushed.
 * Returns the number of documents written.
 */
export async function seedTeam(
  server: Pick<BenchTeamServer, 'url' | 'adminAuth'>,
  team: string,
  options: { size: SampleSize; seed: number; now: number; counts: Partial<Record<CollectionName, number>> },
): Promise<number> {
  const data: SampleData = generateSampleData({ size: options.size, seed: options.seed, now: options.now, counts: options.counts });
  let written = 0;
  for (const collection of Object.keys(options.counts) as CollectionName[]) {
    const url = `${server.url}/${teamDatabaseName(team, collection)}/_bulk_docs`;
    for (let from = 0; from < options.counts[collection]!; from += SEED_BATCH) {
      const docs = [...data.docs(collection, from, Math.min(from + SEED_BATCH, options.counts[collection]!))].map((d) =>
        toCouchDoc(d as unknown as Record<string, unknown>),
      );
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: server.adminAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ docs }),
      });
      const rows = (await response.json()) as { error?: string; reason?: string }[];
      const failed = Array.isArray(rows) ? rows.filter((r) => r.error) : [];
      if (!response.ok || !Array.isArray(rows) || failed.length) {
        throw new Error(`seeding ${collection} failed: ${response.status} ${JSON.stringify(failed[0] ?? rows).slice(0, 300)}`);
      }
      written += docs.length;
    }
  }
  return written;
}
