import type { MangoQuery, RxCollection } from 'rxdb';
import type { Order } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The orders collection. */
export const ordersOf = (db: CarteiraDatabase): RxCollection<Order> => collectionOf(db, 'orders');

/** Index ['accountId', 'orderedAt']: an account's orders, oldest first (an account has few: callers reverse in memory). */
const BY_ACCOUNT_ORDERED = indexSort('orders', 'accountId', 'orderedAt');

export const orderQueries = {
  /** The orders of an account, oldest first (index ['accountId', 'orderedAt']). */
  ofAccount: (accountId: string): MangoQuery<Order> => ({ selector: { accountId }, sort: BY_ACCOUNT_ORDERED }),
};
