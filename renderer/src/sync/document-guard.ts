import type { RxCollection } from 'rxdb';
import type { IncomingKind } from '@shared/domain/incoming-document';
import { checkIncomingDocument } from '@shared/domain/incoming-document';
import { problemKey, RAW_MAX, type QuarantinedDocument, type RejectedChange, type SyncProblemStore } from './sync-problems-store';
import type { RetryOutcome } from './sync-problem-actions';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
type CouchDoc = Record<string, unknown> & { _id?: string; _rev?: string; _deleted?: boolean };
type BulkRow = { id?: string; ok?: boolean; rev?: string; error?: string; reason?: string };
export type ChangesRow = { id: string; doc?: CouchDoc | null };
export type AllDocsRow = { key?: string; id?: string; value?: { rev?: string; deleted?: boolean }; doc?: CouchDoc | null; error?: string };

/** CouchDB's per-document errors and the status they stand for. */
const ERROR_STATUS: Record<string, number> = { forbidden: 403, unauthorized: 401, too_large: 413, bad_request: 400, invalid: 400 };
const REASON_MAX = 500;

/**
 * One collection's guard at the edge of its replication, between RxDB and the server:
 * - pulled documents pass the incoming check; a refused one is quarantined and left out of the
 *   page (its sequence still moves the checkpoint), a later valid revision clears its entry;
 * - the server's versions read before a push pass it too, so a refused one never reaches the
 *   collection through a conflict merge;
 * - a `_bulk_docs` answer that refuses some documents is one document's problem: each refused
 *   one is kept as a rejected change and reported to RxDB as written, so the others flow and the
 *   push does not throw for the whole batch (RxDB 17 throws on any error but a conflict, and
 *   retries that batch forever); a request refused whole as too large is split until each
 *   oversized document stands alone.
 *
 * Reporting a refused document as written makes RxDB take the sent state for the server's. The
 * guard keeps that true where it matters: while the server still holds the revision the change
 * was based on, the push's read of the server answers with the sent state, so a later edit is
 * pushed over that revision instead of being "merged" with the server's older values.
 */
export class DocumentGuard {
  private readonly quarantined = new Set<string>();
  private readonly rejected = new Map<string, RejectedChange>();
  /** Server revisions refused by the incoming check that the next push of the document replaces. */
  private readonly overwrite = new Map<string, string>();

  private constructor(
    private readonly name: IncomingKind,
    private readonly url: string,
    private readonly fetch: Fetch,
    private readonly store: SyncProblemStore,
    private readonly collection: RxCollection<unknown>,
    private readonly clock: () => number,
  ) {}

  static async open(
    name: IncomingKind,
    url: string,
    fetch: Fetch,
    store: SyncProblemStore,
    collection: RxCollection<unknown>,
    clock: () => number,
  ): Promise<DocumentGuard> {
    const guard = new DocumentGuard(name, url, fetch, store, collection, clock);
    for (const problem of await store.listScope(url)) {
      if (problem.kind === 'quarantined') guard.quarantined.add(problem.docId);
      else guard.rejected.set(problem.docId, problem);
    }
    return guard;
  }

  /** The rows of a changes page RxDB may store; refused ones are quarantined (awaited, so none is lost). */
  async pulledRows<R extends ChangesRow>(rows: R[]): Promise<R[]> {
    const keep: R[] = [];
    const quarantine: QuarantinedDocument[] = [];
    const cleared: string[] = [];
    for (const row of rows) {
      if (!row.doc) {
        keep.push(row);
        continue;
      }
      const check = checkIncomingDocument(this.name, row.doc);
      if (!check.ok) {
        quarantine.push(this.quarantineEntry(row.id, row.doc, check.issues));
        continue;
      }
      row.doc = check.doc as CouchDoc;
      keep.push(row);
      cleared.push(...this.clearedBy(row.id, row.doc));
    }
    await this.record(quarantine, cleared);
    return keep;
  }

  /**
   * The server's versions a push reads (`_all_docs`), made safe for RxDB's conflict merge.
   * `beforePush` is the read before a `_bulk_docs` (RxDB sends the keys by POST); the other one
   * re-reads documents a write met in conflict.
   */
  async masterRows(rows: AllDocsRow[], beforePush: boolean): Promise<void> {
    const quarantine: QuarantinedDocument[] = [];
    let refusedInConflict = false;
    for (const row of rows) {
      const id = row.id ?? row.key;
      if (!id) continue;
      const rejected = this.rejected.get(id);
      const serverRev = row.value?.rev ?? null;
      if (rejected && rejected.serverRev !== null && rejected.serverRev === serverRev) {
        row.doc = { ...rejected.sent, _rev: serverRev };
        continue;
      }
      if (!row.doc || row.doc._deleted === true) continue;
      const check = checkIncomingDocument(this.name, row.doc);
      if (check.ok) continue;
      quarantine.push(this.quarantineEntry(id, row.doc, check.issues));
      // Never merged into the collection: RxDB is told there is no server version, so it sends
      // the device's own, which bulkDocs() writes over the refused revision.
      if (serverRev) this.overwrite.set(id, serverRev);
      row.doc = null;
      refusedInConflict ||= !beforePush;
    }
    await this.record(quarantine, []);
    // RxDB cannot take "none" for a document it met in conflict: the push is tried again, and its
    // first read then finds the refused revision.
    if (refusedInConflict) throw new TypeError('Failed to fetch: the server holds a refused revision; pushing again');
  }

  /** Sends a `_bulk_docs` request; refused documents become rejected changes, answered to RxDB as written. */
  async bulkDocs(input: string, init: RequestInit | undefined): Promise<Response> {
    const body = JSON.parse(String(init?.body ?? '{}')) as { docs?: CouchDoc[] };
    const docs = body.docs ?? [];
    for (const doc of docs) {
      const rev = this.overwrite.get(String(doc._id));
      if (rev && doc._rev === undefined) doc._rev = rev;
      this.overwrite.delete(String(doc._id));
    }
    const answer = await this.send(input, init, docs);
    if (!answer.ok) return answer.response;
    const rows = await this.settle(docs, answer.rows);
    return parsedResponse(rows, 201);
  }

  /** Retry from the sync problems screen: the device's current version, over the server's revision. */
  async retry(docId: string): Promise<RetryOutcome> {
    const entry = this.rejected.get(docId);
    if (!entry) return { ok: true };
    const serverRev = await this.serverRevision(docId);
    if (serverRev !== entry.serverRev) {
      // Someone changed the document since: sending now would overwrite their change unseen.
      // The server's version comes in with the next pull, as after any edit elsewhere.
      await this.forget(docId);
      return { ok: false, status: 409, reason: 'server_changed' };
    }
    const local = (await this.localCouchDoc(docId)) ?? { ...entry.sent, _deleted: true };
    const doc: CouchDoc = { ...local, _id: docId };
    if (serverRev) doc._rev = serverRev;
    else delete doc._rev;
    const url = `${this.url}_bulk_docs`;
    const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs: [doc] }) };
    const answer = await this.send(url, init, [doc]);
    if (!answer.ok) return { ok: false, status: answer.response.status, reason: `HTTP ${answer.response.status}` };
    await this.settle([doc], answer.rows);
    const still = this.rejected.get(docId);
    return still ? { ok: false, status: still.status, reason: still.reason || still.error } : { ok: true };
  }

  /** Discard from the screen: the device takes the server's version (a document new to the server is removed). */
  async discard(docId: string): Promise<void> {
    const response = await this.fetch(`${this.url}${encodeURIComponent(docId)}`);
    if (response.status !== 200 && response.status !== 404) throw new Error(`HTTP ${response.status}`);
    const server = response.status === 200 ? ((await response.json()) as CouchDoc) : null;
    const local = (await this.collection.findOne(docId).exec()) as { remove(): Promise<unknown> } | null;
    await this.forget(docId);
    if (!server) {
      await local?.remove();
      return;
    }
    const check = checkIncomingDocument(this.name, server);
    if (!check.ok) throw new Error(check.issues.map((i) => `${i.path} ${i.code}`).join(', '));
    const { _id, _rev, _revisions, _deleted, ...fields } = check.doc as CouchDoc;
    await this.collection.upsert({ ...fields, id: _id });
  }

  private async send(
    input: string,
    init: RequestInit | undefined,
    docs: CouchDoc[],
  ): Promise<{ ok: true; rows: BulkRow[] } | { ok: false; response: Response }> {
    const response = await this.fetch(input, { ...init, body: JSON.stringify({ docs }) });
    if (response.status === 413) {
      // The request as a whole was too large: halves until the oversized document stands alone.
      if (docs.length <= 1) {
        return { ok: true, rows: docs.map((d) => ({ id: d._id, error: 'too_large', reason: 'the document is larger than the server accepts' })) };
      }
      const middle = Math.ceil(docs.length / 2);
      const rows: BulkRow[] = [];
      for (const part of [docs.slice(0, middle), docs.slice(middle)]) {
        const answer = await this.send(input, init, part);
        if (!answer.ok) return answer;
        rows.push(...answer.rows);
      }
      return { ok: true, rows };
    }
    if (!response.ok) return { ok: false, response };
    const rows = (await response.json()) as unknown;
    if (!Array.isArray(rows)) throw new TypeError('Failed to fetch: a _bulk_docs answer that is not a list');
    return { ok: true, rows: rows as BulkRow[] };
  }

  /** Records refusals and clears entries the server now accepted; returns the rows RxDB should see. */
  private async settle(docs: CouchDoc[], rows: BulkRow[]): Promise<BulkRow[]> {
    const sentById = new Map(docs.map((d) => [String(d._id), d]));
    const rejected: RejectedChange[] = [];
    const cleared: string[] = [];
    const answer = rows.map((row) => {
      const id = row.id ?? '';
      if (row.ok) {
        if (this.rejected.delete(id)) cleared.push(problemKey(this.url, 'rejected', id));
        return row;
      }
      if (row.error === 'conflict' || !sentById.has(id)) return row;
      const sent = sentById.get(id)!;
      const serverRev = typeof sent._rev === 'string' ? sent._rev : null;
      // Deleting a document the server never had leaves nothing to tell.
      if (!(sent._deleted === true && serverRev === null)) {
        const entry: RejectedChange = {
          key: problemKey(this.url, 'rejected', id),
          scope: this.url,
          collection: this.name,
          docId: id,
          at: this.clock(),
          kind: 'rejected',
          status: ERROR_STATUS[row.error ?? ''] ?? 400,
          error: String(row.error ?? 'error').slice(0, 80),
          reason: String(row.reason ?? '').slice(0, REASON_MAX),
          serverRev,
          sent,
        };
        this.rejected.set(id, entry);
        rejected.push(entry);
      }
      return { id, ok: true, rev: serverRev ?? undefined };
    });
    if (rejected.length > 0) await this.store.put(rejected);
    await this.store.remove(cleared);
    return answer;
  }

  private quarantineEntry(id: string, doc: CouchDoc, issues: QuarantinedDocument['issues']): QuarantinedDocument {
    this.quarantined.add(id);
    const raw = safeJson(doc);
    return {
      key: problemKey(this.url, 'quarantined', id),
      scope: this.url,
      collection: this.name,
      docId: id,
      at: this.clock(),
      kind: 'quarantined',
      rev: typeof doc._rev === 'string' ? doc._rev : '',
      issues,
      raw: raw.slice(0, RAW_MAX),
      rawChars: raw.length,
    };
  }

  /** Entries a valid revision from the server settles: its quarantine, and a rejected change it supersedes. */
  private clearedBy(id: string, doc: CouchDoc): string[] {
    const keys: string[] = [];
    if (this.quarantined.delete(id)) keys.push(problemKey(this.url, 'quarantined', id));
    const rejected = this.rejected.get(id);
    if (rejected && doc._rev !== rejected.serverRev) {
      this.rejected.delete(id);
      keys.push(problemKey(this.url, 'rejected', id));
    }
    return keys;
  }

  private async record(quarantine: QuarantinedDocument[], cleared: string[]): Promise<void> {
    // Cleared first: a document accepted and then refused again in one page ends quarantined,
    // one refused and then accepted ends cleared (it is no longer in the set).
    await this.store.remove(cleared);
    await this.store.put(quarantine.filter((q) => this.quarantined.has(q.docId)));
  }

  private async forget(docId: string): Promise<void> {
    this.rejected.delete(docId);
    await this.store.remove([problemKey(this.url, 'rejected', docId)]);
  }

  private async serverRevision(docId: string): Promise<string | null> {
    const response = await this.fetch(`${this.url}_all_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keys: [docId] }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { rows } = (await response.json()) as { rows?: AllDocsRow[] };
    return rows?.[0]?.value?.rev ?? null;
  }

  /** The device's version of a document in CouchDB's shape (no RxDB bookkeeping). */
  private async localCouchDoc(docId: string): Promise<CouchDoc | null> {
    const doc = (await this.collection.findOne(docId).exec()) as { toJSON(): Record<string, unknown> } | null;
    if (!doc) return null;
    const { id, _meta, _rev, _attachments, ...fields } = doc.toJSON() as Record<string, unknown>;
    return { ...fields, _id: String(id) };
  }
}

function safeJson(doc: unknown): string {
  try {
    return JSON.stringify(doc) ?? '';
  } catch {
    return '';
  }
}

/** An answer already parsed: RxDB only calls `json()` on it. */
export function parsedResponse(body: unknown, status: number): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as unknown as Response;
}
