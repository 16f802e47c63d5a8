import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { sameValue } from '@shared/domain/documents';
import { mergeDocuments, type FieldConflict, type SyncDoc } from '@shared/domain/merge';
import { listFieldsOf } from '@shared/domain/merge-fields';
import { derivedValues, isDerivedField } from '@shared/domain/derived-fields';

export type OnConflicts = (conflicts: FieldConflict[]) => Promise<void> | void;

/**
 * RxDB's conflict handler for one collection: instead of letting the server state win (RxDB's
 * default, which drops the whole offline edit), merge fork and server field by field.
 * `onConflicts` receives the edits that lost (to be written to the local conflict log); it is
 * awaited, and if it fails the resolution fails and RxDB retries it on the next push, so a lost
 * value is never dropped without a record.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
export function createMergeConflictHandler(collection: CollectionName, onConflicts: OnConflicts): RxConflictHandler<any> {
  const listFields = listFieldsOf(collection);
  return {
    isEqual(a, b) {
      return sameValue(replicatedState(a), replicatedState(b));
    },
    async resolve({ newDocumentState, assumedMasterState, realMasterState }) {
      const { merged, conflicts } = mergeDocuments<SyncDoc>({
        fork: newDocumentState,
        assumedMaster: assumedMasterState,
        realMaster: realMasterState,
        listFields,
        collection,
      });
      // Sort keys follow the fields they come from; a record of their own would only confuse.
      const recorded = conflicts.filter((c) => !isDerivedField(collection, c.field));
      if (recorded.length > 0) await onConflicts(recorded);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
      return { ...merged, ...derivedValues(collection, merged) } as WithDeleted<any>;
    },
  };
}

/** A merge conflict handler for every replicated collection. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
export function createMergeConflictHandlers(onConflicts: OnConflicts): Record<CollectionName, RxConflictHandler<any>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, createMergeConflictHandler(c, onConflicts)])) as Record<CollectionName, RxConflictHandler<any>>;
}

/**
 * What both sides agree on: local bookkeeping (`_meta`), revisions (`_rev`, only the server's
 * concern) and attachments are left out; a missing `_deleted` means not deleted.
 */
function replicatedState(doc: Record<string, unknown>): Record<string, unknown> {
  const { _meta, _rev, _attachments, ...rest } = doc;
  return { ...rest, _deleted: rest._deleted === true };
}
