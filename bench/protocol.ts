/**
 * What the bench page (bench/page, running in Chromium) exposes as `window.__bench`, shared by the
 * Node side (bench/run.ts) and the page so both agree on arguments and results. Types only.
 */
import type { CollectionName } from '../shared/models';
import type { SampleSize } from '../shared/sample-data/sizes';

export interface DatasetArgs {
  size: SampleSize;
  seed: number;
  /** The clock the generated data is relative to; the same value everywhere so ids and dates match. */
  now: number;
}

export interface LoadArgs extends DatasetArgs {
  batchSize: number;
  /** Measured runs; each starts from a removed database. The last run's data stays for the app. */
  runs: number;
}

export interface LoadResult {
  /** ms per measured run (a small warm-up load into a scratch database is excluded). */
  times: number[];
  docs: number;
}

export interface WriteOverheadArgs extends DatasetArgs {
  /** How many accounts each write takes (the same documents for RxDB and raw Dexie). */
  docs: number;
  runs: number;
  warmup: number;
}

export interface WriteOverheadResult {
  /** ms per run for RxDB's bulkInsert and for raw Dexie bulkPut, warm-up runs already dropped. */
  rxdb: number[];
  dexie: number[];
}

export interface OpenArgs extends DatasetArgs {
  samples: number;
  warmup: number;
}

export interface BenchApi {
  writeOverhead(args: WriteOverheadArgs): Promise<WriteOverheadResult>;
  load(args: LoadArgs): Promise<LoadResult>;
  /** ms per findOne(id).exec() on distinct random account ids, warm-up dropped. */
  openAccounts(args: OpenArgs): Promise<number[]>;
  syncPull(args: SyncPullArgs): Promise<SyncPullResult>;
  syncPush(args: SyncPushArgs): Promise<SyncPushResult>;
  /** ms from a write on device A until device B's subscription sees it, warm-up dropped. */
  syncLive(args: SyncLiveArgs): Promise<number[]>;
  /** ms per proposal PDF of `lines` lines, from the plan to the bytes, the first run cold. */
  proposalPdf(args: ProposalPdfArgs): Promise<ProposalPdfResult>;
}

export interface ProposalPdfArgs extends DatasetArgs {
  lines: number;
  runs: number;
}

export interface ProposalPdfResult {
  /** ms per run; the first one loads pdfmake and its fonts. */
  times: number[];
  lines: number;
  /** Size of the last PDF, to check it is a real one. */
  bytes: number;
}

/** Set by run.ts with page.exposeFunction: progress lines from long in-page work. */
export type ProgressReporter = (line: string) => void;
export const PROGRESS_FUNCTION = '__benchProgress';

/** Where the page's replications go: the bench's team server, reached directly (CORS), as a team member. */
export interface SyncTarget {
  serverUrl: string;
  team: string;
  /** `Basic …` header added to every request. */
  auth: string;
}

export interface SyncPullArgs extends SyncTarget {
  collections: CollectionName[];
  /** Documents seeded per collection, to check each pull got all of them. */
  counts: Partial<Record<CollectionName, number>>;
  runs: number;
}

export interface SyncPullResult {
  /** ms per run, Carteira (startTeamReplication into a fresh RxDB/Dexie database) and PouchDB (replicate.from into a fresh idb database). */
  carteira: number[];
  /** Empty when PouchDB could not be loaded in the page; `pouchdbError` then says why. */
  pouchdb: number[];
  pouchdbError?: string;
}

export interface SyncPushArgs extends SyncTarget {
  /** The collection holding `docs` seeded documents, all edited locally each run. */
  collection: CollectionName;
  docs: number;
  runs: number;
}

export interface SyncPushResult {
  /** ms from starting replication with `docs` local edits until the server acknowledged all (awaitInSync). */
  times: number[];
  /** ms of the local edit (bulkUpsert) per run, not part of `times`. */
  localWrite: number[];
}

export interface SyncLiveArgs extends SyncTarget {
  samples: number;
  warmup: number;
}
