import { COLLECTIONS, type BaseDoc, type CollectionName, type DocOf } from '@shared/models';
import { createDoc, editDoc } from '@shared/domain/documents';
import { newId } from '@shared/domain/ids';
import { observeDoc, type EditClock } from '@shared/domain/hlc';
import { appClock } from './edit-clock';
import type { CarteiraDatabase } from './types';
import { collectionOf } from './collections/access';

/** The fields a caller provides for a new document (the rest is bookkeeping). */
export type NewFields<C extends CollectionName> = Omit<DocOf<C>, keyof BaseDoc>;
export type Patch<C extends CollectionName> = Partial<NewFields<C>>;

/** Thrown when an id does not exist (anymore) in the local database. */
export class DocumentNotFoundError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly id: string,
  ) {
    super(`${collection}/${id} not found`);
    this.name = 'DocumentNotFoundError';
  }
}

/**
 * Reads and writes of one collection. Every write is validated against the domain schema and
 * stamps per-field edit times (`editDoc`), which the sync merge relies on. Times come from the
 * app's hybrid logical clock, which first sees the edited document's own times: an edit is always
 * stamped after the version it was made on, so it wins the merge whatever the wall clock says.
 */
export interface Repository<C extends CollectionName> {
  get(id: string): Promise<DocOf<C> | null>;
  /** A new document; `id` when the caller derives it (the same on every laptop, e.g. a contract's tasks). */
  create(fields: NewFields<C>, options?: { id?: string }): Promise<DocOf<C>>;
  /** A patch, or one computed from the document as it is at write time (edits never work on a stale copy). */
  update(id: string, patch: Patch<C> | ((current: DocOf<C>) => Patch<C>)): Promise<DocOf<C>>;
  /**
   * One patch (or a patch computed from each document) applied to many documents in one write
   * batch; ids that no longer exist are skipped. Resolves with how many documents changed.
   */
  updateMany(ids: readonly string[], patch: Patch<C> | ((doc: DocOf<C>) => Patch<C>)): Promise<number>;
  remove(id: string): Promise<void>;
}

export function createRepository<C extends CollectionName>(db: CarteiraDatabase, name: C, author: () => string, clock: EditClock = appClock): Repository<C> {
  const collection = collectionOf(db, name);
  const schema = COLLECTIONS[name].schema;
  return {
    async get(id) {
      const doc = await collection.findOne(id).exec();
      return doc ? (doc.toMutableJSON() as DocOf<C>) : null;
    },
    async create(fields, options) {
      const now = clock();
      const doc = createDoc<DocOf<C>>(fields as never, author(), now, options?.id ?? newId(now));
      schema.parse(doc);
      await collection.insert(doc as never);
      return doc;
    },
    async update(id, patch) {
      const doc = await collection.findOne(id).exec();
      if (!doc) throw new DocumentNotFoundError(name, id);
      const saved = await doc.incrementalModify((current) => {
        const fields = typeof patch === 'function' ? patch(current as DocOf<C>) : patch;
        observeDoc(clock, current);
        const next = editDoc(current as DocOf<C>, fields as never, author(), clock());
        schema.parse(next);
        return next as never;
      });
      return saved.toMutableJSON() as DocOf<C>;
    },
    async updateMany(ids, patch) {
      const docs = await collection.findByIds([...ids]).exec();
      for (const doc of docs.values()) observeDoc(clock, doc.toJSON());
      const now = clock();
      const by = author();
      let changed = 0;
      // incrementalModify queues every write; RxDB flushes the queue as one bulk write.
      await Promise.all(
        [...docs.values()].map((doc) =>
          doc.incrementalModify((current) => {
            const fields = typeof patch === 'function' ? patch(current as DocOf<C>) : patch;
            const next = editDoc(current as DocOf<C>, fields as never, by, now);
            if (next === current) return current;
            schema.parse(next);
            changed++;
            return next as never;
          }),
        ),
      );
      return changed;
    },
    async remove(id) {
      const doc = await collection.findOne(id).exec();
      if (!doc) throw new DocumentNotFoundError(name, id);
      // Soft delete: RxDB keeps a tombstone that replicates as a CouchDB deletion.
      await doc.remove();
    },
  };
}
