import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase, type CreateDatabaseOptions } from '../../renderer/src/db/create-database';
import type { CarteiraDatabase } from '../../renderer/src/db/types';

// Dev-mode checks schemas and queries strictly; it is for tests only, never the shipped app.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

let counter = 0;

/** A real RxDB with every collection, schema-validated, on the memory storage or Dexie over fake-indexeddb. */
export async function openTestDatabase(
  kind: 'memory' | 'dexie' = 'memory',
  name?: string,
  options: Pick<CreateDatabaseOptions, 'collections' | 'conflictHandlers'> = {},
): Promise<CarteiraDatabase> {
  const base: RxStorage<unknown, unknown> =
    kind === 'memory' ? getRxStorageMemory() : (getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>);
  return createDatabase({
    storage: wrappedValidateAjvStorage({ storage: base }) as RxStorage<unknown, unknown>,
    name: name ?? `test-${process.pid}-${++counter}-${Date.now()}`,
    multiInstance: false,
    ...options,
  });
}
