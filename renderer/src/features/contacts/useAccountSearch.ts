import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Account } from '@shared/models';
import { sortKey } from '@shared/domain/text';
import { useDocuments, type Live } from '../../db/hooks';
import { accountQueries } from '../../db/collections/accounts';

/** The first `limit` accounts whose list name starts with the typed text (nameSort index range). */
export function useAccountSearch(typed: string, limit = 20): Live<Account[]> {
  const prefix = sortKey(typed);
  const query = useMemo((): MangoQuery<Account> => accountQueries.byNamePrefix(prefix, limit), [prefix, limit]);
  return useDocuments('accounts', query);
}

/** How an account is named in pickers and lists. */
export const accountLabel = (a: Pick<Account, 'name' | 'tradeName'>) => a.tradeName || a.name;
