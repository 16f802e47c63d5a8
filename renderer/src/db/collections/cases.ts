import type { MangoQuery, RxCollection } from 'rxdb';
import type { Case, CaseStatus } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The cases collection. */
export const casesOf = (db: CarteiraDatabase): RxCollection<Case> => collectionOf(db, 'cases');

/** Index ['accountId', 'openedAt']: an account's cases, oldest first (few: callers reverse in memory). */
const BY_ACCOUNT_OPENED = indexSort('cases', 'accountId', 'openedAt');

/** Index ['status', 'openedAt']: cases of some statuses, oldest first within each. */
const BY_STATUS_OPENED = indexSort('cases', 'status', 'openedAt');

export const caseQueries = {
  /** Cases in any of `statuses`, by status then oldest first (index ['status', 'openedAt']); every case when `statuses` is null. */
  withStatus: (statuses: readonly CaseStatus[] | null): MangoQuery<Case> => ({
    selector: statuses === null ? {} : { status: { $in: [...statuses] } },
    sort: BY_STATUS_OPENED,
  }),
  /** The cases of an account, oldest first (index ['accountId', 'openedAt']). */
  ofAccount: (accountId: string): MangoQuery<Case> => ({ selector: { accountId }, sort: BY_ACCOUNT_OPENED }),
};
