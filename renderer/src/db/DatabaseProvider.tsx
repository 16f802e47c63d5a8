import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { RxStorage } from 'rxdb';
import type { CollectionName } from '@shared/models';
import { LOCAL_SCOPE, type DataScope } from '@shared/domain/data-scope';
import { createRepository, type Repository } from './repository';
import type { CarteiraDatabase } from './types';

/** Where the no-server database lives, read without opening it (see local-data-copy.ts). */
export interface LocalDataSource {
  storage: RxStorage<unknown, unknown>;
  name: string;
}

interface DatabaseContextValue {
  db: CarteiraDatabase;
  /** Who edits: stamped as `updatedBy` on every write. */
  author: () => string;
  /** The (server, team) the open database belongs to; the no-server database when not given. */
  scope?: DataScope;
  /** The no-server database, whose documents a team database may take in (Settings). */
  localData?: LocalDataSource;
}

const DatabaseContext = createContext<(DatabaseContextValue & { scope: DataScope }) | null>(null);

/** Makes the local database available to the hooks below; components never import collections. */
export function DatabaseProvider({ db, author, scope = LOCAL_SCOPE, localData, children }: DatabaseContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ db, author, scope, localData }), [db, author, scope, localData]);
  return <DatabaseContext.Provider value={value}>{children}</DatabaseContext.Provider>;
}

export function useDatabaseContext(): DatabaseContextValue & { scope: DataScope } {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabaseContext outside <DatabaseProvider>');
  return value;
}

/** The (server, team) whose data is on screen. */
export function useDataScope(): DataScope {
  return useDatabaseContext().scope;
}

/** The repository of one collection, bound to the current database and author. */
export function useRepository<C extends CollectionName>(name: C): Repository<C> {
  const { db, author } = useDatabaseContext();
  return useMemo(() => createRepository(db, name, author), [db, name, author]);
}
