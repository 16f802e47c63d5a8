import type { RxCollection, RxDatabase, RxDocument } from 'rxdb';
import type { CollectionName, DocOf } from '@shared/models';

/** The typed collections of Carteira's local database. */
export type CarteiraCollections = { [C in CollectionName]: RxCollection<DocOf<C>> };
/** Carteira's local database (RxDB over Dexie in the app, memory or fake-indexeddb in tests). */
export type CarteiraDatabase = RxDatabase<CarteiraCollections>;
export type CarteiraDocument<C extends CollectionName> = RxDocument<DocOf<C>>;
