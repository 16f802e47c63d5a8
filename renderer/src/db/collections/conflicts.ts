import type { RxCollection } from 'rxdb';
import type { ConflictRecord } from '@shared/models/conflicts';
import type { CarteiraDatabase } from '../types';

/** The local conflict log (not replicated; indexes 'newestFirst' and ['docId', 'newestFirst'] in shared/models/conflicts.ts). */
export const conflictsOf = (db: CarteiraDatabase): RxCollection<ConflictRecord> => db.conflicts;

/** The conflict log newest first (of one document when `docId` is given), by the ascending inverted-time index 'newestFirst'. */
export function conflictsNewestFirst(db: CarteiraDatabase, docId?: string) {
  return db.conflicts.find({ selector: docId === undefined ? {} : { docId }, sort: [{ newestFirst: 'asc' }] });
}
