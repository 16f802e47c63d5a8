import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Account } from '@shared/models';
import { sortKey } from '@shared/domain/text';
import { useDocuments, type Live } from '../../db/hooks';
import { accountQueries } from '../../db/collections/accounts';

/** How many accounts the picker offers at once: a manager narrows by typing, never scrolls 50k. */
export const ACCOUNT_OPTIONS_LIMIT = 20;

/** Accounts whose sort name starts with the typed text (nameSort index), first ACCOUNT_OPTIONS_LIMIT. */
export function useAccountOptions(search: string): Live<Account[]> {
  const prefix = sortKey(search);
  const query = useMemo((): MangoQuery<Account> => accountQueries.byNamePrefix(prefix, ACCOUNT_OPTIONS_LIMIT), [prefix]);
  return useDocuments('accounts', query);
}
