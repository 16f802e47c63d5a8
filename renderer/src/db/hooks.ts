import { useEffect, useState } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Account, CollectionName, Contact, Deal, DocOf } from '@shared/models';
import { useDatabaseContext } from './DatabaseProvider';
import { collectionOf } from './collections/access';
import { contactQueries } from './collections/contacts';
import { dealQueries } from './collections/deals';

/** Loading state of a live read: `undefined` while the first result is on its way. */
export type Live<T> = T | undefined;

/** One document by id, live: re-renders when it changes anywhere (this window, another, sync). */
export function useDocument<C extends CollectionName>(name: C, id: string | undefined): Live<DocOf<C> | null> {
  const { db } = useDatabaseContext();
  const [doc, setDoc] = useState<Live<DocOf<C> | null>>(undefined);
  useEffect(() => {
    setDoc(undefined);
    if (!id) {
      setDoc(null);
      return;
    }
    const collection = collectionOf(db, name);
    const sub = collection.findOne(id).$.subscribe((d) => setDoc(d ? (d.toMutableJSON() as DocOf<C>) : null));
    return () => sub.unsubscribe();
  }, [db, name, id]);
  return doc;
}

/** The documents a mango query selects, live. Pass a memoised or stable query. */
export function useDocuments<C extends CollectionName>(name: C, query: MangoQuery<DocOf<C>> | null): Live<DocOf<C>[]> {
  const { db } = useDatabaseContext();
  const [docs, setDocs] = useState<Live<DocOf<C>[]>>(undefined);
  const key = JSON.stringify(query);
  useEffect(() => {
    setDocs(undefined);
    if (!query) {
      setDocs([]);
      return;
    }
    const collection = collectionOf(db, name);
    const sub = collection.find(query).$.subscribe((list) => setDocs(list.map((d) => d.toMutableJSON() as DocOf<C>)));
    return () => sub.unsubscribe();
    // The query is compared by value: callers may rebuild it on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, name, key]);
  return docs;
}

/** How many documents a collection holds, live. */
export function useCount(name: CollectionName): Live<number> {
  const { db } = useDatabaseContext();
  const [count, setCount] = useState<Live<number>>(undefined);
  useEffect(() => {
    const sub = db.collections[name].count().$.subscribe(setCount);
    return () => sub.unsubscribe();
  }, [db, name]);
  return count;
}

export const useAccount = (id: string | undefined): Live<Account | null> => useDocument('accounts', id);
export const useContact = (id: string | undefined): Live<Contact | null> => useDocument('contacts', id);
export const useDeal = (id: string | undefined): Live<Deal | null> => useDocument('deals', id);

/** The contacts of an account, by name. */
export function useAccountContacts(accountId: string | undefined): Live<Contact[]> {
  return useDocuments('contacts', accountId ? contactQueries.ofAccount(accountId) : null);
}

/** The open deals of an account. */
export function useAccountDeals(accountId: string | undefined): Live<Deal[]> {
  return useDocuments('deals', accountId ? dealQueries.ofAccount(accountId) : null);
}
