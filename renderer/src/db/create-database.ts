import { addRxPlugin, createRxDatabase, type RxConflictHandler, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { COLLECTION_NAMES, toJsonSchema, type CollectionName } from '@shared/models';
import { CONFLICTS_COLLECTION, conflictRecordJsonSchema } from '@shared/models/conflicts';
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
  /** How replication resolves a push conflict, per collection (renderer/src/sync/sync-merge-conflict-handler.ts); RxDB's default (server wins) otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one handler per collection, each of its own document type
  conflictHandlers?: Partial<Record<CollectionName, RxConflictHandler<any>>>;
  /** Open only these domain collections: tests with two databases in one process stay within RxDB's 13-collection limit. */
  collections?: readonly CollectionName[];
}

/** The JSON schema of every collection, in the form RxDB takes. */
export function collectionSchemas(): Record<CollectionName, RxJsonSchema<Record<string, unknown>>> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, toJsonSchema(name) as unknown as RxJsonSchema<Record<string, unknown>>])) as Record<
    CollectionName,
    RxJsonSchema<Record<string, unknown>>
  >;
}

/** Opens (or creates) the local database with all 11 collections of the domain and the local conflict log. */
export async function createDatabase({
  storage,
  name = 'carteira',
  multiInstance = true,
  conflictHandlers = {},
  collections = COLLECTION_NAMES,
}: CreateDatabaseOptions): Promise<CarteiraDatabase> {
  const db = await createRxDatabase<CarteiraDatabase['collections']>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  const schemas = collectionSchemas();
  await db.addCollections({
    ...Object.fromEntries(collections.map((c) => [c, { schema: schemas[c], migrationStrategies: MIGRATIONS[c], conflictHandler: conflictHandlers[c] }])),
    [CONFLICTS_COLLECTION]: { schema: conflictRecordJsonSchema as unknown as RxJsonSchema<Record<string, unknown>> },
  } as never);
  return db as CarteiraDatabase;
}
