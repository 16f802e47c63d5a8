import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * The full backup file (`.carteira-backup`): gzip of NDJSON, written and read as streams so the
 * whole database is never in memory at once.
 *
 *   line 1      {"format":"carteira-backup","version":1,"createdAt":…,"database":…,"collections":{name:{schemaVersion}}}
 *   lines 2…n   {"c":"accounts","d":{…the document's fields…}}
 *   last line   {"end":true,"count":n-1,"collections":{name:count},"sha256":hex of every byte of the lines above, newlines included}
 *
 * The counts are in the end line, not the header: the database stays open (and may change) while
 * it is read, so they are known only once every document is written.
 *
 * The documents are their fields only, without RxDB's `_meta`, `_rev`, `_attachments` and
 * `_deleted`: a restore writes them as new local revisions (so replication pushes them like an
 * edit); copying revisions from the file would make this device claim revisions the server may
 * already hold with other content. Deleted documents (tombstones) are not backed up.
 *
 * The trailer's count and hash tell a truncated or altered file from a whole one; gzip's own CRC
 * catches damage to the compressed bytes. Pure (no DOM, no Node): Web Streams only.
 */
export const BACKUP_FORMAT = 'carteira-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = 'carteira-backup';
export const BACKUP_MIME_TYPE = 'application/gzip';
/** A line longer than this is not one of ours (a document is a few KB): refused before it grows in memory. */
export const BACKUP_MAX_LINE_CHARS = 8 * 1024 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ms since the epoch. */
  createdAt: number;
  appVersion?: string;
  /** The local database's name (one per server and team). */
  database: string;
  collections: Record<string, { schemaVersion: number }>;
}

export interface BackupEntry {
  /** Collection name. */
  c: string;
  /** The document's fields. */
  d: Record<string, unknown>;
}

/** Why a file is refused; each code has a translated message (backup.problems.<code>). */
export type BackupProblemCode =
  /** Nothing in the file. */
  | 'empty'
  /** Not gzip, or gzip of something else: another kind of file. */
  | 'not_backup'
  /** Written by a newer Carteira (format or a collection's schema version above ours). */
  | 'newer'
  /** Cut short, or altered: lines, counts or hash do not match. */
  | 'damaged'
  /** A backup of another database (another server or team): team data never crosses to another team. */
  | 'other_database'
  /** A document that this version of Carteira cannot store (unknown area, missing id, invalid fields). */
  | 'invalid_document';

export class BackupProblem extends Error {
  constructor(
    readonly code: BackupProblemCode,
    detail: string,
  ) {
    super(`backup ${code}: ${detail}`);
    this.name = 'BackupProblem';
  }
}

/** Documents per chunk of the written stream (one TextEncoder call and one hash update each). */
const LINES_PER_CHUNK = 200;

/**
 * The backup file's bytes (gzip), pulled as they are read: `entries` is asked for its next
 * documents only when the consumer wants more. Every entry's collection must be in `header.collections`.
 */
export function encodeBackup(header: BackupHeader, entries: AsyncIterable<BackupEntry>): ReadableStream<Uint8Array<ArrayBuffer>> {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  const iterator = entries[Symbol.asyncIterator]();
  let count = 0;
  const counts: Record<string, number> = Object.fromEntries(Object.keys(header.collections).map((c) => [c, 0]));
  let state: 'header' | 'docs' | 'done' = 'header';
  const emit = (controller: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>, text: string, hashed: boolean) => {
    const bytes = encoder.encode(text) as Uint8Array<ArrayBuffer>;
    if (hashed) hash.update(bytes);
    controller.enqueue(bytes);
  };
  const plain = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (state === 'header') {
        emit(controller, `${JSON.stringify(header)}\n`, true);
        state = 'docs';
        return;
      }
      let text = '';
      for (let i = 0; i < LINES_PER_CHUNK; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (text) emit(controller, text, true);
          emit(controller, `${JSON.stringify({ end: true, count, collections: counts, sha256: bytesToHex(hash.digest()) })}\n`, false);
          state = 'done';
          controller.close();
          return;
        }
        text += `${JSON.stringify({ c: next.value.c, d: next.value.d })}\n`;
        counts[next.value.c] = (counts[next.value.c] ?? 0) + 1;
        count++;
      }
      emit(controller, text, true);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
  return plain.pipeThrough(new CompressionStream('gzip'));
}

export interface ReadBackupOptions {
  /** Our schema version per collection: a collection not here is unknown, a higher version is newer. */
  schemaVersions: Readonly<Record<string, number>>;
  /** Checks one document (after the header was accepted); throw or return false to refuse it. */
  validate?: (collection: string, doc: Record<string, unknown>, schemaVersion: number) => boolean | Promise<boolean>;
  /** Receives each document in order; the verify pass gives none. */
  onEntry?: (entry: BackupEntry, schemaVersion: number) => void | Promise<void>;
  /** Called every few hundred documents with how many were read. */
  onProgress?: (read: number) => void;
}

export interface BackupSummary {
  header: BackupHeader;
  /** Documents in the file. */
  count: number;
  /** Documents per collection. */
  counts: Record<string, number>;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Reads a backup file from its bytes once, start to end, and checks all of it: gzip, the header,
 * every line, every document (known collection, schema version ≤ ours, `validate`), the counts and
 * the hash. Throws a BackupProblem for the first thing wrong. With `onEntry` it also hands over
 * each document as it goes (the restore pass: run the verify pass first, so nothing is written
 * from a bad file).
 */
export async function readBackup(bytes: ReadableStream<Uint8Array>, options: ReadBackupOptions): Promise<BackupSummary> {
  const reader = bytes.getReader();
  let first: Uint8Array | undefined;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      if (next.value.length) {
        first = next.value;
        break;
      }
    }
  } catch (error) {
    reader.releaseLock();
    throw new BackupProblem('damaged', `reading failed: ${String(error)}`);
  }
  if (!first) {
    reader.releaseLock();
    throw new BackupProblem('empty', 'no bytes');
  }
  if (first[0] !== GZIP_MAGIC[0] || (first.length > 1 && first[1] !== GZIP_MAGIC[1])) {
    await reader.cancel().catch(() => undefined);
    throw new BackupProblem('not_backup', 'not gzip');
  }
  const head = first;
  const rejoined = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
  const text = rejoined
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>)
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  const lines = text.getReader();
  try {
    return await readLines(lines, options);
  } catch (error) {
    await lines.cancel().catch(() => undefined);
    if (error instanceof BackupProblem) throw error;
    // Decompression or decoding failed: cut short, or bytes changed.
    throw new BackupProblem('damaged', String(error));
  }
}

async function readLines(lines: ReadableStreamDefaultReader<string>, options: ReadBackupOptions): Promise<BackupSummary> {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  let header: BackupHeader | undefined;
  let trailer: Trailer | undefined;
  const counts = new Map<string, number>();
  let count = 0;
  let pending = '';

  const handle = async (line: string) => {
    if (trailer) throw new BackupProblem('damaged', 'content after the end line');
    if (!header) {
      header = parseHeader(line, options.schemaVersions);
      hash.update(encoder.encode(`${line}\n`));
      return;
    }
    const value = parseJson(line);
    if (isTrailer(value)) {
      trailer = value;
      return;
    }
    hash.update(encoder.encode(`${line}\n`));
    if (!isEntry(value)) throw new BackupProblem('damaged', `line ${count + 2} is not a document`);
    const declared = header.collections[value.c];
    if (!declared) throw new BackupProblem('invalid_document', `document of ${value.c}, not in the header`);
    if (typeof value.d.id !== 'string' || !value.d.id) throw new BackupProblem('invalid_document', `${value.c} document without id`);
    if (options.validate) {
      let ok: boolean;
      try {
        ok = await options.validate(value.c, value.d, declared.schemaVersion);
      } catch (error) {
        throw new BackupProblem('invalid_document', `${value.c}/${value.d.id}: ${String(error)}`);
      }
      if (!ok) throw new BackupProblem('invalid_document', `${value.c}/${value.d.id}`);
    }
    counts.set(value.c, (counts.get(value.c) ?? 0) + 1);
    count++;
    await options.onEntry?.(value, declared.schemaVersion);
    if (count % 500 === 0) options.onProgress?.(count);
  };

  for (;;) {
    const next = await lines.read();
    if (next.done) break;
    // Look for newlines in the new text only: a long line is not scanned again on every chunk.
    const scanFrom = pending.length;
    pending += next.value;
    let start = 0;
    for (let nl = pending.indexOf('\n', scanFrom); nl !== -1; nl = pending.indexOf('\n', start)) {
      await handle(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > BACKUP_MAX_LINE_CHARS) throw new BackupProblem(header ? 'damaged' : 'not_backup', 'line too long');
  }
  if (pending) {
    // A last line without its newline: the file was cut inside it.
    if (!header) header = parseHeader(pending, options.schemaVersions);
    throw new BackupProblem('damaged', 'cut inside a line');
  }
  if (!header) throw new BackupProblem('not_backup', 'no header');
  if (!trailer) throw new BackupProblem('damaged', 'no end line (cut short)');
  if (trailer.count !== count) throw new BackupProblem('damaged', `end line counts ${trailer.count}, file has ${count}`);
  if (trailer.sha256 !== bytesToHex(hash.digest())) throw new BackupProblem('damaged', 'hash does not match');
  for (const name of new Set([...Object.keys(trailer.collections), ...counts.keys()])) {
    const declared = trailer.collections[name];
    if ((counts.get(name) ?? 0) !== declared) throw new BackupProblem('damaged', `${name}: end line counts ${declared}, file has ${counts.get(name) ?? 0}`);
  }
  options.onProgress?.(count);
  return { header, count, counts: Object.fromEntries(Object.keys(header.collections).map((c) => [c, counts.get(c) ?? 0])) };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupProblem('damaged', 'a line is not JSON');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
type Trailer = { end: true; count: number; collections: Record<string, number>; sha256: string };
const isTrailer = (v: unknown): v is Trailer =>
  isObject(v) &&
  v.end === true &&
  Number.isSafeInteger(v.count) &&
  typeof v.sha256 === 'string' &&
  isObject(v.collections) &&
  Object.values(v.collections).every((n) => Number.isSafeInteger(n));
const isEntry = (v: unknown): v is BackupEntry => isObject(v) && typeof v.c === 'string' && isObject(v.d) && Object.keys(v).length === 2;

function parseHeader(line: string, schemaVersions: Readonly<Record<string, number>>): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupProblem('not_backup', 'first line is not JSON');
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new BackupProblem('not_backup', 'no carteira-backup header');
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 1) throw new BackupProblem('damaged', 'bad format version');
  if ((value.version as number) > BACKUP_VERSION) throw new BackupProblem('newer', `format version ${String(value.version)}`);
  if (!Number.isFinite(value.createdAt) || typeof value.database !== 'string' || !isObject(value.collections)) {
    throw new BackupProblem('damaged', 'incomplete header');
  }
  for (const [name, info] of Object.entries(value.collections)) {
    if (!isObject(info) || !Number.isSafeInteger(info.schemaVersion)) {
      throw new BackupProblem('damaged', `header of ${name}`);
    }
    if (!Object.hasOwn(schemaVersions, name)) throw new BackupProblem('invalid_document', `unknown area ${name}`);
    if ((info.schemaVersion as number) > schemaVersions[name]!) throw new BackupProblem('newer', `${name} schema ${String(info.schemaVersion)}`);
  }
  return value as unknown as BackupHeader;
}

/** The file name of a backup made at `at` (local day and time). */
export function backupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `carteira-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.${BACKUP_EXTENSION}`;
}
