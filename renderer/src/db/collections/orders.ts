import type { MangoQuery, RxCollection } from 'rxdb';
import type { Order } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort } from './access';

/** The orders collection. */
export const ordersOf = (db: CarteiraDatabase): RxCollection<Order> => collectionOf(db, 'orders');

/** Index ['accountId', 'orderedAt']: an account's orders, oldest first (an account has few: callers reverse in memory). */
const BY_ACCOUNT_ORDERED = indexSort('orders', 'accountId', 'orderedAt');
/** Index ['status', 'promisedDate']: orders by status, soonest promise first. */
const BY_STATUS_PROMISED = indexSort('orders', 'status', 'promisedDate');

/** Index 'dealId': the orders a deal became. */
const BY_DEAL = indexSort('orders', 'dealId');

/** The statuses with something still to deliver (version 0's draft included, for orders from an older app). */
export const OPEN_ORDER_STATUSES = ['draft', 'received', 'confirmed', 'in_preparation', 'shipped', 'partially_delivered'] as const;

export const orderQueries = {
  /** The orders of an account, oldest first (index ['accountId', 'orderedAt']). */
  ofAccount: (accountId: string): MangoQuery<Order> => ({ selector: { accountId }, sort: BY_ACCOUNT_ORDERED }),
  /** Every order, along index ['status', 'promisedDate'] (the list sorts in memory). */
  all: (): MangoQuery<Order> => ({ selector: {}, sort: BY_STATUS_PROMISED }),
  /** Orders with something still due: the open statuses of index ['status', 'promisedDate']. */
  open: (): MangoQuery<Order> => ({ selector: { status: { $in: [...OPEN_ORDER_STATUSES] } }, sort: BY_STATUS_PROMISED }),
  /** The orders made from a deal (index 'dealId'). */
  ofDeal: (dealId: string): MangoQuery<Order> => ({ selector: { dealId }, sort: BY_DEAL }),
};
