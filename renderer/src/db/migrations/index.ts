import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '@shared/models';
import { normalizeStageId } from '@shared/domain/sales/pipeline';

/**
 * Migration strategies per collection: key N migrates a document from schema version N-1 to N.
 * Every bump of `version` in shared/models/index.ts needs its strategy here (a test checks it).
 */
export const MIGRATIONS: Record<CollectionName, MigrationStrategies> = {
  accounts: {},
  contacts: {},
  products: {},
  deals: {
    // 1: the stage is the id of a stage of the team's pipeline (the fixed list of version 0 maps onto the default pipeline).
    1: (doc: { stage: string }) => ({ ...doc, stage: normalizeStageId(doc.stage) }),
  },
  activities: {},
  orders: {},
  contracts: {
    // 1: optional renewal day and a snapshot of the terms on each version; older contracts keep theirs as they are.
    1: (doc: Record<string, unknown>) => doc,
  },
  cases: {},
  events: {},
  competitors: {},
  campaigns: {},
};
