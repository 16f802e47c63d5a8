import { createContext, useContext, useSyncExternalStore } from 'react';
import { useDatabaseContext } from '../db/DatabaseProvider';
import { searchEngineFor, type SearchEngine, type SearchStatus } from './search-engine';

/** Lets tests (jsdom has no Worker) give the palette an in-thread engine. */
export const SearchEngineContext = createContext<SearchEngine | null>(null);

/** The search engine of the open database (the injected one, if any). */
export function useSearchEngine(): SearchEngine {
  const injected = useContext(SearchEngineContext);
  const { db } = useDatabaseContext();
  return injected ?? searchEngineFor(db);
}

export function useSearchStatus(engine: SearchEngine): SearchStatus {
  return useSyncExternalStore(engine.subscribeStatus, engine.getStatus);
}
