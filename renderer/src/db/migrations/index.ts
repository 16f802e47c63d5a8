import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '@shared/models';

/**
 * Migration strategies per collection: key N migrates a document from schema version N-1 to N.
 * Every bump of `version` in shared/models/index.ts needs its strategy here (a test checks it).
 */
export const MIGRATIONS: Record<CollectionName, MigrationStrategies> = {
  accounts: {},
  contacts: {},
  products: {},
  deals: {},
  activities: {},
  orders: {},
  contracts: {},
  cases: {},
  events: {},
  competitors: {},
  campaigns: {},
};
