import type { RxCollection } from 'rxdb';
import { createHybridClock, latestTimeOf, type HybridClock } from '@shared/domain/hlc';
import type { CarteiraDatabase } from './types';

/**
 * The process's clock for edit times (shared/domain/hlc.ts): every repository write is stamped by
 * it, and every document written to the database (pulled, merged or local) advances it, so this
 * device never stamps an edit earlier than one it has seen, whatever its wall clock says.
 */
export const appClock: HybridClock = createHybridClock();

/**
 * Feeds every write of `db` (replication's pulls and merges included: they arrive through the same
 * change streams) to `clock`. Returns the unsubscribe. Reading the stream rather than hooking the
 * pull keeps the clock right whichever path a document took into the database.
 */
export function observeDatabaseTimes(db: CarteiraDatabase, clock: HybridClock = appClock): () => void {
  const collections: RxCollection[] = Object.values(db.collections);
  const subs = collections.map((collection) =>
    collection.eventBulks$.subscribe((bulk) => {
      let latest = 0;
      for (const event of bulk.events) {
        const at = latestTimeOf(event.documentData);
        if (at > latest) latest = at;
      }
      clock.observe(latest);
    }),
  );
  return () => subs.forEach((s) => s.unsubscribe());
}
