import type { RxStorage } from 'rxdb';
import { currentAuthor } from '../app/settings-store';
import { createSyncMergeConflictHandlers } from '../sync/sync-merge-conflict-handler';
import { recordConflicts } from '../sync/conflict-log';
import { createDatabase } from './create-database';
import { observeDatabaseTimes } from './edit-clock';
import type { CarteiraDatabase } from './types';

export interface OpenAppDatabaseOptions {
  storage: RxStorage<unknown, unknown>;
  /** From databaseNameOf (shared/domain/data-scope.ts): one per (server, team), one with no server. */
  name: string;
  multiInstance?: boolean;
}

/**
 * Opens one local database as the app uses it: conflicts found while replicating are merged field
 * by field and the losing values go to this database's own conflict log. The handlers exist before
 * the database does, so they wait for it rather than drop a record.
 */
export async function openAppDatabase({ storage, name, multiInstance = false }: OpenAppDatabaseOptions): Promise<CarteiraDatabase> {
  let resolveDb!: (db: CarteiraDatabase) => void;
  const dbReady = new Promise<CarteiraDatabase>((resolve) => (resolveDb = resolve));
  const conflictHandlers = createSyncMergeConflictHandlers(async (conflicts) => recordConflicts(await dbReady, conflicts), { author: currentAuthor });
  const db = await createDatabase({ storage, name, conflictHandlers, multiInstance });
  resolveDb(db);
  // Edit times never fall behind what this device has seen (hybrid logical clock, shared/domain/hlc.ts).
  const stopObserving = observeDatabaseTimes(db);
  db.onClose.push(async () => stopObserving());
  return db;
}
