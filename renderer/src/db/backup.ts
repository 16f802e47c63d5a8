import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { CONFLICTS_COLLECTION } from '@shared/models/conflicts';
import { checkIncomingDocument } from '@shared/domain/incoming-document';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupProblem,
  encodeBackup,
  readBackup,
  type BackupEntry,
  type BackupHeader,
  type BackupSummary,
} from '@shared/files/backup/format';
import { anyCollectionOf, readRaw } from './collections/access';
import { MIGRATIONS } from './migrations';
import type { CarteiraDatabase } from './types';

/** Every collection of the local database, the local conflict log included. */
type BackedUp = CollectionName | typeof CONFLICTS_COLLECTION;
const ALL: readonly BackedUp[] = [...COLLECTION_NAMES, CONFLICTS_COLLECTION];
/** Documents read or written at a time: one page in memory, never a whole collection. */
const PAGE = 500;

type Doc = Record<string, unknown> & { id: string };

/** The collections this database has open (tests open some; the app all). */
function openCollections(db: CarteiraDatabase): { name: BackedUp; collection: RxCollection }[] {
  return ALL.filter((name) => (db.collections as Record<string, unknown>)[name]).map((name) => ({ name, collection: anyCollectionOf(db, name) }));
}

/** Our schema version of each open collection: a backup's may be lower (migrated on restore), never higher. */
export function schemaVersionsOf(db: CarteiraDatabase): Record<string, number> {
  return Object.fromEntries(openCollections(db).map(({ name, collection }) => [name, collection.schema.version]));
}

/** The fields of a stored document, without the storage's bookkeeping (`_meta`, `_rev`, `_attachments`, `_deleted`). */
function fieldsOf(stored: Record<string, unknown>): Doc {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (!key.startsWith('_')) fields[key] = value;
  return fields as Doc;
}

/** The live documents of a collection in keyset pages along the primary key, read raw from the storage. */
async function* pagesOf(collection: RxCollection): AsyncGenerator<Doc[]> {
  let after = '';
  for (;;) {
    const page = (await readRaw(collection, { selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: PAGE })) as Doc[];
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}

export interface BackupOptions {
  appVersion?: string;
  now?: number;
  /** Documents written so far. */
  onProgress?(written: number): void;
}

/**
 * The whole local database as a backup file's bytes (shared/files/backup/format.ts), produced as
 * they are read: one page of documents at a time is in memory.
 */
export function backupDatabase(
  db: CarteiraDatabase,
  { appVersion, now = Date.now(), onProgress }: BackupOptions = {},
): ReadableStream<Uint8Array<ArrayBuffer>> {
  const open = openCollections(db);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now,
    ...(appVersion ? { appVersion } : {}),
    database: db.name,
    collections: Object.fromEntries(open.map(({ name, collection }) => [name, { schemaVersion: collection.schema.version }])),
  };
  async function* entries(): AsyncGenerator<BackupEntry> {
    let written = 0;
    for (const { name, collection } of open) {
      for await (const page of pagesOf(collection)) {
        for (const stored of page) yield { c: name, d: fieldsOf(stored) };
        written += page.length;
        onProgress?.(written);
      }
    }
  }
  return encodeBackup(header, entries());
}

/** A document of schema `from` brought to our version with the same migration strategies RxDB runs. */
async function migrate(name: BackedUp, doc: Doc, from: number, to: number): Promise<Doc> {
  let out = doc;
  for (let v = from + 1; v <= to; v++) {
    const strategy = name === CONFLICTS_COLLECTION ? undefined : MIGRATIONS[name][v];
    if (!strategy) throw new Error(`${name}: no migration to version ${v}`);
    out = (await strategy(out as never, undefined as never)) as Doc;
  }
  return out;
}

export interface RestoreCheck {
  summary: BackupSummary;
}

/**
 * The verify pass: reads the whole file once and checks everything (see readBackup), and each
 * document as a document pulled from the server is checked (no unknown field, valid values),
 * after migrating it to our schema version. Nothing is written. Throws a BackupProblem.
 */
export async function checkBackup(db: CarteiraDatabase, bytes: ReadableStream<Uint8Array>, onProgress?: (read: number) => void): Promise<BackupSummary> {
  const versions = schemaVersionsOf(db);
  const summary = await readBackup(bytes, {
    schemaVersions: versions,
    onProgress,
    validate: async (c, d, from) => {
      const doc = await migrate(c as BackedUp, d as Doc, from, versions[c]!);
      return checkIncomingDocument(c as BackedUp, { ...doc, _id: doc.id }).ok;
    },
  });
  // Team data never crosses to another team (nor the no-server data into a team): that is the local data copy's job, with its rules.
  if (summary.header.database !== db.name) throw new BackupProblem('other_database', `${summary.header.database} into ${db.name}`);
  return summary;
}

export interface RestoreResult {
  written: number;
  removed: number;
}

/**
 * The restore pass, after checkBackup accepted the same file: every document of the file is
 * written (a new local revision, so it syncs like an edit) and every local document the file does
 * not hold is removed from the areas the file has, so they then hold exactly the file's documents. `open` gives the
 * file's bytes again (File.stream()). The file is read and checked once more as it is written.
 */
export async function restoreBackup(
  db: CarteiraDatabase,
  open: () => ReadableStream<Uint8Array>,
  { onProgress }: { onProgress?(done: number): void } = {},
): Promise<RestoreResult> {
  const versions = schemaVersionsOf(db);
  const collections = new Map(openCollections(db).map(({ name, collection }) => [name as string, collection]));
  const kept = new Map<string, Set<string>>([...collections.keys()].map((name) => [name, new Set<string>()]));
  let batch: Doc[] = [];
  let batchOf = '';
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const { error } = await collections.get(batchOf)!.bulkUpsert(batch);
    if (error.length > 0) throw new Error(`${batchOf}: ${error.length} documents were refused (${error[0]!.documentId})`);
    written += batch.length;
    batch = [];
    onProgress?.(written);
  };
  const { header } = await readBackup(open(), {
    schemaVersions: versions,
    onEntry: async ({ c, d }, from) => {
      if (c !== batchOf || batch.length >= PAGE) {
        await flush();
        batchOf = c;
      }
      const doc = await migrate(c as BackedUp, d as Doc, from, versions[c]!);
      kept.get(c)!.add(doc.id);
      batch.push(doc);
    },
  });
  await flush();
  let removed = 0;
  for (const [name, collection] of collections) {
    // An area the file does not have (made before it existed) is left as it is.
    if (!Object.hasOwn(header.collections, name)) continue;
    const ids = kept.get(name)!;
    for await (const page of pagesOf(collection)) {
      const gone = page.filter((doc) => !ids.has(doc.id)).map((doc) => doc.id);
      if (gone.length === 0) continue;
      await collection.bulkRemove(gone);
      removed += gone.length;
    }
  }
  return { written, removed };
}
