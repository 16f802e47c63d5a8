import type { MangoQuery, RxCollection } from 'rxdb';
import type { Account } from '@shared/models';
import type { CarteiraDatabase } from '../types';
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
export async function accountsByNameAfter(collection: RxCollection<Account>, nameSort: string, id: string, limit: number): Promise<Account[]> {
  const ties = await readRaw(collection, { selector: { nameSort, id: { $gt: id } }, sort: BY_NAME, limit });
  const rest = ties.length < limit ? await readRaw(collection, { selector: { nameSort: { $gt: nameSort } }, sort: BY_NAME, limit: limit - ties.length }) : [];
  return [...ties, ...rest];
}

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
