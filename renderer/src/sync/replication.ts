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
  /** Wait before the n-th retry in a row of one kind of request (pull, push, live feed); 1 s doubling to 60 s by default. */
  retryDelay?: (failures: number) => number;
  /**
   * Whether a local document may go to the server at all (the app refuses sample data here, as a
   * last guard); a refused one is neither pushed nor counted as a change waiting to be sent.
   */
  pushable?: (doc: unknown) => boolean;
}

export interface TeamReplication {
  readonly states: ReadonlyMap<CollectionName, RxCouchDBReplicationState<unknown>>;
  /** Collections not replicating because their database is missing or forbidden on the server. */
  readonly unavailable: ReadonlyMap<CollectionName, SyncErrorReason>;
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

/**
 * Batches of 1000: pushing 10k docs from Chromium took 23.5 s at 100, 5.1 s at 1000 (DESIGN §5).
 * Pull pages too: 2000 or 5000 made no measurable difference to a 5000-document pull (its time
 * goes to IndexedDB, per document), while a page is what a restart loses and what progress steps by.
 */
export const BATCH_SIZE = 1000;
/**
 * The first page of a pull from the start: small, so the device starts writing while the server
 * prepares the next pages (a 1000-document page kept IndexedDB idle for its first ~0.3 s).
 */
const FIRST_PAGE = 250;
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
  /** Bumped by every write, push, pull and error: awaitInSync() waits until a full round saw none. */
  let activity = 0;

  for (const name of collections) {
    if (unavailable.has(name)) continue;
    const collection = db.collections[name] as unknown as RxCollection<unknown>;
    const url = `${serverUrl}/${teamDatabaseName(team, name)}/`;
    const canPush = !pullOnly.has(name);
    const pending = new PendingChanges(`carteira:pending:${url}`);
    const failures: Record<Channel, number> = { pull: 0, push: 0, live: 0 };
    let lastStatus = 0;
    let state: RxCouchDBReplicationState<unknown> | undefined;
    const feed = new LiveFeedStart();
    const fetchFor: Fetch = async (input, init) => {
      const changes = isChangesFeed(input);
      if (changes) input = withPageSize(input, changes);
      if (changes === 'longpoll') input = await feed.resolveSince(input, () => state?.isStopped() ?? false);
      // Status of this request only: a network failure after an earlier 401 is not "unauthorized".
      lastStatus = 0;
      const response = await options.fetch(input, init);
      lastStatus = response.status;
      if (response.ok && isAllDocs(input)) return withDeletedDocs(options.fetch, input, init, response, name);
      // RxDB reads a live-feed answer's `results` outside its try: an error answer (500, 401…)
      // threw there and ended the live feed for good. As a failed request, it is retried.
      if (changes === 'longpoll' && !response.ok) throw new TypeError(`Failed to fetch: the live feed answered ${response.status}`);
      if (!changes || !response.ok) return response;
      const page = await relevantChanges(options.fetch, input, init, response, PULL_BATCH);
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

    if (canPush) {
      // Writes the pull made are the server's own; everything else is a local change to push.
      const sub = collection.eventBulks$.subscribe((bulk) => {
        activity += 1;
        if (bulk.context.startsWith(REPLICATION_DOWN_CONTEXT)) return;
        pending.add(bulk.events.filter((event) => !options.pushable || options.pushable(event.documentData)).map((event) => event.documentId));
        onEvent({ type: 'pending', collection: name, count: pending.size });
      });
      cleanups.push(() => sub.unsubscribe());
      onEvent({ type: 'pending', collection: name, count: pending.size });
    }
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
        // received$ fires per document: report the initial pull's progress in steps, not 600k times.
        received += 1;
        if (!initialDone && (received % PROGRESS_STEP === 0 || received >= total)) onEvent({ type: 'progress', done: Math.min(received, total), total });
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
  void Promise.all([...states.values()].map((s) => s.awaitInitialReplication())).then(() => {
    initialDone = true;
  }, () => {});

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

function isAllDocs(url: string): boolean {
  return new URL(url).pathname.endsWith('/_all_docs');
}

type AllDocsRow = { key?: string; id?: string; value?: { rev?: string; deleted?: boolean }; doc?: Record<string, unknown> | null };

/**
 * Before a push, RxDB reads the server's versions with `_all_docs?keys=…&include_docs=true`, which
 * answers a deleted document with `doc: null`. RxDB then took it for one that never existed: a
 * deletion pushed for a document another device had already deleted came back as a conflict,
 * whose second read (`doc: null` again) threw, so that push failed and was retried forever; and an
 * edit of a document deleted on the server re-created it without meeting the deletion in the
 * merge. Deleted rows get their tombstone (fetched with `_bulk_get`), completed like a pulled
 * deletion, so the push meets it as the server's current state and the merge decides.
 */
async function withDeletedDocs(fetch: Fetch, input: string, init: RequestInit | undefined, response: Response, collection: CollectionName): Promise<Response> {
  const body = (await response.json()) as { rows?: AllDocsRow[] };
  const deleted = (body.rows ?? []).filter((row) => row.value?.deleted === true && row.doc == null && row.id && row.value.rev);
  if (deleted.length === 0) return parsedResponse(body, response.status);
  const url = new URL(input);
  url.pathname = url.pathname.replace(/_all_docs$/, '_bulk_get');
  url.search = '';
  const answer = await fetch(url.toString(), {
    method: 'POST',
    headers: { ...headersOf(init), 'content-type': 'application/json' },
    body: JSON.stringify({ docs: deleted.map((row) => ({ id: row.id, rev: row.value!.rev })) }),
  });
  // Without the tombstones the push cannot be decided: fail it, RxDB retries.
  if (!answer.ok) throw new TypeError(`Failed to fetch: _bulk_get answered ${answer.status}`);
  const { results } = (await answer.json()) as { results?: { id: string; docs: { ok?: Record<string, unknown> }[] }[] };
  const tombstones = new Map((results ?? []).map((r) => [r.id, r.docs.find((d) => d.ok)?.ok]));
  for (const row of deleted) {
    const doc = tombstones.get(row.id!);
    if (!doc) throw new TypeError(`Failed to fetch: no tombstone for ${row.id}`);
    row.doc = completeDeletionStub(collection, { ...doc, id: row.id, _deleted: true });
  }
  return parsedResponse(body, response.status);
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}

/** RxDB's initial and re-sync pull asks `_changes?feed=normal`, its live stream `feed=longpoll`. */
function isChangesFeed(url: string): 'normal' | 'longpoll' | null {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/_changes')) return null;
  return parsed.searchParams.get('feed') === 'longpoll' ? 'longpoll' : 'normal';
}

/** Which retry loop an error of RxDB's replication comes from (the others do not wait). */
function channelOf(error: unknown): Channel | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'RC_PULL') return 'pull';
  if (code === 'RC_STREAM') return 'live';
  if (code === 'RC_PUSH' || code === 'RC_PUSH_NO_AR') return 'push';
  return null;
}

type ChangesRow = { id: string; doc?: { _rev?: string } };
type ChangesPage = { results?: ChangesRow[]; last_seq?: unknown };

/**
 * Where the live feed starts. RxDB opens it with `since=now` when replication starts, while the
 * first pull is still paging, and again after a failed request if none had answered yet: a change
 * written on the server between the pull's last page and the feed's request reached the device
 * only at the next re-sync. The feed waits for the end of the first pull and starts from the
 * sequence its last page reached.
 */
class LiveFeedStart {
  private lastSeq: unknown;
  private pulled = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  pageArrived(page: ChangesPage, batch: number): void {
    if (page.last_seq !== undefined && page.last_seq !== null) this.lastSeq = page.last_seq;
    // RxDB's own rule for the end of a pull: a page with fewer documents than its batch.
    if (Array.isArray(page.results) && page.results.length < batch) {
      this.pulled = true;
      this.release();
    }
  }

  async resolveSince(url: string, isStopped: () => boolean): Promise<string> {
    const parsed = new URL(url);
    if (parsed.searchParams.get('since') !== 'now') return url;
    if (!this.pulled && !this.stopped) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.stopped || isStopped()) throw new TypeError('Failed to fetch: replication stopped');
    if (this.lastSeq !== undefined) parsed.searchParams.set('since', typeof this.lastSeq === 'string' ? this.lastSeq : JSON.stringify(this.lastSeq));
    return parsed.toString();
  }

  stop(): void {
    this.stopped = true;
    this.release();
  }

  private release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/**
 * The `limit` a changes request really asks for (RxDB sends its batch): a page of BATCH_SIZE,
 * and FIRST_PAGE for the first page of a pull from the start. The live feed gets whole pages too.
 */
function withPageSize(input: string, feed: 'normal' | 'longpoll'): string {
  const url = new URL(input);
  const size = feed === 'normal' && url.searchParams.get('since') === '0' ? FIRST_PAGE : BATCH_SIZE;
  url.searchParams.set('limit', String(size));
  if (url.searchParams.has('seq_interval')) url.searchParams.set('seq_interval', String(size));
  return url.toString();
}

/**
 * What RxDB's pull should see of a changes answer. The server's design documents (validation
 * rules) are not data (RxDB's pull has no filter): they are dropped, `last_seq` is kept so
 * checkpoints advance. RxDB takes a page with fewer documents than its batch as the end of a
 * pull (downstream: `documents.length < pullBatchSize`); pages are larger than the batch, so
 * dropping a design document leaves enough, but a full page left with fewer than `batch` is
 * topped up from where it ended: otherwise a large team's first pull stopped after one page until
 * the next live change (measured: 1000 of 3000 documents, when pages were the batch).
 *
 * This device's own pushes coming back are not dropped, though a push of 10k edits comes back as
 * 10k documents RxDB reads and compares: RxDB can apply a feed answer fetched before a push after
 * it (an older state over the one just pushed), and the echo is what brings the device back to
 * the server's state (dropping it left a device behind in the three-device property test).
 */
async function relevantChanges(
  fetch: Fetch, input: string, init: RequestInit | undefined, response: Response, batch: number,
): Promise<{ response: Response; body: ChangesPage }> {
  const body = (await response.json()) as ChangesPage;
  if (!Array.isArray(body.results)) throw new TypeError('Failed to fetch: a changes answer without results');
  const keep = (row: ChangesRow) => !row.id.startsWith('_design/');
  const url = new URL(input);
  const limit = Number(url.searchParams.get('limit') ?? 0);
  let pageFull = url.searchParams.get('feed') === 'normal' && limit > 0 && body.results.length >= limit;
  const rows = body.results.filter(keep);
  while (pageFull && rows.length < batch) {
    url.searchParams.set('since', typeof body.last_seq === 'string' ? body.last_seq : JSON.stringify(body.last_seq));
    const next = await fetch(url.toString(), init);
    // A short page would end RxDB's pull early: fail it instead, RxDB retries from its checkpoint.
    if (!next.ok) throw new TypeError(`Failed to fetch: a changes page answered ${next.status}`);
    const page = (await next.json()) as ChangesPage;
    if (!Array.isArray(page.results)) throw new TypeError('Failed to fetch: a changes answer without results');
    rows.push(...page.results.filter(keep));
    body.last_seq = page.last_seq;
    pageFull = page.results.length >= limit;
  }
  body.results = rows;
  return { response: parsedResponse(body, response.status), body };
}

/**
 * An answer already parsed: RxDB only calls `json()` on it. Re-serialising a page of 1000
 * documents for RxDB to parse again cost as much as the first parse (the pull's main client work).
 */
function parsedResponse(body: unknown, status: number): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as unknown as Response;
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
