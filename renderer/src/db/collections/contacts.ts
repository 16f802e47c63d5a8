import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import type { Contact } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { keysetPage, type KeysetSource } from '../live-list';
import { collectionOf, indexSort } from './access';

/** The contacts collection. */
export const contactsOf = (db: CarteiraDatabase): RxCollection<Contact> => collectionOf(db, 'contacts');

/** Index 'nameSort' (the primary key breaks ties): the contacts list. */
const BY_NAME = indexSort('contacts', 'nameSort', 'id');
/** Index ['accountId', 'nameSort']: an account's people, by name. */
const BY_ACCOUNT_NAME = indexSort('contacts', 'accountId', 'nameSort', 'id');
const ACCOUNT_NAME = indexSort('contacts', 'accountId', 'nameSort');

export const contactQueries = {
  /** The contacts of an account, by name (index ['accountId', 'nameSort']). */
  ofAccount: (accountId: string): MangoQuery<Contact> => ({ selector: { accountId }, sort: ACCOUNT_NAME }),
};

/** The order a contacts list walks: all contacts by name, or one account's (its index range). */
export interface ContactOrder {
  base: MangoQuerySelector<Contact>;
  sort: MangoQuerySortPart<Contact>[];
}

export const contactOrder = (accountId: string): ContactOrder => (accountId ? { base: { accountId }, sort: BY_ACCOUNT_NAME } : { base: {}, sort: BY_NAME });

/** The contacts along `order` that also match `selector` (a keyset bound), at most `limit`. */
export async function contactsAlong(
  collection: RxCollection<Contact>,
  order: ContactOrder,
  selector: MangoQuerySelector<Contact>,
  limit: number,
): Promise<Contact[]> {
  const docs = await collection.find({ selector: { ...order.base, ...selector }, sort: order.sort, limit }).exec();
  return docs.map((d) => d.toJSON() as Contact);
}

/** How many contacts `order` walks (an index-only count). */
export const countContacts = (collection: RxCollection<Contact>, order: ContactOrder): Promise<number> => collection.count({ selector: order.base }).exec();

/** Where a contacts list page ended: the sort name and the id that breaks its ties. */
export type ContactKey = Pick<Contact, 'nameSort' | 'id'>;

/**
 * The contacts along `order`, for a live list: keyset pages along the `nameSort` index (or
 * `[accountId, nameSort]` for one account's), first the ties of the name, then the greater names.
 */
export const contactsByName = (collection: RxCollection<Contact>, order: ContactOrder): KeysetSource<Contact, ContactKey> => ({
  changes: collection.$,
  first: (limit) => contactsAlong(collection, order, {}, limit),
  after: (key, limit) =>
    keysetPage(
      (n) => contactsAlong(collection, order, { nameSort: key.nameSort, id: { $gt: key.id } }, n),
      (n) => contactsAlong(collection, order, { nameSort: { $gt: key.nameSort } }, n),
      limit,
    ),
  count: () => countContacts(collection, order),
});

/** Contacts with this normalised e-mail (index 'emailKey'), at most `limit`. */
export async function contactsByEmailKey(collection: RxCollection<Contact>, key: string, limit: number): Promise<Contact[]> {
  const docs = await collection.find({ selector: { emailKey: key }, limit }).exec();
  return docs.map((d) => d.toJSON() as Contact);
}

/** An account's contacts by name (index ['accountId', 'nameSort']), at most `limit`. */
export async function contactsOfAccount(collection: RxCollection<Contact>, accountId: string, limit: number): Promise<Contact[]> {
  const docs = await collection.find({ ...contactQueries.ofAccount(accountId), limit }).exec();
  return docs.map((d) => d.toJSON() as Contact);
}
