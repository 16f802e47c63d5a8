import { useMemo, useSyncExternalStore } from 'react';
import type { Activity, Case, Contract, Order } from '@shared/models';
import type { AccountRow } from '@shared/domain/account-rows';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { useDocuments, type Live } from '../../db/hooks';
import { activityQueries } from '../../db/collections/activities';
import { caseQueries } from '../../db/collections/cases';
import { contractQueries } from '../../db/collections/contracts';
import { orderQueries } from '../../db/collections/orders';
import { accountRowsStore } from './account-list';

/**
 * The reads of the account 360° page. Each one is served by an index that starts with accountId
 * (activities ['accountId','atInv'], orders ['accountId','orderedAt'], contracts ['accountId','endDate'],
 * cases ['accountId','openedAt']), so opening an account costs the same with 50k accounts as with 50.
 */

/** The account's activities, newest first (ascending inverted time: no `desc` sort), the first `limit`. */
export function useAccountTimeline(accountId: string, limit: number): Live<Activity[]> {
  return useDocuments('activities', activityQueries.accountTimeline(accountId, limit));
}

/** Orders newest first (the index is ascending; an account has few orders, so they are reversed in memory). */
export function useAccountOrders(accountId: string): Live<Order[]> {
  const orders = useDocuments('orders', orderQueries.ofAccount(accountId));
  return useMemo(() => orders && [...orders].reverse(), [orders]);
}

/** Contracts by end date. */
export function useAccountContracts(accountId: string): Live<Contract[]> {
  return useDocuments('contracts', contractQueries.ofAccount(accountId));
}

/** Cases newest first. */
export function useAccountCases(accountId: string): Live<Case[]> {
  const cases = useDocuments('cases', caseQueries.ofAccount(accountId));
  return useMemo(() => cases && [...cases].reverse(), [cases]);
}

/**
 * The accounts this one referred (their `referredBy` is its id). accounts has no index on
 * referredBy, so rather than scan the collection on every opening this reads the in-memory list
 * rows (the accounts list's store, shared, loaded once): undefined until every row is loaded.
 */
export function useReferralsGiven(accountId: string): Live<AccountRow[]> {
  const { db } = useDatabaseContext();
  const store = accountRowsStore(db);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(() => (snapshot.complete ? snapshot.rows.filter((r) => r.referredBy === accountId) : undefined), [snapshot, accountId]);
}
