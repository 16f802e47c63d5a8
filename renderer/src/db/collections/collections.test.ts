import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/models';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../types';
import { collectionOf, declaresIndex, docsOfAccount, indexSort, openCollectionOf, pageById } from './access';
import { accountsByNameAfter, accountsOf, accountQueries, firstAccountsByName } from './accounts';
import { distinctOwners } from './activities';
import { productQueries, productsOf } from './products';
import { testProduct } from '../../features/catalogue/catalogue-fixtures';

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

  it('find products by the start of their name (accents and case folded) or of their SKU, and none for blank text', async () => {
    db = await openTestDatabase('memory', undefined, { collections: ['products'] });
    await productsOf(db).bulkInsert([
      testProduct({ sku: 'EPI-000123', name: 'Luva nitrílica', category: 'EPI' }),
      testProduct({ sku: 'EPI-000200', name: 'Óculos de proteção', category: 'EPI' }),
      testProduct({ sku: 'FIT-000042', name: 'Fita isolante', category: 'Elétrica' }),
    ]);
    const names = async (query: ReturnType<typeof productQueries.nameStartsWith>) => (await productsOf(db!).find(query!).exec()).map((p) => p.name);
    expect(await names(productQueries.nameStartsWith('oculos', 10))).toEqual(['Óculos de proteção']);
    expect(await names(productQueries.nameStartsWith('LUVA N', 10))).toEqual(['Luva nitrílica']);
    expect(await names(productQueries.skuStartsWith('epi-', 10))).toEqual(['Luva nitrílica', 'Óculos de proteção']);
    expect(await names(productQueries.skuStartsWith('epi-', 1))).toEqual(['Luva nitrílica']);
    expect(productQueries.nameStartsWith('  ', 10)).toBeNull();
    expect(productQueries.skuStartsWith('', 10)).toBeNull();
  });
});
