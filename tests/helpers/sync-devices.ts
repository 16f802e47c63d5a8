import type { SyncEvent } from '../../shared/domain/sync-state';
import { createDoc } from '../../shared/domain/documents';
import { couchRequest } from '../../shared/couchdb/http';
import type { Account, CollectionName } from '../../shared/models';
import { provision } from '../../scripts/lib/provision';
import type { EditClock, HybridClock } from '../../shared/domain/hlc';
import { observeDatabaseTimes } from '../../renderer/src/db/edit-clock';
import { createRepository, type Repository } from '../../renderer/src/db/repository';
import type { CarteiraDatabase } from '../../renderer/src/db/types';
import { createSyncMergeConflictHandlers } from '../../renderer/src/sync/sync-merge-conflict-handler';
import { recordConflicts } from '../../renderer/src/sync/conflict-log';
import { startTeamReplication, type TeamReplication } from '../../renderer/src/sync/replication';
import { createMemoryProblemStore, type SyncProblemStore } from '../../renderer/src/sync/sync-problems-store';
import { sampleAccountFields } from '../sync/account-fixture';
import type { TestCouchServer } from './couch-server';
import { openTestDatabase } from './test-database';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A device signed in as `user`: Basic auth stands in for the session main keeps in the app. */
export function fetchAs(user: string, password: string): Fetch {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: auth } });
}

export const PASSWORD = (user: string) => `${user}-pw`;

/** A team of its own per test (isolated databases), with managers who may read and write. */
export async function provisionTeam(server: TestCouchServer, team: string, users: string[] = ['ana', 'bruno', 'carla']): Promise<void> {
  await provision({
    url: server.url,
    adminUser: server.adminAuth.user,
    adminPassword: server.adminAuth.password,
    team,
    users: users.map((name) => ({ name, password: PASSWORD(name), roles: ['manager'] })),
  });
}

export interface Device {
  db: CarteiraDatabase;
  rep: TeamReplication;
  accounts: Repository<'accounts'>;
  events: SyncEvent[];
  /** Starts replication again after `rep.cancel()` (same identifiers, so from the checkpoints). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface DeviceOptions {
  serverUrl: string;
  team: string;
  user: string;
  storage?: 'memory' | 'dexie';
  name?: string;
  collections?: readonly CollectionName[];
  /** Also replicate the conflict log with the team's `<team>-conflicts`, as the app does. */
  replicateConflicts?: boolean;
  /**
   * Edit times for the repository: property tests use one increasing clock for every device. A
   * hybrid clock (with `observe`) also sees every pulled and merged document, as the app's does.
   */
  clock?: EditClock;
  fetch?: Fetch;
  /** Backoff before the n-th retry in a row (the app's default: 1 s doubling to 60 s). */
  retryDelay?: (failures: number) => number;
  /** Where this device keeps refused documents; one in memory of its own by default. */
  problems?: SyncProblemStore;
}

/**
 * A Carteira device as the app opens it: merge conflict handlers writing to the local conflict
 * log, live team replication, a repository that stamps per-field edit times.
 */
export async function openDevice(options: DeviceOptions): Promise<Device> {
  const collections = options.collections ?? ['accounts'];
  let db: CarteiraDatabase | undefined;
  const conflictHandlers = createSyncMergeConflictHandlers((conflicts) => recordConflicts(db!, conflicts), {
    clock: options.clock,
    author: () => options.user,
  });
  db = await openTestDatabase(options.storage ?? 'memory', options.name, { collections, conflictHandlers });
  const opened = db;
  const stopObserving = options.clock?.observe ? observeDatabaseTimes(opened, options.clock as HybridClock) : () => {};
  const events: SyncEvent[] = [];
  const fetchFn = options.fetch ?? fetchAs(options.user, PASSWORD(options.user));
  const problems = options.problems ?? createMemoryProblemStore();
  const start = () =>
    startTeamReplication({
      db: opened,
      serverUrl: options.serverUrl,
      team: options.team,
      fetch: fetchFn,
      problems,
      collections: options.replicateConflicts ? [...collections, 'conflicts' as const] : collections,
      onEvent: (e) => events.push(e),
      ...(options.retryDelay ? { retryDelay: options.retryDelay } : {}),
    });
  const device: Device = {
    db: opened,
    rep: await start(),
    accounts: createRepository(opened, 'accounts', () => options.user, options.clock),
    events,
    async restart() {
      device.rep = await start();
    },
    async close() {
      stopObserving();
      await device.rep.cancel();
      await opened.close();
    },
  };
  return device;
}

export const errorEvents = (events: SyncEvent[]) => events.filter((e): e is Extract<SyncEvent, { type: 'error' }> => e.type === 'error');

/** Fields both sides agree on: no revision, no RxDB bookkeeping, CouchDB's `_id` as `id`. */
export function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id, _rev, _meta, _attachments, _deleted, ...rest } = doc;
  return _id === undefined ? rest : { id: _id, ...rest };
}

/** The live (not deleted) documents of a device, by id. */
export async function localDocs(db: CarteiraDatabase, collection: CollectionName = 'accounts'): Promise<Map<string, Record<string, unknown>>> {
  const docs = await db.collections[collection].find().exec();
  return new Map(docs.map((d) => [d.primary, comparable(d.toJSON() as Record<string, unknown>)]));
}

/** The live documents on the server, read as the admin straight from CouchDB (design docs left out). */
export async function serverDocs(server: TestCouchServer, database: string): Promise<Map<string, Record<string, unknown>>> {
  const response = await couchRequest({ url: server.url, auth: server.adminAuth, timeoutMs: 15_000 }, 'GET', `/${database}/_all_docs?include_docs=true`);
  if (response.status !== 200) throw new Error(`_all_docs of ${database}: ${response.status}`);
  const rows = (response.body as { rows: { id: string; doc: Record<string, unknown> }[] }).rows.filter((r) => !r.id.startsWith('_design/'));
  const docs = new Map(rows.map((r) => [r.id, comparable(r.doc)]));
  if (docs.size !== rows.length) throw new Error(`_all_docs of ${database} lists an id twice`);
  return docs;
}

/** A schema-valid account document with a chosen id and time (for seeding the server). */
export function accountDoc(name: string, by = 'seed', at = Date.now(), id?: string): Account {
  return createDoc<Account>(sampleAccountFields(name), by, at, id);
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, bounded in time. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(25);
  }
}
