import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ContactRowFilter } from '@shared/domain/contact-rows';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { accountsOf } from '../../db/collections/accounts';
import { contactsOf } from '../../db/collections/contacts';
import { contactList, type ContactPageSnapshot } from './contact-list';

/** Contacts matching the filter, read page by page as the list asks for more (`ensure`). */
export function useContactPage(filter: ContactRowFilter): ContactPageSnapshot & { ensure(count: number): void } {
  const { db } = useDatabaseContext();
  const { text = '', accountId = '', role = '' } = filter;
  // Made during render, started by its first subscriber (useSyncExternalStore), stopped with it.
  const list = useMemo(() => contactList(contactsOf(db), accountsOf(db), { text, accountId, role }), [db, text, accountId, role]);
  useEffect(() => () => list.stop(), [list]);
  const snapshot = useSyncExternalStore(list.subscribe, list.getSnapshot);
  const ensure = useCallback((count: number) => list.ensure(count), [list]);
  return useMemo(() => ({ ...snapshot, ensure }), [snapshot, ensure]);
}
