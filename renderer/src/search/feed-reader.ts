import { getChangedDocumentsSince, type RxStorage, type RxStorageInstance } from 'rxdb';
import type { FeedSource } from './protocol';

/** One page of a collection in the storage's own order ([_meta.lwt, id]), deleted documents included. */
export interface FeedPage {
  documents: ({ id: string; _deleted?: boolean } & Record<string, unknown>)[];
  checkpoint: unknown;
}

/** Reads one collection page by page, as replication does (keyset on the storage's index, never skip). */
export interface FeedReader {
  read(checkpoint: unknown, limit: number): Promise<FeedPage>;
  close(): Promise<void> | void;
}

export type OpenFeedReader = (source: FeedSource) => Promise<FeedReader>;

const readerOf = (instance: RxStorageInstance<never, unknown, unknown>, close: () => Promise<void> | void): FeedReader => ({
  read: async (checkpoint, limit) => {
    const page = await getChangedDocumentsSince(instance, limit, checkpoint as never);
    return { documents: page.documents as unknown as FeedPage['documents'], checkpoint: page.checkpoint };
  },
  close,
});

/**
 * Opens a source through a storage of its own: the worker's Dexie storage reaches the same
 * IndexedDB database the app's RxDB wrote (same names, same schema version: no upgrade, no write).
 * Closed after the first read; live changes come from the app's change streams.
 */
export function storageFeedReader(storage: RxStorage<unknown, unknown>): OpenFeedReader {
  return async (source) => {
    const instance = await storage.createStorageInstance({
      databaseInstanceToken: `carteira-search-${source.collectionName}`,
      databaseName: source.databaseName,
      collectionName: source.collectionName,
      schema: source.schema as never,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    return readerOf(instance as never, () => instance.close());
  };
}

/** In-thread (tests: jsdom has no Worker): reads through the open database's own storage instances. */
export function instanceFeedReader(instanceOf: (collectionName: string) => RxStorageInstance<never, unknown, unknown>): OpenFeedReader {
  return async (source) => readerOf(instanceOf(source.collectionName), () => undefined);
}
