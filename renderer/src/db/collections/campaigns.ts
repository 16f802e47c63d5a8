import type { RxCollection } from 'rxdb';
import type { Campaign } from '@shared/models';
import type { CarteiraDatabase } from '../types';
import { collectionOf, openCollectionOf } from './access';

/** The campaigns collection (index 'scheduledAt'). */
export const campaignsOf = (db: CarteiraDatabase): RxCollection<Campaign> => collectionOf(db, 'campaigns');

/** Every campaign: they are few (hundreds at most), so merges read them whole; [] when the collection is not open. */
export async function allCampaigns(db: CarteiraDatabase): Promise<Campaign[]> {
  const collection = openCollectionOf(db, 'campaigns');
  return collection ? (await collection.find().exec()).map((c) => c.toJSON() as Campaign) : [];
}
