import { derivedValues } from '@shared/domain/derived-fields';
import { COLLECTIONS, META_FIELDS, type BaseDoc, type CollectionName } from '@shared/models';
import { newestFirst, type ConflictRecord } from '@shared/models/conflicts';
import { editDoc } from '@shared/domain/documents';
import { DELETED_FIELD, stableJson, type FieldConflict } from '@shared/domain/sync-merge';
import { observeDoc } from '@shared/domain/hlc';
import { appClock } from '../db/edit-clock';
import { DocumentNotFoundError } from '../db/repository';
import type { CarteiraDatabase } from '../db/types';
import { anyCollectionOf } from '../db/collections/access';
import { conflictsNewestFirst } from '../db/collections/conflicts';

/**
 * Writes the edits that lost a merge to the local conflict log. A record's id derives from its
 * content, so when RxDB resolves the same conflict twice (it retries after a failed write) the
 * log keeps one record, and one the user already restored is not reset.
 */
export async function recordConflicts(db: CarteiraDatabase, conflicts: FieldConflict[], now: number = Date.now()): Promise<void> {
  if (conflicts.length === 0) return;
  const records = conflicts.map((c): ConflictRecord => ({
    id: conflictId(c),
    collectionName: c.collection ?? '',
    docId: c.docId,
    field: c.field,
    keptValue: JSON.stringify(c.keptValue) ?? 'null',
    lostValue: JSON.stringify(c.lostValue) ?? 'null',
    keptAt: validTime(c.keptAt),
    lostAt: validTime(c.lostAt),
    keptBy: c.keptBy.slice(0, 80),
    lostBy: c.lostBy.slice(0, 80),
    detectedAt: now,
    newestFirst: newestFirst(now),
    restoredAt: 0,
  }));
  const { error } = await db.conflicts.bulkInsert(records);
  const failed = error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`conflict log: ${failed.length} record(s) not written (status ${failed[0]?.status})`);
}

/** The conflict log's query lives with the collection (db/collections/conflicts.ts). */
export { conflictsNewestFirst };

/**
 * Brings a lost value back: written through `editDoc`, so it gets a new edit time and wins the
 * next merge on every device. For deletion vs edit it re-creates the edited document or deletes it
 * again. Restoring twice does nothing.
 */
export async function restoreConflict(db: CarteiraDatabase, conflictId: string, author: string, at?: number): Promise<void> {
  const record = await db.conflicts.findOne(conflictId).exec();
  if (!record) throw new Error(`conflict ${conflictId} not found`);
  if (record.restoredAt > 0) return;
  if (!(record.collectionName in COLLECTIONS)) throw new Error(`conflict ${conflictId}: unknown collection ${record.collectionName}`);
  const name = record.collectionName as CollectionName;
  const collection = anyCollectionOf(db, name);
  const lost: unknown = JSON.parse(record.lostValue);
  const current = await collection.findOne(record.docId).exec();
  // After everything the document and the conflict carry (the edit that won included), so it wins next.
  if (current) observeDoc(appClock, current.toJSON());
  appClock.observe(Math.max(record.keptAt, record.lostAt));
  const now = at ?? appClock();
  if (record.field !== DELETED_FIELD) {
    const doc = current;
    if (!doc) throw new DocumentNotFoundError(name, record.docId);
    await doc.incrementalModify((current: Record<string, unknown>) => {
      const restored = editDoc(current as unknown as BaseDoc, { [record.field]: lost } as Partial<Omit<BaseDoc, keyof BaseDoc>>, author, now);
      const next = editDoc(restored, derivedValues(name, restored as unknown as Record<string, unknown>) as Partial<Omit<BaseDoc, keyof BaseDoc>>, author, now);
      COLLECTIONS[name].schema.parse(next);
      return next as unknown as Record<string, unknown>;
    });
  } else if (lost === true) {
    await current?.remove();
  } else {
    await collection.upsert(revived(name, lost as Record<string, unknown>, author, now));
  }
  await record.incrementalPatch({ restoredAt: now });
}

/** The edited version a deletion overrode, every field stamped now so it beats the tombstone. */
function revived(name: CollectionName, lost: Record<string, unknown>, author: string, now: number): Record<string, unknown> {
  const fieldTimes: Record<string, number> = {};
  for (const key of Object.keys(lost)) if (!(META_FIELDS as readonly string[]).includes(key)) fieldTimes[key] = now;
  const doc = { ...lost, fieldTimes, updatedAt: now, updatedBy: author };
  COLLECTIONS[name].schema.parse(doc);
  return doc;
}

function validTime(t: number): number {
  return Number.isFinite(t) && t > 0 ? Math.round(t) : 0;
}

/** A short id from the conflict's content (two 32-bit FNV-1a hashes); stays under ID_MAX. */
function conflictId(c: FieldConflict): string {
  const text = stableJson([c.collection ?? '', c.docId, c.field, c.keptAt, c.lostAt, c.keptBy, c.lostBy, c.keptValue, c.lostValue]);
  return `cf${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
