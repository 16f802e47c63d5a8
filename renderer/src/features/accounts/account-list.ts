import type { RxCollection } from 'rxdb';
import type { Account } from '@shared/models';
import { compareAccountRows, toAccountRow, type AccountRow } from '@shared/domain/account-rows';
import type { CarteiraDatabase } from '../../db/types';
import { LiveRows, type LiveRowsSnapshot } from '../../db/live-list';
import { accountsByName, accountsOf, type AccountKey } from '../../db/collections/accounts';

/** What the list renders: rows in order, how many exist, and whether every row is in memory yet. */
export type AccountRowsSnapshot = LiveRowsSnapshot<AccountRow>;

/** The accounts list's rows: every account, by name. */
export type AccountRowsList = LiveRows<Account, AccountRow, AccountKey>;

/**
 * Every account's list row in memory, sorted, live from the collection's change stream. The first
 * 100 rows come from an index-limited query (fast with 50k accounts); the rest load in keyset pages
 * in the background, small ones because the app's other IndexedDB reads (opening an account) queue
 * behind each.
 */
export function accountRowsList(collection: RxCollection<Account>): AccountRowsList {
  return new LiveRows<Account, AccountRow, AccountKey>({
    source: accountsByName(collection),
    toRow: toAccountRow,
    compare: compareAccountRows,
    keyOf: (row) => ({ nameSort: row.nameSort, id: row.id }),
    read: 'all',
    firstPage: 100,
    page: 500,
  });
}

const lists = new WeakMap<CarteiraDatabase, AccountRowsList>();

/** One list per open database, started on first use. */
export function accountRowsStore(db: CarteiraDatabase): AccountRowsList {
  let list = lists.get(db);
  if (!list) {
    const started = accountRowsList(accountsOf(db));
    started.start();
    lists.set(db, started);
    void db.onClose.push(async () => started.stop());
    list = started;
  }
  return list;
}
