import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '@shared/models';
import { MIGRATIONS } from './migrations';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import type { CarteiraDatabase } from './types';

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('createDatabase', () => {
  it('opens all 11 collections of the domain and the local conflict log, within the free edition limit', async () => {
    db = await openTestDatabase();
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES, 'conflicts'].sort());
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(11);
  });

  it('has a migration strategy for every schema version above 0', () => {
    for (const name of COLLECTION_NAMES) {
      for (let v = 1; v <= COLLECTIONS[name].version; v++) expect(MIGRATIONS[name][v], `${name} v${v}`).toBeTypeOf('function');
    }
  });

  it('keeps documents on Dexie (IndexedDB) across a close and reopen', async () => {
    const name = `reopen-${Date.now()}`;
    db = await openTestDatabase('dexie', name);
    const now = Date.now();
    await db.competitors.insert({
      id: 'c1',
      createdAt: now,
      updatedAt: now,
      updatedBy: 'me',
      fieldTimes: {},
      name: 'Concorrente Ltda',
      nameSort: 'concorrente ltda',
      website: '',
      strengths: [],
      weaknesses: [],
      opportunities: [],
      threats: [],
      pricePositioning: 'similar',
      notes: [],
    });
    await db.close();
    db = await openTestDatabase('dexie', name);
    const again = await db.competitors.findOne('c1').exec();
    expect(again?.name).toBe('Concorrente Ltda');
  });
});
