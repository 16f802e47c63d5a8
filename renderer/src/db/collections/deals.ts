import type { MangoQuery, RxCollection } from 'rxdb';
import type { Deal } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The deals collection. */
export const dealsOf = (db: CarteiraDatabase): RxCollection<Deal> => collectionOf(db, 'deals');

/** Index ['accountId', 'expectedClose']: an account's deals, soonest close first. */
const BY_ACCOUNT_CLOSE = indexSort('deals', 'accountId', 'expectedClose');

export const dealQueries = {
  /** The deals of an account by expected close (index ['accountId', 'expectedClose']). */
  ofAccount: (accountId: string): MangoQuery<Deal> => ({ selector: { accountId }, sort: BY_ACCOUNT_CLOSE }),
};
