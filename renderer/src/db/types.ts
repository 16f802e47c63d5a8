import type { RxCollection, RxDatabase, RxDocument } from 'rxdb';
import type { CollectionName, DocOf } from '@shared/models';
import type { ConflictRecord } from '@shared/models/conflicts';

/** The typed collections of Carteira's local database: the domain's, plus the local conflict log. */
export type CarteiraCollections = DomainCollections & { conflicts: RxCollection<ConflictRecord> };
/** The domain's collections, one per name of shared/models. */
export type DomainCollections = { [C in CollectionName]: RxCollection<DocOf<C>> };
/** Carteira's local database (RxDB over Dexie in the app, memory or fake-indexeddb in tests). */
export type CarteiraDatabase = RxDatabase<CarteiraCollections>;
export type CarteiraDocument<C extends CollectionName> = RxDocument<DocOf<C>>;
