import type { MangoQuery, RxCollection } from 'rxdb';
import type { CrmEvent } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, indexSort, openCollectionOf } from './access';

/** The events collection (index 'startDate'). */
export const eventsOf = (db: CarteiraDatabase): RxCollection<CrmEvent> => collectionOf(db, 'events');

/** Every event: they are few (hundreds at most), so merges read them whole; [] when the collection is not open. */
export async function allEvents(db: CarteiraDatabase): Promise<CrmEvent[]> {
  const collection = openCollectionOf(db, 'events');
  return collection ? (await collection.find().exec()).map((e) => e.toJSON() as CrmEvent) : [];
}

/** Index 'startDate' (the primary key breaks ties). */
const BY_START = indexSort('events', 'startDate', 'id');

export const eventQueries = {
  /** Every event by start date, oldest first (index 'startDate'); the list shows the newest on top. */
  byStartDate: (): MangoQuery<CrmEvent> => ({ selector: {}, sort: BY_START }),
};
