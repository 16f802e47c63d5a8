import type { IncomingKind } from '@shared/domain/incoming-document';
import { completeDeletionStub } from '@shared/domain/tombstone';
import { parsedResponse, type AllDocsRow, type ChangesRow } from './document-guard';

/**
 * How Carteira's replication reads CouchDB's answers before RxDB sees them: page sizes of the
 * changes feed, the pages themselves (design documents and refused documents out, topped up so
 * RxDB does not take a short page for the end), where the live feed starts, and the tombstones
 * `_all_docs` leaves out. Split from replication.ts, which wires these into RxDB's fetch.
 */
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

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

export function isAllDocs(url: string): boolean {
  return new URL(url).pathname.endsWith('/_all_docs');
}

/**
 * Before a push, RxDB reads the server's versions with `_all_docs?keys=…&include_docs=true`, which
 * answers a deleted document with `doc: null`. RxDB then took it for one that never existed: a
 * deletion pushed for a document another device had already deleted came back as a conflict,
 * whose second read (`doc: null` again) threw, so that push failed and was retried forever; and an
 * edit of a document deleted on the server re-created it without meeting the deletion in the
 * merge. Deleted rows get their tombstone (fetched with `_bulk_get`), completed like a pulled
 * deletion, so the push meets it as the server's current state and the merge decides.
 */
export async function withDeletedDocs(
  fetch: Fetch,
  input: string,
  init: RequestInit | undefined,
  response: Response,
  collection: IncomingKind,
): Promise<{ rows?: AllDocsRow[] }> {
  const body = (await response.json()) as { rows?: AllDocsRow[] };
  const deleted = (body.rows ?? []).filter((row) => row.value?.deleted === true && row.doc == null && row.id && row.value.rev);
  if (deleted.length === 0) return body;
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
  return body;
}

export function isBulkDocs(url: string): boolean {
  return new URL(url).pathname.endsWith('/_bulk_docs');
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return headers;
}

/** RxDB's initial and re-sync pull asks `_changes?feed=normal`, its live stream `feed=longpoll`. */
export function isChangesFeed(url: string): 'normal' | 'longpoll' | null {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/_changes')) return null;
  return parsed.searchParams.get('feed') === 'longpoll' ? 'longpoll' : 'normal';
}

type ChangesPage = { results?: ChangesRow[]; last_seq?: unknown };

/**
 * Where the live feed starts. RxDB opens it with `since=now` when replication starts, while the
 * first pull is still paging, and again after a failed request if none had answered yet: a change
 * written on the server between the pull's last page and the feed's request reached the device
 * only at the next re-sync. The feed waits for the end of the first pull and starts from the
 * sequence its last page reached.
 */
export class LiveFeedStart {
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
export function withPageSize(input: string, feed: 'normal' | 'longpoll'): string {
  const url = new URL(input);
  const size = feed === 'normal' && url.searchParams.get('since') === '0' ? FIRST_PAGE : BATCH_SIZE;
  url.searchParams.set('limit', String(size));
  if (url.searchParams.has('seq_interval')) url.searchParams.set('seq_interval', String(size));
  return url.toString();
}

/**
 * What RxDB's pull should see of a changes answer. The server's design documents (validation
 * rules) are not data (RxDB's pull has no filter): they are dropped, and so are documents the
 * incoming check refuses (`check` quarantines them); `last_seq` is kept so checkpoints advance
 * past both. RxDB takes a page with fewer documents than its batch as the end of a
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
export async function relevantChanges(
  fetch: Fetch,
  input: string,
  init: RequestInit | undefined,
  response: Response,
  batch: number,
  check: (rows: ChangesRow[]) => Promise<ChangesRow[]>,
): Promise<{ response: Response; body: ChangesPage }> {
  const body = (await response.json()) as ChangesPage;
  if (!Array.isArray(body.results)) throw new TypeError('Failed to fetch: a changes answer without results');
  const keep = (rows: ChangesRow[]) => check(rows.filter((row) => !row.id.startsWith('_design/')));
  const url = new URL(input);
  const limit = Number(url.searchParams.get('limit') ?? 0);
  let pageFull = url.searchParams.get('feed') === 'normal' && limit > 0 && body.results.length >= limit;
  const rows = await keep(body.results);
  while (pageFull && rows.length < batch) {
    url.searchParams.set('since', typeof body.last_seq === 'string' ? body.last_seq : JSON.stringify(body.last_seq));
    const next = await fetch(url.toString(), init);
    // A short page would end RxDB's pull early: fail it instead, RxDB retries from its checkpoint.
    if (!next.ok) throw new TypeError(`Failed to fetch: a changes page answered ${next.status}`);
    const page = (await next.json()) as ChangesPage;
    if (!Array.isArray(page.results)) throw new TypeError('Failed to fetch: a changes answer without results');
    rows.push(...(await keep(page.results)));
    body.last_seq = page.last_seq;
    pageFull = page.results.length >= limit;
  }
  body.results = rows;
  return { response: parsedResponse(body, response.status), body };
}
