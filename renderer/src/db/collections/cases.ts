import type { MangoQuery, RxCollection } from 'rxdb';
import type { Case } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The cases collection. */
export const casesOf = (db: CarteiraDatabase): RxCollection<Case> => collectionOf(db, 'cases');

/** Index ['accountId', 'openedAt']: an account's cases, oldest first (few: callers reverse in memory). */
const BY_ACCOUNT_OPENED = indexSort('cases', 'accountId', 'openedAt');

export const caseQueries = {
  /** The cases of an account, oldest first (index ['accountId', 'openedAt']). */
  ofAccount: (accountId: string): MangoQuery<Case> => ({ selector: { accountId }, sort: BY_ACCOUNT_OPENED }),
};
