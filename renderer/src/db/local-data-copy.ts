import { getChangedDocumentsSince, type RxStorageInstance } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { isTeamDatabaseName } from '@shared/domain/data-scope';
import { isSampleDocument } from '@shared/sample-data/marker';
import type { LocalDataSource } from './DatabaseProvider';
import type { CarteiraDatabase } from './types';

/** The catalogue comes from the server (written by catalogue admins only): a device's copy is never pushed. */
export const COPIED_COLLECTIONS = COLLECTION_NAMES.filter((name) => name !== 'products');
export type CopiedCollection = (typeof COPIED_COLLECTIONS)[number];

const PAGE = 1000;

export interface LocalDataSummary {
  /** Documents that would be copied, per collection. */
  counts: Record<CopiedCollection, number>;
  total: number;
  /** Sample documents, which are never copied. */
  samples: number;
}

export interface CopyResult {
  copied: number;
  /** Already in the team's database (copied before, or the same document synced): the team's version stays. */
  alreadyInTeam: number;
  samples: number;
}

type StoredDoc = Record<string, unknown> & { id: string; _deleted?: boolean };

/**
 * Reads the no-server database's documents of one collection page by page, through the storage
 * rather than RxDB: the team's database is open, and RxDB allows 13 collections per process, so
 * the other database cannot be opened beside it (the search worker reads IndexedDB the same way).
 */
async function forEachPage(
  target: CarteiraDatabase,
  source: LocalDataSource,
  name: CollectionName,
  visit: (docs: StoredDoc[]) => Promise<void>,
): Promise<void> {
  // Tests open only some collections; the app has them all.
  if (!target.collections[name]) return;
  const instance = (await source.storage.createStorageInstance({
    databaseInstanceToken: `carteira-copy-${name}-${Date.now()}`,
    databaseName: source.name,
    collectionName: name,
    // Same code, same schema version: the no-server database was opened (and migrated) by this app.
    schema: target.collections[name].storageInstance.schema as never,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as RxStorageInstance<StoredDoc, unknown, unknown>;
  try {
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(instance, PAGE, checkpoint as never);
      await visit(page.documents as unknown as StoredDoc[]);
      if (page.documents.length < PAGE) return;
      checkpoint = page.checkpoint;
    }
  } finally {
    await instance.close();
  }
}

function assertCopyable(target: CarteiraDatabase, source: LocalDataSource): void {
  // Only the no-server database gives, and never to itself: team data never crosses to another team.
  if (isTeamDatabaseName(source.name) || source.name === target.name) throw new Error(`local data copy: ${source.name} cannot be copied into ${target.name}`);
}

/** What copying the no-server database into `target` would bring (deleted and sample documents left out). */
export async function summariseLocalData(target: CarteiraDatabase, source: LocalDataSource): Promise<LocalDataSummary> {
  assertCopyable(target, source);
  const counts = Object.fromEntries(COPIED_COLLECTIONS.map((c) => [c, 0])) as Record<CopiedCollection, number>;
  let samples = 0;
  for (const name of COPIED_COLLECTIONS) {
    await forEachPage(target, source, name, async (docs) => {
      for (const doc of docs) {
        if (doc._deleted) continue;
        if (isSampleDocument(doc)) samples += 1;
        else counts[name] += 1;
      }
    });
  }
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0), samples };
}

/** A stored document as RxDB takes it in: without the storage's bookkeeping. */
function plain(doc: StoredDoc): Record<string, unknown> {
  const { _meta, _rev, _attachments, _deleted, ...fields } = doc;
  return fields;
}

/**
 * Copies the no-server database's documents into the team's: written as local changes, they are
 * pushed like any other, authored by the signed-in user who copies them. Sample documents are never copied; one the team already has is left as
 * the team has it. Only on the user's explicit, confirmed request (Settings).
 */
export async function copyLocalData(
  target: CarteiraDatabase,
  source: LocalDataSource,
  { author, onProgress }: { author: string; onProgress?(done: number): void },
): Promise<CopyResult> {
  assertCopyable(target, source);
  const result: CopyResult = { copied: 0, alreadyInTeam: 0, samples: 0 };
  for (const name of COPIED_COLLECTIONS) {
    const collection = target.collections[name] as unknown as {
      bulkInsert(docs: unknown[]): Promise<{ success: unknown[]; error: { status: number; documentId: string }[] }>;
    };
    await forEachPage(target, source, name, async (docs) => {
      const batch: Record<string, unknown>[] = [];
      for (const doc of docs) {
        if (doc._deleted) continue;
        if (isSampleDocument(doc)) result.samples += 1;
        // The team's server takes a change only from its signed-in author (validate_doc_update):
        // whoever copies the portfolio in becomes the author of these documents there.
        else batch.push({ ...plain(doc), updatedBy: author });
      }
      if (batch.length === 0) return;
      const { success, error } = await collection.bulkInsert(batch);
      const failed = error.filter((e) => e.status !== 409);
      if (failed.length > 0) throw new Error(`${name}: ${failed.length} documents were refused (${failed[0]!.documentId})`);
      result.copied += success.length;
      result.alreadyInTeam += error.length;
      onProgress?.(result.copied + result.alreadyInTeam);
    });
  }
  return result;
}
