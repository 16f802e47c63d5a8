import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { CollectionName } from '@shared/models';
import { createRepository, type Repository } from './repository';
import type { CarteiraDatabase } from './types';

interface DatabaseContextValue {
  db: CarteiraDatabase;
  /** Who edits: stamped as `updatedBy` on every write. */
  author: () => string;
}

const DatabaseContext = createContext<DatabaseContextValue | null>(null);

/** Makes the local database available to the hooks below; components never import collections. */
export function DatabaseProvider({ db, author, children }: DatabaseContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ db, author }), [db, author]);
  return <DatabaseContext.Provider value={value}>{children}</DatabaseContext.Provider>;
}

export function useDatabaseContext(): DatabaseContextValue {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabaseContext outside <DatabaseProvider>');
  return value;
}

/** The repository of one collection, bound to the current database and author. */
export function useRepository<C extends CollectionName>(name: C): Repository<C> {
  const { db, author } = useDatabaseContext();
  return useMemo(() => createRepository(db, name, author), [db, name, author]);
}
