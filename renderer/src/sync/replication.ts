import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { teamDatabaseName } from '@shared/couchdb/database-names';
import { retryDelay, type SyncErrorReason, type SyncEvent } from '@shared/domain/sync-state';
import { completeDeletionStub } from '@shared/domain/tombstone';
import type { CarteiraDatabase } from '../db/types';
import { PendingChanges } from './pending-changes';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface TeamReplicationOptions {
  db: CarteiraDatabase;
  /** The team's CouchDB server, e.g. https://couch.example.com (no trailing slash needed). */
  serverUrl: string;
  team: string;
  /** Every request goes through this: in the app, the bridge to main, which adds the session. */
  fetch: Fetch;
  collections?: readonly CollectionName[];
  /** Written only on the server (catalogue admins): never pushed. */
  pullOnly?: readonly CollectionName[];
  live?: boolean;
  onEvent?(event: SyncEvent): void;
  clock?: () => number;
}

export interface TeamReplication {
  readonly states: ReadonlyMap<CollectionName, RxCouchDBReplicationState<unknown>>;
  /** Collections not replicating because their database is missing or forbidden on the server. */
  readonly unavailable: ReadonlyMap<CollectionName, SyncErrorReason>;
  /** Resolves when every running replication has caught up with the server (and pushed everything). */
  awaitInSync(): Promise<void>;
  /** Re-checks the server now (after a reconnect or a resume from sleep). */
  reSync(): void;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
}

/** Batches of 1000: pushing 10k docs from Chromium took 23.5 s at 100, 5.1 s at 1000 (DESIGN §5). */
const BATCH_SIZE = 1000;
const REPLICATION_DOWN_CONTEXT = 'replication-downstream';
const PROGRESS_STEP = 100;

/**
 * Live replication of every collection with the team's databases (`<team>-<collection>`),
 * each with a stable replication identifier so a restart resumes from its checkpoints.
 * Databases are checked first: RxDB retries a missing one forever, so it is reported instead.
 */
export async function startTeamReplication(options: TeamReplicationOptions): Promise<TeamReplication> {
  const { db, team, live = true, onEvent = () => {}, clock = Date.now } = options;
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const collections = options.collections ?? COLLECTION_NAMES;
  const pullOnly = new Set(options.pullOnly ?? ['products']);
  const states = new Map<CollectionName, RxCouchDBReplicationState<unknown>>();
  const unavailable = new Map<CollectionName, SyncErrorReason>();
  const cleanups: (() => void)[] = [];

  const remoteCounts = new Map<CollectionName, number>();
  await Promise.all(
    collections.map(async (name) => {
      const problem = await checkRemoteDatabase(options.fetch, `${serverUrl}/${teamDatabaseName(team, name)}/`);
      if (problem.ok) remoteCounts.set(name, problem.docCount);
      else {
        unavailable.set(name, problem.reason);
        onEvent({ type: 'error', collection: name, reason: problem.reason, detail: teamDatabaseName(team, name), at: clock() });
      }
    }),
  );
  const total = [...remoteCounts.values()].reduce((a, b) => a + b, 0);
  let received = 0;
  let initialDone = false;

  for (const name of collections) {
    if (unavailable.has(name)) continue;
    const collection = db.collections[name] as unknown as RxCollection<unknown>;
    const url = `${serverUrl}/${teamDatabaseName(team, name)}/`;
    const canPush = !pullOnly.has(name);
    const pending = new PendingChanges(`carteira:pending:${url}`);
    let failures = 0;
    let lastStatus = 0;
    const fetchFor: Fetch = async (input, init) => {
      // Status of this request only: a network failure after an earlier 401 is not "unauthorized".
      lastStatus = 0;
      const response = await options.fetch(input, init);
      lastStatus = response.status;
      return isChangesFeed(input) && response.ok ? withoutDesignDocs(options.fetch, input, init, response) : response;
    };
    const state = replicateCouchDB<unknown>({
      replicationIdentifier: `carteira:${url}`,
      collection,
      url,
      fetch: fetchFor as never,
      live,
      retryTime: retryDelay(1),
      // Deletions by other CouchDB clients arrive as bare stubs; complete them so any schema accepts them.
      pull: { batchSize: BATCH_SIZE, modifier: (doc) => completeDeletionStub(name, doc as Record<string, unknown>) as never },
      push: canPush ? { batchSize: BATCH_SIZE } : undefined,
    });
    states.set(name, state);

    if (canPush) {
      // Writes the pull made are the server's own; everything else is a local change to push.
      const sub = collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context.startsWith(REPLICATION_DOWN_CONTEXT)) return;
        pending.add(bulk.events.map((event) => event.documentId));
        onEvent({ type: 'pending', collection: name, count: pending.size });
      });
      cleanups.push(() => sub.unsubscribe());
      onEvent({ type: 'pending', collection: name, count: pending.size });
    }
    const subs = [
      state.sent$.subscribe((doc) => {
        pending.acknowledge([(doc as unknown as { id: string }).id]);
        onEvent({ type: 'pending', collection: name, count: pending.size });
      }),
      state.received$.subscribe(() => {
        failures = 0;
        state.retryTime = retryDelay(1);
        // received$ fires per document: report the initial pull's progress in steps, not 600k times.
        received += 1;
        if (!initialDone && (received % PROGRESS_STEP === 0 || received >= total)) onEvent({ type: 'progress', done: Math.min(received, total), total });
      }),
      state.active$.subscribe((active) => {
        onEvent({ type: 'active', collection: name, active });
        if (!active) onEvent({ type: 'idle', at: clock() });
      }),
      state.error$.subscribe((error) => {
        failures += 1;
        state.retryTime = retryDelay(failures);
        const reason = lastStatus === 401 ? 'unauthorized' : classifyError(lastStatus, error);
        onEvent({ type: 'error', collection: name, reason, detail: String(error?.message ?? error).slice(0, 300), at: clock() });
      }),
    ];
    cleanups.push(() => subs.forEach((s) => s.unsubscribe()));
  }
  void Promise.all([...states.values()].map((s) => s.awaitInitialReplication())).then(() => {
    initialDone = true;
  }, () => {});

  return {
    states,
    unavailable,
    async awaitInSync() {
      await Promise.all([...states.values()].map((s) => s.awaitInSync()));
    },
    reSync() {
      for (const s of states.values()) s.reSync();
    },
    async pause() {
      await Promise.all([...states.values()].map((s) => s.pause()));
      onEvent({ type: 'paused' });
    },
    async resume() {
      await Promise.all([...states.values()].map((s) => s.start()));
      onEvent({ type: 'resumed' });
    },
    async cancel() {
      cleanups.forEach((c) => c());
      await Promise.all([...states.values()].map((s) => s.cancel()));
    },
  };
}

function isChangesFeed(url: string): boolean {
  return new URL(url).pathname.endsWith('/_changes');
}

/**
 * The server's design documents (validation rules) are not data: RxDB's pull has no filter, so
 * they are dropped from the changes feed here. `last_seq` is kept, so checkpoints still advance.
 * RxDB takes a page shorter than its batch size as the end of the initial pull (downstream:
 * `documents.length < pullBatchSize`), so a full page that lost a design doc is topped up from
 * where it ended; otherwise a large team's first pull stopped after one page until the next
 * live change (measured: 1000 of 3000 documents).
 */
async function withoutDesignDocs(fetch: Fetch, input: string, init: RequestInit | undefined, response: Response): Promise<Response> {
  type Page = { results?: { id: string }[]; last_seq?: unknown };
  const body = (await response.json()) as Page;
  if (!Array.isArray(body.results)) return jsonResponse(body, response.status);
  const url = new URL(input);
  const limit = Number(url.searchParams.get('limit') ?? 0);
  const topUp = url.searchParams.get('feed') === 'normal' && limit > 0;
  let pageFull = topUp && body.results.length >= limit;
  const rows = body.results.filter((row) => !row.id.startsWith('_design/'));
  // A database holds few design docs: a couple of extra requests at most.
  for (let round = 0; pageFull && rows.length < limit && round < 3; round++) {
    const wanted = limit - rows.length;
    url.searchParams.set('since', String(body.last_seq));
    url.searchParams.set('limit', String(wanted));
    const next = await fetch(url.toString(), init);
    if (!next.ok) break;
    const page = (await next.json()) as Page;
    if (!Array.isArray(page.results)) break;
    rows.push(...page.results.filter((row) => !row.id.startsWith('_design/')));
    body.last_seq = page.last_seq;
    pageFull = page.results.length >= wanted;
  }
  body.results = rows;
  return jsonResponse(body, response.status);
}

function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function checkRemoteDatabase(fetch: Fetch, url: string): Promise<{ ok: true; docCount: number } | { ok: false; reason: SyncErrorReason }> {
  try {
    const response = await fetch(url);
    if (response.status === 404) return { ok: false, reason: 'missing_database' };
    if (response.status === 401 || response.status === 403) return { ok: false, reason: 'forbidden' };
    if (!response.ok) return { ok: false, reason: 'server_error' };
    const info = (await response.json()) as { doc_count?: number };
    return { ok: true, docCount: info.doc_count ?? 0 };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}

function classifyError(status: number, error: unknown): SyncErrorReason {
  if (status >= 500) return 'server_error';
  if (status === 403) return 'forbidden';
  const text = String((error as Error)?.message ?? error);
  if (/timeout/i.test(text)) return 'timeout';
  if (/fetch|network|ECONN|unreachable|socket/i.test(text) || status === 0) return 'unreachable';
  return 'unknown';
}
