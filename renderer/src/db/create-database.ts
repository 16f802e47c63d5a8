import { addRxPlugin, createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { COLLECTION_NAMES, toJsonSchema, type CollectionName } from '@shared/models';
import { MIGRATIONS } from './migrations';
import type { CarteiraDatabase } from './types';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLeaderElectionPlugin);

export interface CreateDatabaseOptions {
  /** Dexie (IndexedDB) in the app; memory or Dexie over fake-indexeddb in tests. */
  storage: RxStorage<unknown, unknown>;
  /** One database per user profile; tests use unique names. */
  name?: string;
  /** Several tabs/windows of the same profile share the database (web mode). */
  multiInstance?: boolean;
}

/** The JSON schema of every collection, in the form RxDB takes. */
export function collectionSchemas(): Record<CollectionName, RxJsonSchema<Record<string, unknown>>> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, toJsonSchema(name) as unknown as RxJsonSchema<Record<string, unknown>>]),
  ) as Record<CollectionName, RxJsonSchema<Record<string, unknown>>>;
}

/** Opens (or creates) the local database with all 11 collections of the domain. */
export async function createDatabase({ storage, name = 'carteira', multiInstance = true }: CreateDatabaseOptions): Promise<CarteiraDatabase> {
  const db = await createRxDatabase<CarteiraDatabase['collections']>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  const schemas = collectionSchemas();
  await db.addCollections(
    Object.fromEntries(
      COLLECTION_NAMES.map((c) => [c, { schema: schemas[c], migrationStrategies: MIGRATIONS[c] }]),
    ) as never,
  );
  return db as CarteiraDatabase;
}
