import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '@shared/models';
import { teamDatabaseName } from '@shared/couchdb/database-names';
import { generateSampleData } from '@shared/sample-data';
import { createDatabase } from '../../renderer/src/db/create-database';
import { BATCH_SIZE, startTeamReplication } from '../../renderer/src/sync/replication';
import type { SyncLiveArgs, SyncPullArgs, SyncPullResult, SyncPushArgs, SyncPushResult, SyncTarget } from '../protocol';
import { loadPouchDB, type PouchDBStatic } from './pouchdb-loader';

/**
 * Sync benchmarks in Chromium against the bench's team server (bench/sync-server.ts).
 *
 * The page fetches the server directly, cross-origin, with a Basic auth header (pouchdb-server
 * allows CORS by default). The app instead sends every request through its bridge to the main
 * process / web host, which adds the session: these numbers exclude that hop, and include a CORS
 * preflight for most requests (the Authorization header makes every request non-simple), which
 * the app does not pay. PouchDB pays the same preflights, so the ratio is fair.
 */

/**
 * As the desktop app opens its database (renderer/src/main.tsx): one window under a
 * single-instance lock, no cross-tab broadcast. Web mode (several tabs) sets it true.
 */
const MULTI_INSTANCE = false;
const storage = () => getRxStorageDexie();
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * What bench/sync-profile.ts adds to a pull: only some sides, no floor, and a timeline of one
 * Carteira pull (requests, documents written, end) in the progress log. The bench leaves them out.
 */
type PullOptions = SyncPullArgs & { sides?: ('carteira' | 'pouchdb')[]; timeline?: boolean };

/** The timeline of the pull being traced: lines of `ms since start  what`. */
let timeline: { start: number; lines: string[] } | undefined;
function mark(line: string): void {
  if (timeline) timeline.lines.push(`${(performance.now() - timeline.start).toFixed(0).padStart(6)}  ${line}`);
}

/**
 * window.fetch with the member's Basic auth header on every request, past the HTTP cache.
 * Without `no-store`, Chromium's cache lock holds a GET while another GET of the same URL is in
 * flight: device B's live `_changes?feed=longpoll&since=…` has the very URL of device A's, so it
 * waited until A's answered (A's own write) and only then reached the server, after the change it
 * was waiting for (sync.live.p95.ms was missing: "never reached device B"). The app's requests go
 * through main's Node fetch, which has no such cache.
 */
/** The user a Basic auth header signs in as: the server holds every change's updatedBy to it. */
function authUser(auth: string): string {
  return atob(auth.replace(/^Basic /, '')).split(':')[0] ?? '';
}

function authedFetch(auth: string): Fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', auth);
    if (!timeline) return fetch(input, { ...init, headers, cache: 'no-store' });
    const url = new URL(input);
    const what = `${init?.method ?? 'GET'} ${url.pathname}${url.searchParams.has('since') ? ` since=${url.searchParams.get('since')} limit=${url.searchParams.get('limit')}` : ''}`;
    mark(`→ ${what}`);
    return fetch(input, { ...init, headers, cache: 'no-store' }).then((response) => {
      mark(`← ${what} ${response.status}`);
      return response;
    });
  };
}

function progress(line: string): void {
  void (window as unknown as Record<string, ((l: string) => void) | undefined>).__benchProgress?.(line);
}

async function timeCarteiraPull(args: PullOptions, run: number): Promise<number> {
  const name = `bench-pull-${run}-${Date.now()}`;
  const db = await createDatabase({ storage: storage(), name, multiInstance: MULTI_INSTANCE, collections: args.collections });
  try {
    const start = performance.now();
    // Marks for a Chromium trace (bench/sync-profile.ts --trace) to find the timed window.
    performance.mark('pull-start');
    if (args.timeline) timeline = { start, lines: [] };
    const replication = await startTeamReplication({
      db,
      serverUrl: args.serverUrl,
      team: args.team,
      fetch: authedFetch(args.auth),
      collections: args.collections,
      live: false,
    });
    if (replication.unavailable.size) throw new Error(`team databases unavailable: ${[...replication.unavailable].join(', ')}`);
    if (timeline) {
      for (const [c, state] of replication.states) {
        let written = 0;
        state.received$.subscribe(() => ++written % 500 === 0 && mark(`${c}: ${written} written`));
        void state.awaitInitialReplication().then(() => mark(`${c}: initial pull done (${written})`));
      }
    }
    await replication.awaitInSync();
    const ms = performance.now() - start;
    performance.mark('pull-end');
    if (timeline) {
      mark('awaitInSync resolved');
      progress(`timeline of this pull:\n${timeline.lines.join('\n')}`);
      timeline = undefined;
    }
    await replication.cancel();
    for (const c of args.collections) {
      const count = await (db.collections[c] as unknown as RxCollection).count().exec();
      if (count !== args.counts[c]) throw new Error(`carteira pulled ${count} ${c}, the server has ${args.counts[c]}`);
    }
    return ms;
  } finally {
    await db.remove();
  }
}

async function timePouchPull(PouchDB: PouchDBStatic, args: SyncPullArgs, run: number): Promise<number> {
  const locals = args.collections.map((c) => new PouchDB(`bench-pouch-${run}-${Date.now()}-${c}`));
  try {
    // PouchDB opens IndexedDB lazily; open it before the clock starts, as the RxDB side is opened too.
    await Promise.all(locals.map((l) => l.info()));
    const start = performance.now();
    performance.mark('pull-start');
    await Promise.all(
      args.collections.map((c, i) =>
        locals[i]!.replicate.from(
          new PouchDB(`${args.serverUrl}/${teamDatabaseName(args.team, c)}`, { fetch: (url: string, opts?: RequestInit) => authedFetch(args.auth)(url, opts) }),
          // The same batch size as Carteira's pull (renderer/src/sync/replication.ts), so both make as many round trips.
          { batch_size: BATCH_SIZE },
        ),
      ),
    );
    const ms = performance.now() - start;
    performance.mark('pull-end');
    for (const [i, c] of args.collections.entries()) {
      // The server's _design/carteira comes along (PouchDB has no reason to skip it); Carteira drops it.
      const { doc_count } = await locals[i]!.info();
      if (doc_count - 1 !== args.counts[c]) throw new Error(`pouchdb pulled ${doc_count} ${c} docs, the server has ${args.counts[c]} + 1 design doc`);
    }
    return ms;
  } finally {
    await Promise.all(locals.map((l) => l.destroy()));
  }
}

/** Alternates who goes first, so IndexedDB's background work after one pull hurts both sides equally. */
export async function syncPull(args: PullOptions): Promise<SyncPullResult> {
  const sides = args.sides ?? ['carteira', 'pouchdb'];
  let PouchDB: PouchDBStatic | undefined;
  let pouchdbError: string | undefined;
  try {
    PouchDB = await loadPouchDB();
  } catch (error) {
    pouchdbError = String((error as Error)?.message ?? error);
  }
  const carteira: number[] = [];
  const pouchdb: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    const order = run % 2 === 0 ? (['carteira', 'pouchdb'] as const) : (['pouchdb', 'carteira'] as const);
    for (const who of order) {
      if (!sides.includes(who)) continue;
      if (who === 'carteira') carteira.push(await timeCarteiraPull(args, run));
      else if (PouchDB) pouchdb.push(await timePouchPull(PouchDB, args, run));
      await settle(300);
    }
    progress(
      `pull run ${run + 1}/${args.runs}: ${sides.map((s) => `${s} ${(s === 'carteira' ? carteira : pouchdb).at(-1)?.toFixed(0) ?? '-'} ms`).join(', ')}`,
    );
  }
  if (args.sides) return pouchdbError ? { carteira, pouchdb, pouchdbError } : { carteira, pouchdb };
  const floor = await rawPull(args);
  progress(`pull floor (raw _changes pages of 1000 with docs, all collections in parallel, no local writes): ${floor.toFixed(0)} ms`);
  return pouchdbError ? { carteira, pouchdb, pouchdbError } : { carteira, pouchdb };
}

/** What the server and the wire cost alone: the same pages a pull asks for, parsed, written nowhere. */
async function rawPull(args: SyncPullArgs): Promise<number> {
  const fetch = authedFetch(args.auth);
  const start = performance.now();
  await Promise.all(
    args.collections.map(async (c) => {
      let since: unknown = 0;
      for (;;) {
        const url = `${args.serverUrl}/${teamDatabaseName(args.team, c)}/_changes?style=all_docs&feed=normal&include_docs=true&since=${String(since)}&limit=1000`;
        const page = (await (await fetch(url)).json()) as { results: unknown[]; last_seq: unknown };
        since = page.last_seq;
        if (page.results.length < 1000) break;
      }
    }),
  );
  return performance.now() - start;
}

/**
 * The push's server floor: for each 1000 documents, the two requests RxDB's CouchDB push makes
 * (read the server's versions with `_all_docs`, then `_bulk_docs`), straight from the page.
 */
async function rawPush(fetch: Fetch, dbUrl: string, ids: string[], summary: string, by: string): Promise<number> {
  const start = performance.now();
  for (let from = 0; from < ids.length; from += 1000) {
    const keys = ids.slice(from, from + 1000);
    const read = await fetch(`${dbUrl}/_all_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keys, include_docs: true }),
    });
    const { rows } = (await read.json()) as { rows: { doc: Record<string, unknown> }[] };
    const docs = rows.map((r) => ({ ...r.doc, summary, updatedBy: by }));
    const written = await fetch(`${dbUrl}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
    const results = (await written.json()) as { ok?: boolean }[];
    if (results.some((r) => !r.ok)) throw new Error('raw push: a write failed');
  }
  return performance.now() - start;
}

/**
 * A laptop comes back online with `docs` local edits: the collection is pulled once (not timed),
 * replication stops, every document is edited locally, and the clock runs from restarting
 * replication (same identifier, so it resumes from its checkpoints) until awaitInSync resolves,
 * i.e. the server acknowledged every push. The server is then checked for every edit.
 */
export async function syncPush(args: SyncPushArgs): Promise<SyncPushResult> {
  const collections: CollectionName[] = [args.collection];
  const db = await createDatabase({ storage: storage(), name: `bench-push-${Date.now()}`, multiInstance: MULTI_INSTANCE, collections });
  const fetch = authedFetch(args.auth);
  const replicate = () => startTeamReplication({ db, serverUrl: args.serverUrl, team: args.team, fetch, collections, live: true });
  const collection = db.collections[args.collection] as unknown as RxCollection<Record<string, unknown>>;
  const times: number[] = [];
  const localWrite: number[] = [];
  try {
    const initial = await replicate();
    await initial.awaitInSync();
    await initial.cancel();
    const pulled = await collection.count().exec();
    if (pulled !== args.docs) throw new Error(`push bench: pulled ${pulled} ${args.collection}, expected ${args.docs}`);
    for (let run = 0; run < args.runs; run++) {
      const marker = `bench edit ${run} ${Date.now()}`;
      const docs = (await collection.find().exec()).map((d) => d.toMutableJSON());
      const t0 = performance.now();
      const at = Date.now();
      await collection.bulkUpsert(
        docs.map((d) => ({ ...d, summary: marker, updatedAt: at, updatedBy: authUser(args.auth), fieldTimes: { ...(d.fieldTimes as object), summary: at } })),
      );
      localWrite.push(performance.now() - t0);
      await settle(300);
      const start = performance.now();
      const replication = await replicate();
      await replication.awaitInSync();
      times.push(performance.now() - start);
      await replication.cancel();
      await assertServerHas(
        fetch,
        `${args.serverUrl}/${teamDatabaseName(args.team, args.collection)}`,
        docs.map((d) => d.id as string),
        marker,
      );
      progress(`push run ${run + 1}/${args.runs}: local edit ${localWrite.at(-1)!.toFixed(0)} ms, push ${times.at(-1)!.toFixed(0)} ms`);
      await settle(300);
    }
    const dbUrl = `${args.serverUrl}/${teamDatabaseName(args.team, args.collection)}`;
    const ids = (await collection.find().exec()).map((d) => d.primary);
    progress(
      `push floor (raw _all_docs + _bulk_docs per 1000, no local reads or writes): ${(await rawPush(fetch, dbUrl, ids, `raw ${Date.now()}`, authUser(args.auth))).toFixed(0)} ms`,
    );
    return { times, localWrite };
  } finally {
    await db.remove();
  }
}

async function assertServerHas(fetch: Fetch, dbUrl: string, ids: string[], summary: string): Promise<void> {
  const response = await fetch(`${dbUrl}/_all_docs?include_docs=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ keys: ids }),
  });
  const { rows } = (await response.json()) as { rows: { doc?: { summary?: string } }[] };
  const stale = rows.filter((r) => r.doc?.summary !== summary).length;
  if (stale) throw new Error(`push bench: awaitInSync resolved but ${stale} of ${ids.length} edits are not on the server`);
}

/**
 * Two devices in one page (two RxDB databases, 'accounts' only: 2 × 2 collections, well within
 * the free edition's 13), both live-replicating the team's accounts. Each sample inserts an
 * account on A and times until B's findOne(id).$ emits it.
 */
export async function syncLive(args: SyncLiveArgs): Promise<number[]> {
  const collections: CollectionName[] = ['accounts'];
  const stamp = Date.now();
  const [a, b] = await Promise.all(
    ['a', 'b'].map((d) => createDatabase({ storage: storage(), name: `bench-live-${d}-${stamp}`, multiInstance: MULTI_INSTANCE, collections })),
  );
  const replications = await Promise.all([a!, b!].map((db) => startLive(db, args, collections)));
  try {
    await Promise.all(replications.map((r) => r.awaitInSync()));
    const template = liveTemplate(stamp);
    const times: number[] = [];
    for (let i = 0; i < args.warmup + args.samples; i++) {
      const id = `bench-live-${stamp}-${i}`;
      const seen = new Promise<number>((resolve) => {
        const sub = b!.accounts.findOne(id).$.subscribe((doc) => {
          if (!doc) return;
          resolve(performance.now());
          queueMicrotask(() => sub.unsubscribe());
        });
      });
      await settle(20);
      const start = performance.now();
      await a!.accounts.insert({ ...template, id, name: `Bench Live ${i}`, updatedBy: authUser(args.auth) } as never);
      const ms =
        (await withTimeout(seen, 30_000, `account ${id} never reached device B`).catch(async (e: Error) => {
          const onServer = (await authedFetch(args.auth)(`${args.serverUrl}/${teamDatabaseName(args.team, 'accounts')}/${id}`)).status;
          replications[1]!.reSync();
          await settle(3000);
          const onB = await b!.accounts.findOne(id).exec();
          throw new Error(`${e.message} (server GET status ${onServer}, B findOne ${onB ? 'found' : 'missing'})`);
        })) - start;
      if (i >= args.warmup) times.push(ms);
      // Let both sides go idle again (B's next longpoll is open, A's push settled) before the next write.
      await settle(150);
    }
    return times;
  } finally {
    await Promise.all(replications.map((r) => r.cancel()));
    await Promise.all([a!.remove(), b!.remove()]);
  }
}

function startLive(db: Awaited<ReturnType<typeof createDatabase>>, args: SyncTarget, collections: CollectionName[]) {
  return startTeamReplication({
    db,
    serverUrl: args.serverUrl,
    team: args.team,
    fetch: authedFetch(args.auth),
    collections,
    live: true,
    onEvent: (e) => e.type === 'error' && progress(`${db.name}: sync error ${e.reason} ${e.detail ?? ''}`),
  });
}

/** A generated account (valid for the server's validate_doc_update) to copy per sample. */
function liveTemplate(now: number): Record<string, unknown> {
  const { id: _id, ...account } = generateSampleData({ size: 'S', seed: 1, now, counts: { accounts: 1 } }).doc('accounts', 0) as unknown as Record<
    string,
    unknown
  >;
  return account;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), ms))]);
}
