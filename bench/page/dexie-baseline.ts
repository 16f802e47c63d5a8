import { Dexie } from 'dexie';
import { collectionSchemas } from '../../renderer/src/db/create-database';
import type { CollectionName } from '@shared/models';

/**
 * The Dexie store definition a hand-written app would use for a collection: its primary key plus
 * the same secondary indexes as the RxDB schema. RxDB's own bookkeeping indexes ([_deleted+…],
 * _meta.lwt) are deliberately left out: they are part of the data layer's overhead we measure.
 */
export function dexieStoreFor(collection: CollectionName): string {
  const schema = collectionSchemas()[collection];
  const primary = typeof schema.primaryKey === 'string' ? schema.primaryKey : schema.primaryKey.key;
  const indexes = (schema.indexes ?? []).map((i) => (Array.isArray(i) ? (i.length === 1 ? i[0]! : `[${i.join('+')}]`) : i));
  return [String(primary), ...indexes].join(', ');
}

/** A fresh raw Dexie database with one table shaped like the collection (opened before timing). */
export async function openBaselineDexie(name: string, collection: CollectionName): Promise<Dexie> {
  const db = new Dexie(name);
  db.version(1).stores({ docs: dexieStoreFor(collection) });
  await db.open();
  return db;
}
