import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { RxCollection } from 'rxdb';
import { teamDatabaseName, TEAM_DATABASE_KINDS, type TeamDatabaseKind } from '@shared/couchdb/database-names';
import { isTransientSyncReason, retryDelay, type SyncErrorReason, type SyncEvent } from '@shared/domain/sync-state';
import { completeDeletionStub } from '@shared/domain/tombstone';
import type { CarteiraDatabase } from '../db/types';
import { anyCollectionOf } from '../db/collections/access';
import { PendingChanges } from './pending-changes';
import { DocumentGuard, parsedResponse } from './document-guard';
import { BATCH_SIZE, isAllDocs, isBulkDocs, isChangesFeed, LiveFeedStart, relevantChanges, withDeletedDocs, withPageSize } from './couch-pages';
import { registerProblemActions } from './sync-problem-actions';
import { syncProblemStore, type SyncProblemStore } from './sync-problems-store';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface TeamReplicationOptions {
  db: CarteiraDatabase;
  /** The team's CouchDB server, e.g. https://couch.example.com (no trailing slash needed). */
  serverUrl: string;
  team: string;
  /** Every request goes through this: in the app, the bridge to main, which adds the session. */
  fetch: Fetch;
  collections?: readonly TeamDatabaseKind[];
  /** Written only on the server (catalogue admins): never pushed. */
  pullOnly?: readonly TeamDatabaseKind[];
  live?: boolean;
  onEvent?(event: SyncEvent): void;
  clock?: () => number;
  /** Wait before the n-th retry in a row of one kind of request (pull, push, live feed); 1 s doubling to 60 s by default. */
  retryDelay?: (failures: number) => number;
  /** Where refused documents are kept (quarantined pulls, rejected pushes); the device's own by default. */
  problems?: SyncProblemStore;
  /**
   * Whether a local document may go to the server at all (the app refuses sample data here, as a
   * last guard); a refused one is neither pushed nor counted as a change waiting to be sent.
   */
  pushable?: (doc: unknown) => boolean;
}

export interface TeamReplication {
  readonly states: ReadonlyMap<TeamDatabaseKind, RxCouchDBReplicationState<unknown>>;
  /** Collections not replicating because their database is missing or forbidden on the server. */
  readonly unavailable: ReadonlyMap<TeamDatabaseKind, SyncErrorReason>;
  /**
   * Resolves when every running replication has pushed everything and holds the server's latest
   * state, and nothing moved while waiting: RxDB's own awaitInSync() snapshots its queues, so a
   * push answered with a conflict (the merge is pushed next), or a re-sync after resume, queued
   * work it did not wait for.
   */
  awaitInSync(): Promise<void>;
  /** Re-checks the server now (after a reconnect or a resume from sleep). */
  reSync(): void;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
}

export { BATCH_SIZE } from './couch-pages';
/**
 * RxDB's pull batch size, which is not the page size: RxDB ends a pull at a page with fewer
 * documents than its batch (downstream: `documents.length < pullBatchSize`) and sends the batch
 * as `limit`; the request is rewritten to ask for a page (see pageSize), so a page that lost a
 * design document still counts as full without another request for the missing row.
 */
const PULL_BATCH = 200;
const REPLICATION_DOWN_CONTEXT = 'replication-downstream';
const PROGRESS_STEP = 100;

/** The live feed's backoff stops growing at this step (8 s with the default delays). */
const LIVE_MAX_STEP = 4;

/** What a request was for: each has its own backoff, so a burst of errors in one does not slow the others. */
type Channel = 'pull' | 'push' | 'live';

/**
 * Live replication of every collection with the team's databases (`<team>-<collection>`),
 * each with a stable replication identifier so a restart resumes from its checkpoints.
 * Databases are checked first: RxDB retries a missing one forever, so it is reported instead.
 */
export async function startTeamReplication(options: TeamReplicationOptions): Promise<TeamReplication> {
  const { db, team, live = true, onEvent = () => {}, clock = Date.now } = options;
  const delayAfter = options.retryDelay ?? retryDelay;
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  // The 11 domain collections and the team's conflict log (so a merge's loser sees it on their device).
  const collections = options.collections ?? TEAM_DATABASE_KINDS;
  const pullOnly = new Set(options.pullOnly ?? ['products']);
  const states = new Map<TeamDatabaseKind, RxCouchDBReplicationState<unknown>>();
  const unavailable = new Map<TeamDatabaseKind, SyncErrorReason>();
  const cleanups: (() => void)[] = [];
  const problems = options.problems ?? syncProblemStore();

  const remoteCounts = new Map<TeamDatabaseKind, number>();
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
  /** received$ fires per document: the initial pull's progress is reported in steps, not 600k times. */
  const countReceived = (n: number) => {
    const before = received;
    received += n;
    const stepped = Math.floor(received / PROGRESS_STEP) > Math.floor(before / PROGRESS_STEP);
    if (!initialDone && n > 0 && (stepped || received >= total)) onEvent({ type: 'progress', done: Math.min(received, total), total });
  };
  let initialDone = false;
  /** Bumped by every write, push, pull and error: awaitInSync() waits until a full round saw none. */
  let activity = 0;

  /** This device's changes to a collection, counted as waiting to be sent (never the pull's own writes). */
  const countLocalChanges = (name: TeamDatabaseKind, collection: RxCollection<unknown>, pending: PendingChanges, onWrite = () => {}) => {
    const sub = collection.eventBulks$.subscribe((bulk) => {
      onWrite();
      if (bulk.context.startsWith(REPLICATION_DOWN_CONTEXT)) return;
      pending.add(bulk.events.filter((event) => !options.pushable || options.pushable(event.documentData)).map((event) => event.documentId));
      onEvent({ type: 'pending', collection: name, count: pending.size });
    });
    cleanups.push(() => {
      sub.unsubscribe();
      pending.saveNow();
    });
    onEvent({ type: 'pending', collection: name, count: pending.size });
  };

  for (const name of collections) {
    const collectionOf = (): RxCollection<unknown> => anyCollectionOf(db, name);
    const url = `${serverUrl}/${teamDatabaseName(team, name)}/`;
    const canPush = !pullOnly.has(name);
    const reason = unavailable.get(name);
    if (reason) {
      // Unreachable when sync started (a fair's Wi-Fi): nothing replicates until the controller
      // starts over on reconnect, but what is typed meanwhile still counts as waiting to be sent.
      if (canPush && isTransientSyncReason(reason)) countLocalChanges(name, collectionOf(), new PendingChanges(`carteira:pending:${url}`));
      continue;
    }
    const collection = collectionOf();
    const pending = new PendingChanges(`carteira:pending:${url}`);
    const failures: Record<Channel, number> = { pull: 0, push: 0, live: 0 };
    let lastStatus = 0;
    let state: RxCouchDBReplicationState<unknown> | undefined;
    const feed = new LiveFeedStart();
    const guard = await DocumentGuard.open(name, url, options.fetch, problems, collection, clock);
    cleanups.push(registerProblemActions(url, { retry: (id) => guard.retry(id), discard: (id) => guard.discard(id) }));
    const fetchFor: Fetch = async (input, init) => {
      if (canPush && isBulkDocs(input)) {
        lastStatus = 0;
        const answer = await guard.bulkDocs(input, init);
        lastStatus = answer.status;
        return answer;
      }
      const changes = isChangesFeed(input);
      if (changes) input = withPageSize(input, changes);
      if (changes === 'longpoll') input = await feed.resolveSince(input, () => state?.isStopped() ?? false);
      // Status of this request only: a network failure after an earlier 401 is not "unauthorized".
      lastStatus = 0;
      const response = await options.fetch(input, init);
      lastStatus = response.status;
      if (response.ok && isAllDocs(input)) {
        const body = await withDeletedDocs(options.fetch, input, init, response, name);
        await guard.masterRows(body.rows ?? [], init?.method === 'POST');
        return parsedResponse(body, response.status);
      }
      // RxDB reads a live-feed answer's `results` outside its try: an error answer (500, 401…)
      // threw there and ended the live feed for good. As a failed request, it is retried.
      if (changes === 'longpoll' && !response.ok) throw new TypeError(`Failed to fetch: the live feed answered ${response.status}`);
      if (!changes || !response.ok) return response;
      const page = await relevantChanges(options.fetch, input, init, response, PULL_BATCH, async (rows) => {
        const kept = await guard.pulledRows(rows);
        // Quarantined documents are part of the server's count: the progress still reaches it.
        countReceived(rows.length - kept.length);
        return kept;
      });
      // A page that parsed is a success of its own kind: that kind's backoff starts over.
      failures[changes === 'longpoll' ? 'live' : 'pull'] = 0;
      if (changes === 'normal') feed.pageArrived(page.body, PULL_BATCH);
      return page.response;
    };
    state = replicateCouchDB<unknown>({
      replicationIdentifier: `carteira:${url}`,
      collection,
      url,
      fetch: fetchFor as never,
      live,
      retryTime: delayAfter(1),
      // Deletions by other CouchDB clients arrive as bare stubs; complete them so any schema accepts them.
      pull: { batchSize: PULL_BATCH, modifier: (doc) => completeDeletionStub(name, doc as Record<string, unknown>) as never },
      push: canPush ? { batchSize: BATCH_SIZE, ...pushRefusal(options.pushable) } : undefined,
    });
    cleanups.push(() => feed.stop());
    states.set(name, state);

    // Writes the pull made are the server's own; everything else is a local change to push.
    if (canPush) countLocalChanges(name, collection, pending, () => (activity += 1));
    const replication = state;
    const subs = [
      replication.sent$.subscribe((doc) => {
        activity += 1;
        failures.push = 0;
        pending.acknowledge([(doc as unknown as { id: string }).id]);
        onEvent({ type: 'pending', collection: name, count: pending.size });
      }),
      // A push answered with a conflict reached the server too: the merge is pushed next.
      replication.conflict$.subscribe(() => {
        activity += 1;
        failures.push = 0;
      }),
      replication.received$.subscribe(() => {
        activity += 1;
        countReceived(1);
      }),
      replication.active$.subscribe((active) => {
        onEvent({ type: 'active', collection: name, active });
        if (!active) onEvent({ type: 'idle', at: clock() });
      }),
      replication.error$.subscribe((error) => {
        activity += 1;
        // RxDB reads retryTime right after emitting the error, to wait before that same request again.
        const channel = channelOf(error);
        if (channel) {
          failures[channel] += 1;
          // The live feed's wait cannot be cut short on reconnect (RxDB sleeps it out), so it stays
          // short: after a long outage, others' changes flow again within seconds, not a minute.
          replication.retryTime = delayAfter(channel === 'live' ? Math.min(failures.live, LIVE_MAX_STEP) : failures[channel]);
        }
        const reason = lastStatus === 401 ? 'unauthorized' : classifyError(lastStatus, error);
        onEvent({ type: 'error', collection: name, reason, detail: String(error?.message ?? error).slice(0, 300), at: clock() });
      }),
    ];
    cleanups.push(() => subs.forEach((s) => s.unsubscribe()));
  }
  void Promise.all([...states.values()].map((s) => s.awaitInitialReplication())).then(
    () => {
      initialDone = true;
    },
    () => {},
  );

  return {
    states,
    unavailable,
    async awaitInSync() {
      // A stopped replication (a one-shot pull that has finished, or a cancelled one) moves no
      // more: waiting on it, and confirming it with a re-sync it would ignore, only added RxDB's
      // idle waits (measured: 140–220 ms after a one-shot pull had written its last document).
      const running = () => [...states.values()].filter((s) => !s.isStopped());
      const settled = async () => {
        await Promise.all(running().map((s) => s.awaitInSync()));
        // A macrotask lets change streams and RxDB's async re-sync step queue what they will.
        await new Promise((resolve) => setTimeout(resolve, 0));
      };
      for (;;) {
        const seen = activity;
        await settled();
        if (activity !== seen) continue;
        const live = running();
        if (live.length === 0) return;
        // The live feed can hand RxDB a document older than one this device has just pushed (a
        // feed answer queued behind the push); RxDB writes it, and the newer state only comes
        // back with the next feed answer. One pull from the checkpoint confirms the device holds
        // the server's latest: done when it finds nothing to write.
        for (const s of live) s.reSync();
        await settled();
        if (activity === seen) return;
      }
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

/** RxDB skips a document whose push modifier returns null. */
function pushRefusal(pushable: TeamReplicationOptions['pushable']): { modifier?: (doc: unknown) => unknown } {
  return pushable ? { modifier: (doc) => (pushable(doc) ? doc : null) } : {};
}

/** Which retry loop an error of RxDB's replication comes from (the others do not wait). */
function channelOf(error: unknown): Channel | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'RC_PULL') return 'pull';
  if (code === 'RC_STREAM') return 'live';
  if (code === 'RC_PUSH' || code === 'RC_PUSH_NO_AR') return 'push';
  return null;
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
