import type { RxCollection } from 'rxdb';
import type { Activity } from '@shared/models';

/**
 * Everyone who owns activities, by skipping along the ['ownerId', 'at'] index one owner at a time
 * (a handful of tiny queries instead of reading every activity). Reads by owner and time use it: that
 * index serves a time range only within one owner.
 */
export async function distinctOwners(collection: RxCollection<Activity>): Promise<string[]> {
  const owners: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 500; i++) {
    const selector: Record<string, unknown> = after === null ? { ownerId: { $gte: '' } } : { ownerId: { $gt: after } };
    const next = await collection.findOne({ selector, sort: [{ ownerId: 'asc' }, { at: 'asc' }] }).exec();
    if (!next) break;
    owners.push(next.ownerId);
    after = next.ownerId;
  }
  return owners;
}
