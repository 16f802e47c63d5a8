import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { RxCollection } from 'rxdb';
import { teamDatabaseName, TEAM_DATABASE_KINDS, type TeamDatabaseKind } from '@shared/couchdb/database-names';
import { isTransientSyncReason, retryDelay, type SyncErrorReason, type SyncEvent } from '@shared/domain/sync-state';
import type { CarteiraDatabase } from '../db/types';
import { anyCollectionOf } from '../db/collections/access';
import { PendingChanges } from './pending-changes';
import { DocumentGuard } from './document-guard';
import { BATCH_SIZE } from './couch-pages';
import { checkRemoteDatabase, couchFetch, PULL_BATCH, pullModifier, pushRefusal, type Fetch } from './couch-adapter';
import { channelOf, classifyError, errorDetail, retryStep, type Channel } from './sync-errors';
import { registerProblemActions } from './sync-problem-actions';
import { syncProblemStore, type SyncProblemStore } from './sync-problems-store';

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
const REPLICATION_DOWN_CONTEXT = 'replication-downstream';
const PROGRESS_STEP = 100;

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
    let state: RxCouchDBReplicationState<unknown> | undefined;
    const guard = await DocumentGuard.open(name, url, options.fetch, problems, collection, clock);
    cleanups.push(registerProblemActions(url, { retry: (id) => guard.retry(id), discard: (id) => guard.discard(id) }));
    const couch = couchFetch({
      name,
      fetch: options.fetch,
      guard,
      canPush,
      isStopped: () => state?.isStopped() ?? false,
      onSkipped: countReceived,
      onPageParsed: (channel) => (failures[channel] = 0),
    });
    state = replicateCouchDB<unknown>({
      replicationIdentifier: `carteira:${url}`,
      collection,
      url,
      fetch: couch.fetch as never,
      live,
      retryTime: delayAfter(1),
      // Deletions by other CouchDB clients arrive as bare stubs; complete them so any schema accepts them.
      pull: { batchSize: PULL_BATCH, modifier: pullModifier(name) },
      push: canPush ? { batchSize: BATCH_SIZE, ...pushRefusal(options.pushable) } : undefined,
    });
    cleanups.push(() => couch.stop());
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
          replication.retryTime = delayAfter(retryStep(channel, failures[channel]));
        }
        onEvent({ type: 'error', collection: name, reason: classifyError(couch.lastStatus(), error), detail: errorDetail(error), at: clock() });
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
