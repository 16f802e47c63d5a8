import { normalizeMangoQuery, prepareQuery, type MangoQuery, type MangoQuerySortPart, type RxCollection } from 'rxdb';
import { COLLECTIONS, type CollectionName, type DocOf } from '@shared/models';
import type { RelatedCollection } from '@shared/domain/record-merge-accounts';
import type { CarteiraDatabase, DomainCollections } from '../types';

/** The typed collection `name` of the database (the one accessor; no casts at call sites). */
export function collectionOf<C extends CollectionName>(db: CarteiraDatabase, name: C): RxCollection<DocOf<C>> {
  // Seen as the mapped type alone (a widening), an index by C is RxCollection<DocOf<C>> to TypeScript.
  const domain: DomainCollections = db.collections;
  return domain[name];
}

/** Collection `name` when it is open (tests open only some collections; a two-database test stays within RxDB's limit). */
export function openCollectionOf<C extends CollectionName>(db: CarteiraDatabase, name: C): RxCollection<DocOf<C>> | undefined {
  const domain: Partial<DomainCollections> = db.collections;
  return domain[name];
}

/** A field of collection C's documents. */
export type FieldOf<C extends CollectionName> = Extract<keyof DocOf<C>, string>;

/** Whether shared/models declares index `fields` for `name` (the primary key `id` may end any index: RxDB appends it to every one). */
export function declaresIndex(name: CollectionName, fields: readonly string[]): boolean {
  const wanted = fields.at(-1) === 'id' && fields.length > 1 ? fields.slice(0, -1) : fields;
  if (wanted.length === 1 && wanted[0] === 'id') return true;
  return COLLECTIONS[name].indexes.some((index) => {
    const declared: readonly string[] = Array.isArray(index) ? index : [index];
    return declared.length === wanted.length && declared.every((f, i) => f === wanted[i]);
  });
}

/**
 * The ascending sort that walks index `fields` of collection `name`. Every query of a data module
 * takes its sort from here, next to the index it relies on: a query on an index shared/models does
 * not declare (a full scan in IndexedDB) fails when the module loads, not at 50k rows.
 */
export function indexSort<C extends CollectionName>(name: C, ...fields: FieldOf<C>[]): MangoQuerySortPart<DocOf<C>>[] {
  if (!declaresIndex(name, fields)) throw new Error(`${name}: no index [${fields.join(', ')}] in shared/models`);
  return fields.map((f) => ({ [f]: 'asc' }) as MangoQuerySortPart<DocOf<C>>);
}

/**
 * A query straight to the storage, as RxQuery runs it (live documents only, same index), without
 * making an RxDocument of each row only to copy it: for reads of tens of thousands of rows.
 */
export async function readRaw<T>(collection: RxCollection<T>, query: MangoQuery<T>): Promise<T[]> {
  const schema = collection.storageInstance.schema;
  const normalized = normalizeMangoQuery(schema, query);
  normalized.selector = { ...normalized.selector, _deleted: { $eq: false } } as never;
  const result = await collection.storageInstance.query(prepareQuery(schema, normalized));
  return result.documents as T[];
}

/** Documents after id `after` along the primary key, at most `limit`, as plain JSON (walks a whole collection a page at a time). */
export async function pageById<T extends { id: string }>(collection: RxCollection<T>, after: string, limit: number): Promise<T[]> {
  const query: MangoQuery<{ id: string }> = { selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit };
  const docs = await collection.find(query as MangoQuery<T>).exec();
  return docs.map((d) => d.toJSON() as T);
}

/** Every document of `name` that points at account `accountId` (each related collection has an index that starts with accountId); [] when the collection is not open. */
export async function docsOfAccount<C extends RelatedCollection>(db: CarteiraDatabase, name: C, accountId: string): Promise<DocOf<C>[]> {
  const collection = openCollectionOf(db, name);
  if (!collection) return [];
  const query: MangoQuery<{ accountId: string }> = { selector: { accountId } };
  const docs = await collection.find(query as MangoQuery<DocOf<C>>).exec();
  return docs.map((d) => d.toJSON() as DocOf<C>);
}

/**
 * Any collection, its documents untyped: for the machinery that treats every collection alike
 * (replication, restoring a conflict, the edit clock). Features use the typed accessors.
 */
export function anyCollectionOf(db: CarteiraDatabase, name: CollectionName | 'conflicts'): RxCollection {
  const all: Record<CollectionName | 'conflicts', RxCollection> = db.collections;
  return all[name];
}
