import type { MangoQuery, RxCollection } from 'rxdb';
import type { Contract } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The contracts collection. */
export const contractsOf = (db: CarteiraDatabase): RxCollection<Contract> => collectionOf(db, 'contracts');

/** Index ['accountId', 'endDate']: an account's contracts by end date. */
const BY_ACCOUNT_END = indexSort('contracts', 'accountId', 'endDate');
/** Index ['status', 'endDate']: contracts by status, soonest end first. */
const BY_STATUS_END = indexSort('contracts', 'status', 'endDate');

export const contractQueries = {
  /** The contracts of an account by end date (index ['accountId', 'endDate']). */
  ofAccount: (accountId: string): MangoQuery<Contract> => ({ selector: { accountId }, sort: BY_ACCOUNT_END }),
  /** Every contract, or those of one status, by status then end date (index ['status', 'endDate']). */
  byStatus: (status: Contract['status'] | null): MangoQuery<Contract> => ({ selector: status ? { status } : {}, sort: BY_STATUS_END }),
  /** Signed and active contracts ending in [from, to] (ISO days), soonest first (index ['status', 'endDate']). */
  endingBetween: (from: string, to: string): MangoQuery<Contract> => ({
    selector: { status: { $in: ['signed', 'active'] }, endDate: { $gte: from, $lte: to } },
    sort: BY_STATUS_END,
  }),
};
