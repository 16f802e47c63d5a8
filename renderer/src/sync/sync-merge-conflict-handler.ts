import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/models';
import { sameValue } from '@shared/domain/documents';
import { mergeDocuments, type FieldConflict, type SyncDoc } from '@shared/domain/sync-merge';
import { listFieldsOf } from '@shared/domain/sync-merge-fields';
import { derivedValues, isDerivedField } from '@shared/domain/derived-fields';
import { observeDoc, type EditClock } from '@shared/domain/hlc';
import { appClock } from '../db/edit-clock';

export type OnConflicts = (conflicts: FieldConflict[]) => Promise<void> | void;

export interface MergeHandlerOptions {
  /** Sees every server version met in a conflict (the app's hybrid clock by default). */
  clock?: EditClock;
  /**
   * Who this device pushes as (the signed-in server user). A merge that differs from the server's
   * version is a new revision this device writes, and the server holds `updatedBy` to the
   * signed-in user (shared/couchdb/design-docs.ts), so it is stamped with this name.
   */
  author?: () => string | null | undefined;
}

/**
 * RxDB's conflict handler for one collection: instead of letting the server state win (RxDB's
 * default, which drops the whole offline edit), merge fork and server field by field.
 * `onConflicts` receives the edits that lost (to be written to the local conflict log); it is
 * awaited, and if it fails the resolution fails and RxDB retries it on the next push, so a lost
 * value is never dropped without a record.
 */
export function createSyncMergeConflictHandler(
  collection: CollectionName,
  onConflicts: OnConflicts,
  options: MergeHandlerOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
): RxConflictHandler<any> {
  const listFields = listFieldsOf(collection);
  const clock = options.clock ?? appClock;
  return {
    isEqual(a, b) {
      return sameValue(replicatedState(a), replicatedState(b));
    },
    async resolve({ newDocumentState, assumedMasterState, realMasterState }) {
      // The server's version is an edit this device has now seen: its next edit must come after it.
      observeDoc(clock, realMasterState);
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
      const resolved: SyncDoc = { ...merged, ...derivedValues(collection, merged) };
      // Equal to the server's version, nothing is pushed and its author stands; otherwise this device writes it.
      const by = options.author?.()?.trim();
      if (
        by &&
        resolved._deleted !== true &&
        !sameValue({ ...replicatedState(resolved), updatedBy: null }, { ...replicatedState(realMasterState), updatedBy: null })
      ) {
        resolved.updatedBy = by.slice(0, 80);
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
      return resolved as WithDeleted<any>;
    },
  };
}

/** A merge conflict handler for every replicated collection. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
export function createSyncMergeConflictHandlers(onConflicts: OnConflicts, options: MergeHandlerOptions = {}): Record<CollectionName, RxConflictHandler<any>> {
  const handlers = COLLECTION_NAMES.map((c) => [c, createSyncMergeConflictHandler(c, onConflicts, options)] as const);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler serves every collection's document type
  return Object.fromEntries(handlers) as Record<CollectionName, RxConflictHandler<any>>;
}

/**
 * What both sides agree on: local bookkeeping (`_meta`), revisions (`_rev`, only the server's
 * concern) and attachments are left out; a missing `_deleted` means not deleted.
 */
function replicatedState(doc: Record<string, unknown>): Record<string, unknown> {
  const { _meta, _rev, _attachments, ...rest } = doc;
  return { ...rest, _deleted: rest._deleted === true };
}
