import type { MangoQuery, RxCollection } from 'rxdb';
import type { Contract } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The contracts collection. */
export const contractsOf = (db: CarteiraDatabase): RxCollection<Contract> => collectionOf(db, 'contracts');

/** Index ['accountId', 'endDate']: an account's contracts by end date. */
const BY_ACCOUNT_END = indexSort('contracts', 'accountId', 'endDate');

export const contractQueries = {
  /** The contracts of an account by end date (index ['accountId', 'endDate']). */
  ofAccount: (accountId: string): MangoQuery<Contract> => ({ selector: { accountId }, sort: BY_ACCOUNT_END }),
};
