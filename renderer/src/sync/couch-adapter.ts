import type { TeamDatabaseKind } from '@shared/couchdb/database-names';
import type { SyncErrorReason } from '@shared/domain/sync-state';
import { completeDeletionStub } from '@shared/domain/tombstone';
import { parsedResponse, type DocumentGuard } from './document-guard';
import { isAllDocs, isBulkDocs, isChangesFeed, LiveFeedStart, relevantChanges, withDeletedDocs, withPageSize } from './couch-pages';
import { classifyDatabaseAnswer, type Channel } from './sync-errors';

/**
 * The CouchDB side of a collection's replication: what RxDB's CouchDB plugin is given instead of
 * the plain fetch (each request rewritten or read before RxDB sees it, see couch-pages.ts and
 * document-guard.ts), the check of a database before replicating it, and the push and pull
 * modifiers. replication.ts wires these into RxDB and counts what they report.
 */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * RxDB's pull batch size, which is not the page size: RxDB ends a pull at a page with fewer
 * documents than its batch (downstream: `documents.length < pullBatchSize`) and sends the batch
 * as `limit`; the request is rewritten to ask for a page (see pageSize), so a page that lost a
 * design document still counts as full without another request for the missing row.
 */
export const PULL_BATCH = 200;

export interface CouchFetchOptions {
  name: TeamDatabaseKind;
  /** The fetch to the server (in the app, the bridge to main, which adds the session). */
  fetch: Fetch;
  guard: DocumentGuard;
  /** Pushes go through the guard only where this device may push. */
  canPush: boolean;
  /** Whether RxDB's replication has stopped (the live feed then stops waiting for the first pull). */
  isStopped(): boolean;
  /** Rows of a changes page that will not reach RxDB (quarantined): the progress still counts them. */
  onSkipped(count: number): void;
  /** A changes page parsed: that channel's backoff starts over. */
  onPageParsed(channel: Extract<Channel, 'pull' | 'live'>): void;
}

export interface CouchFetch {
  /** The fetch RxDB's CouchDB plugin is given. */
  readonly fetch: Fetch;
  /** HTTP status of the latest request only (0 while it is under way or when none answered). */
  lastStatus(): number;
  /** Ends the live feed's wait for the first pull. */
  stop(): void;
}

/** RxDB's fetch for one collection's database, with Carteira's CouchDB protocol workarounds. */
export function couchFetch(options: CouchFetchOptions): CouchFetch {
  const { name, guard, canPush } = options;
  const feed = new LiveFeedStart();
  let lastStatus = 0;
  const fetch: Fetch = async (input, init) => {
    if (canPush && isBulkDocs(input)) {
      lastStatus = 0;
      const answer = await guard.bulkDocs(input, init);
      lastStatus = answer.status;
      return answer;
    }
    const changes = isChangesFeed(input);
    if (changes) input = withPageSize(input, changes);
    if (changes === 'longpoll') input = await feed.resolveSince(input, () => options.isStopped());
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
      options.onSkipped(rows.length - kept.length);
      return kept;
    });
    // A page that parsed is a success of its own kind: that kind's backoff starts over.
    options.onPageParsed(changes === 'longpoll' ? 'live' : 'pull');
    if (changes === 'normal') feed.pageArrived(page.body, PULL_BATCH);
    return page.response;
  };
  return { fetch, lastStatus: () => lastStatus, stop: () => feed.stop() };
}

/** Deletions by other CouchDB clients arrive as bare stubs; completed so any schema accepts them. */
export function pullModifier(name: TeamDatabaseKind): (doc: unknown) => never {
  return (doc) => completeDeletionStub(name, doc as Record<string, unknown>) as never;
}

/** RxDB skips a document whose push modifier returns null. */
export function pushRefusal(pushable: ((doc: unknown) => boolean) | undefined): { modifier?: (doc: unknown) => unknown } {
  return pushable ? { modifier: (doc) => (pushable(doc) ? doc : null) } : {};
}

/**
 * A database checked before replicating it: RxDB retries a missing one forever, so it is reported
 * instead. Answers its document count (the initial pull's progress total) or why it is unavailable.
 */
export async function checkRemoteDatabase(fetch: Fetch, url: string): Promise<{ ok: true; docCount: number } | { ok: false; reason: SyncErrorReason }> {
  try {
    const response = await fetch(url);
    const reason = classifyDatabaseAnswer(response.status);
    if (reason) return { ok: false, reason };
    const info = (await response.json()) as { doc_count?: number };
    return { ok: true, docCount: info.doc_count ?? 0 };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
