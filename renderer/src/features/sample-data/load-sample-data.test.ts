import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../../db/types';
import { loadSampleData } from './load-sample-data';

let db: CarteiraDatabase | undefined;
afterEach(async () => db?.close());

describe('loadSampleData', () => {
  it('fills every collection with schema-valid documents and can run twice', async () => {
    db = await openTestDatabase();
    const progress: number[] = [];
    const total = await loadSampleData(db, { size: 'S', seed: 7, now: Date.UTC(2026, 10, 27), onProgress: (done) => progress.push(done) });
    for (const name of COLLECTION_NAMES) expect(await db.collections[name].count().exec(), name).toBeGreaterThan(0);
    expect(await db.accounts.count().exec()).toBeGreaterThanOrEqual(400);
    expect(progress.at(-1)).toBe(total);
    // A second click (or a reload mid-way) inserts nothing twice.
    await loadSampleData(db, { size: 'S', seed: 7, now: Date.UTC(2026, 10, 27) });
    const counts = await Promise.all(COLLECTION_NAMES.map((n) => db!.collections[n].count().exec()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
