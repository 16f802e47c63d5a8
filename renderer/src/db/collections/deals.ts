import type { MangoQuery, RxCollection } from 'rxdb';
import type { Deal } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort, readRaw } from './access';

/** The deals collection. */
export const dealsOf = (db: CarteiraDatabase): RxCollection<Deal> => collectionOf(db, 'deals');

/** Index ['accountId', 'expectedClose']: an account's deals, soonest close first. */
const BY_ACCOUNT_CLOSE = indexSort('deals', 'accountId', 'expectedClose');
/** Index ['stage', 'expectedClose']: the pipeline, stage by stage, soonest close first. */
const BY_STAGE_CLOSE = indexSort('deals', 'stage', 'expectedClose');

export const dealQueries = {
  /** The deals of an account by expected close (index ['accountId', 'expectedClose']). */
  ofAccount: (accountId: string): MangoQuery<Deal> => ({ selector: { accountId }, sort: BY_ACCOUNT_CLOSE }),
  /** Every deal, along the pipeline's index (['stage', 'expectedClose']). */
  pipeline: (): MangoQuery<Deal> => ({ selector: {}, sort: BY_STAGE_CLOSE }),
  /**
   * The deals that name a competitor, along the pipeline's index (no index on competitorId: the
   * team's deals are scanned once, and the competitors screens filter them in memory).
   */
  withCompetitor: (): MangoQuery<Deal> => ({ selector: { competitorId: { $gt: '' } }, sort: BY_STAGE_CLOSE }),
  /** The deals against one competitor, along the pipeline's index (a scan, see withCompetitor). */
  againstCompetitor: (competitorId: string): MangoQuery<Deal> => ({ selector: { competitorId }, sort: BY_STAGE_CLOSE }),
};

/** Every deal as stored, straight from the storage (the board keeps 30 000 in memory). */
export const readAllDeals = (collection: RxCollection<Deal>): Promise<Deal[]> => readRaw(collection, dealQueries.pipeline());
