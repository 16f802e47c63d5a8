import { useCallback, useEffect, useState } from 'react';
import type { RxCollection } from 'rxdb';
import type { ConflictRecord } from '@shared/models/conflicts';
import type { Live } from '../../db/hooks';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { conflictsNewestFirst, restoreConflict } from '../../sync/conflict-log';

/** The local conflict log newest first, live, and the one action on it: bring a lost value back. */
export function useConflicts(): { conflicts: Live<ConflictRecord[]>; restore(id: string): Promise<void> } {
  const { db, author } = useDatabaseContext();
  const [conflicts, setConflicts] = useState<Live<ConflictRecord[]>>(undefined);
  useEffect(() => {
    setConflicts(undefined);
    const sub = conflictsNewestFirst(db).$.subscribe((docs) => setConflicts(docs.map((d) => d.toMutableJSON())));
    return () => sub.unsubscribe();
  }, [db]);
  const restore = useCallback((id: string) => restoreConflict(db, id, author()), [db, author]);
  return { conflicts, restore };
}

/** Fields that name a document, in the order a person would recognise it by. */
const TITLE_FIELDS = ['tradeName', 'name', 'title', 'subject'] as const;

export function documentTitle(doc: Record<string, unknown> | null | undefined): string | undefined {
  for (const field of TITLE_FIELDS) {
    const value = doc?.[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

/**
 * What the conflicting document is called, live (its name may be the very field in conflict).
 * Undefined while loading; null when the document is gone, has no name, or its collection is not in this database.
 */
export function useDocumentTitle(collectionName: string, docId: string): Live<string | null> {
  const { db } = useDatabaseContext();
  const [title, setTitle] = useState<Live<string | null>>(undefined);
  useEffect(() => {
    setTitle(undefined);
    // The log is written from replication, so a name from an unknown or absent collection must not throw here.
    const collection = (db.collections as Record<string, RxCollection | undefined>)[collectionName];
    if (!collection || collectionName === 'conflicts') {
      setTitle(null);
      return;
    }
    const sub = collection.findOne(docId).$.subscribe((doc) => setTitle(documentTitle(doc?.toJSON() as Record<string, unknown> | undefined) ?? null));
    return () => sub.unsubscribe();
  }, [db, collectionName, docId]);
  return title;
}
