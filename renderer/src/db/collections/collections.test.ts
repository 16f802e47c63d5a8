import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/models';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../types';
import { collectionOf, declaresIndex, docsOfAccount, indexSort, openCollectionOf, pageById } from './access';
import { accountsByNameAfter, accountsOf, accountQueries, firstAccountsByName } from './accounts';
import { distinctOwners } from './activities';

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const data = generateSampleData({ size: 'S', seed: 5, now: Date.UTC(2026, 10, 1), counts: { accounts: 40 } });
const accounts = [...data.docs('accounts')];

describe('the data modules', () => {
  it('refuse a sort on an index shared/models does not declare (a full scan), and accept declared ones', () => {
    expect(declaresIndex('contacts', ['accountId', 'nameSort', 'id'])).toBe(true);
    expect(declaresIndex('activities', ['id'])).toBe(true);
    expect(() => indexSort('accounts', 'city')).toThrow(/no index \[city\]/);
    expect(indexSort('activities', 'ownerId', 'at')).toEqual([{ ownerId: 'asc' }, { at: 'asc' }]);
  });

  it('give each collection its typed accessor, and undefined for one a test did not open', async () => {
    db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities'] });
    expect(collectionOf(db, 'accounts').name).toBe('accounts');
    expect(openCollectionOf(db, 'orders')).toBeUndefined();
    expect(await docsOfAccount(db, 'orders', 'a1')).toEqual([]);
    expect(COLLECTION_NAMES).toContain('accounts');
  });

  it('page accounts by name with ties broken by id, and by primary key', async () => {
    db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities'] });
    await accountsOf(db).bulkInsert(accounts);
    const first = await firstAccountsByName(accountsOf(db), 2);
    const rest = await accountsByNameAfter(accountsOf(db), first[1]!.nameSort, first[1]!.id, 100);
    const byName = [...first, ...rest].map((a) => a.id);
    expect(byName).toHaveLength(accounts.length);
    expect(new Set(byName).size).toBe(accounts.length);
    const names = [...first, ...rest].map((a) => a.nameSort);
    expect(names).toEqual([...names].sort());
    const ids = (await pageById(accountsOf(db), '', 100)).map((a) => a.id);
    expect(ids).toEqual([...ids].sort());
    const found = await accountsOf(db)
      .find(accountQueries.byNamePrefix(accounts[0]!.nameSort.slice(0, 3), 5))
      .exec();
    expect(found.length).toBeGreaterThan(0);
    expect(await distinctOwners(collectionOf(db, 'activities'))).toEqual([]);
  });
});
