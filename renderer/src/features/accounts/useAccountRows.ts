import { useSyncExternalStore } from 'react';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { accountRowsStore, type AccountRowsSnapshot } from './account-list';

/** Every account's list row, sorted by name, live. */
export function useAccountRows(): AccountRowsSnapshot {
  const { db } = useDatabaseContext();
  const store = accountRowsStore(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
