import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ContactRowFilter } from '@shared/domain/contact-rows';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { ContactPager, type ContactPageSnapshot } from './contact-pager';

/** Contacts matching the filter, read page by page as the list asks for more (`ensure`). */
export function useContactPage(filter: ContactRowFilter): ContactPageSnapshot & { ensure(count: number): void } {
  const { db } = useDatabaseContext();
  const { text = '', accountId = '', role = '' } = filter;
  const pager = useMemo(() => new ContactPager(db.contacts, db.accounts, { text, accountId, role }), [db, text, accountId, role]);
  useEffect(() => () => pager.stop(), [pager]);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const ensure = useCallback((count: number) => pager.ensure(count), [pager]);
  return useMemo(() => ({ ...snapshot, ensure }), [snapshot, ensure]);
}
