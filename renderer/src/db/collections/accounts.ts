import type { MangoQuery, RxCollection } from 'rxdb';
import type { Account } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { keysetPage, type KeysetSource } from '../live-list';
import { collectionOf, indexSort, readRaw } from './access';

/** The accounts collection (list rows, pickers, the 360° page, duplicates). */
export const accountsOf = (db: CarteiraDatabase): RxCollection<Account> => collectionOf(db, 'accounts');

/** Index 'nameSort' (the primary key breaks ties): the list's order and the pickers' typed prefixes. */
const BY_NAME = indexSort('accounts', 'nameSort', 'id');
const NAME_ONLY = indexSort('accounts', 'nameSort');

/** A range of the nameSort index: the names that start with `prefix` (every name when it is empty). */
const nameStartsWith = (prefix: string) => (prefix ? { nameSort: { $gte: prefix, $lt: `${prefix}\uffff` } } : {});

export const accountQueries = {
  /** The first `limit` accounts whose sort name starts with `prefix`, by name (index 'nameSort'). */
  byNamePrefix: (prefix: string, limit: number): MangoQuery<Account> => ({ selector: nameStartsWith(prefix), sort: BY_NAME, limit }),
  /** The accounts with these ids (the primary key). */
  byIds: (ids: readonly string[]): MangoQuery<Account> => ({ selector: { id: { $in: [...ids] } } }),
};

/** The first `limit` accounts by name (index 'nameSort'): what the list shows before anything else is read. */
export async function firstAccountsByName(collection: RxCollection<Account>, limit: number): Promise<Account[]> {
  const docs = await collection.find({ selector: {}, sort: BY_NAME, limit }).exec();
  return docs.map((d) => d.toJSON() as Account);
}

/**
 * The next `limit` accounts after (nameSort, id) by name, read raw from the storage (index
 * 'nameSort'): first the ties of nameSort, then the greater names. Keyset pages, because RxDB
 * serves `skip` by walking the cursor row by row.
 */
export function accountsByNameAfter(collection: RxCollection<Account>, nameSort: string, id: string, limit: number): Promise<Account[]> {
  return keysetPage(
    (n) => readRaw(collection, { selector: { nameSort, id: { $gt: id } }, sort: BY_NAME, limit: n }),
    (n) => readRaw(collection, { selector: { nameSort: { $gt: nameSort } }, sort: BY_NAME, limit: n }),
    limit,
  );
}

/** Where an accounts list page ended: the sort name and the id that breaks its ties. */
export type AccountKey = Pick<Account, 'nameSort' | 'id'>;

/** Every account by name (index 'nameSort'), for a live list: an index-limited first page, keyset pages after it. */
export const accountsByName = (collection: RxCollection<Account>): KeysetSource<Account, AccountKey> => ({
  changes: collection.$,
  first: (limit) => firstAccountsByName(collection, limit),
  after: (key, limit) => accountsByNameAfter(collection, key.nameSort, key.id, limit),
  count: () => collection.count().exec(),
});

/** Accounts whose tax id digits are `digits` (index 'taxIdDigits'), at most `limit`. */
export async function accountsByTaxId(collection: RxCollection<Account>, digits: string, limit: number): Promise<Account[]> {
  const docs = await collection.find({ selector: { taxIdDigits: digits }, limit }).exec();
  return docs.map((d) => d.toJSON() as Account);
}

/** Accounts whose sort name starts with `prefix` (index 'nameSort'), at most `limit`. */
export async function accountsByNamePrefix(collection: RxCollection<Account>, prefix: string, limit: number): Promise<Account[]> {
  const docs = await collection.find({ selector: { nameSort: { $gte: prefix, $lt: `${prefix}\uffff` } }, sort: NAME_ONLY, limit }).exec();
  return docs.map((d) => d.toJSON() as Account);
}

/** The accounts of these ids that exist, by id, as plain JSON (the primary key). */
export async function accountsByIds(collection: RxCollection<Account>, ids: readonly string[]): Promise<Map<string, Account>> {
  const found = await collection.findByIds([...new Set(ids)]).exec();
  return new Map([...found.values()].map((d) => [d.id, d.toJSON() as Account]));
}
