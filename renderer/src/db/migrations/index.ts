import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '@shared/models';
import { normalizeStageId } from '@shared/domain/sales/pipeline';
import { normalizeOrderStatus } from '@shared/domain/orders/status';

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
  orders: {
    // 1: the statuses the issue lists (received … delivered); version 0's draft is an order received, not yet confirmed.
    1: (doc: { status: string }) => ({ ...doc, status: normalizeOrderStatus(doc.status) }),
  },
  contracts: {
    // 1: optional renewal day and a snapshot of the terms on each version; older contracts keep theirs as they are.
    1: (doc: Record<string, unknown>) => doc,
  },
  cases: {
    // 1: optional channel and actions ("what was done"); older cases keep neither and stay as they were.
    1: (doc: Record<string, unknown>) => doc,
  },
  events: {
    // 1: optional stand, budget, goals, questions, consent text and fair-mode captures; older events keep none.
    1: (doc: Record<string, unknown>) => doc,
  },
  competitors: {
    // 1: optional positioning per category or product of our catalogue; older competitors keep none.
    1: (doc: Record<string, unknown>) => doc,
  },
  campaigns: {},
};
