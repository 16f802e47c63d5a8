import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSpec } from '@shared/domain/catalogue-query';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../../db/types';
import { productsOf, readCategories } from '../../db/collections/products';
import { testProduct } from './catalogue-fixtures';
import { productWindow, type ProductWindow } from './product-list';

let db: CarteiraDatabase;
let pagers: ProductWindow[] = [];
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['products'] });
});
afterEach(async () => {
  pagers.forEach((p) => p.stop());
  pagers = [];
  await db.close();
});

const CATEGORIES = ['Papelaria', 'Informática', 'Limpeza e higiene'];
const products = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    // Names repeat so pages end in the middle of ties of nameSort.
    const name = `Item ${String(Math.floor(i / 3)).padStart(5, '0')}`;
    return testProduct({ sku: `${['PAP', 'INF', 'LIM'][i % 3]}-${String(i).padStart(6, '0')}`, name, category: CATEGORIES[i % 3]! });
  });
const products$ = () => productsOf(db);
const open = (spec = listSpec('', '', 'name')) => {
  const pager = productWindow(products$(), spec);
  pager.start();
  pagers.push(pager);
  return pager;
};
const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('the catalogue list window', () => {
  it('reads any window of a large list in order by key, holding only a few pages', async () => {
    const all = products(3000);
    await db.products.bulkInsert(all);
    const expected = [...all].sort((a, b) => (a.nameSort === b.nameSort ? (a.id < b.id ? -1 : 1) : a.nameSort < b.nameSort ? -1 : 1));
    const pager = open();
    await until(() => pager.getSnapshot().total === 3000 && pager.row(0) !== undefined);
    expect(pager.row(0)!.id).toBe(expected[0]!.id);

    // Jump near the end: a key found by counts alone, no walk through the rows in between.
    pager.ensure(2950, 2970);
    await until(() => pager.row(2970) !== undefined);
    for (const i of [2950, 2960, 2970, 2999]) expect(pager.row(i)?.id).toBe(expected[i]!.id);
    expect(pager.rowsInMemory).toBeLessThanOrEqual(pager.maxPages * pager.pageSize);

    // Anywhere in between, and back near a page seen before (walked from its stored key).
    for (const [a, b] of [
      [1000, 1020],
      [1790, 1830],
      [2210, 2230],
      [50, 60],
      [2995, 2999],
    ] as const) {
      pager.ensure(a, b);
      await until(() => pager.row(b) !== undefined && pager.row(a) !== undefined);
      for (let i = a; i <= b; i++) expect(pager.row(i)?.id).toBe(expected[i]!.id);
    }
    expect(pager.rowsInMemory).toBeLessThanOrEqual(pager.maxPages * pager.pageSize);

    // The same inside a category and a name prefix.
    const inCategory = expected.filter((p) => p.category === 'Informática' && p.nameSort.startsWith('item 0'));
    const filtered = open(listSpec('Informática', 'Item 0', 'name'));
    await until(() => filtered.getSnapshot().total === inCategory.length);
    filtered.ensure(inCategory.length - 15, inCategory.length - 1);
    await until(() => filtered.row(inCategory.length - 1) !== undefined);
    for (let i = inCategory.length - 15; i < inCategory.length; i++) expect(filtered.row(i)?.id).toBe(inCategory[i]!.id);
  });

  it('pages a category and a SKU prefix with index-only counts', async () => {
    await db.products.bulkInsert(products(900));
    const category = open(listSpec('Informática', '', 'name'));
    await until(() => category.getSnapshot().total === 300 && category.row(0) !== undefined);
    category.ensure(250, 299);
    await until(() => category.row(299) !== undefined);
    expect(category.row(299)!.category).toBe('Informática');

    const sku = open(listSpec('', 'inf-0008', 'sku'));
    await until(() => sku.getSnapshot().total !== undefined && sku.row(0) !== undefined);
    // INF SKUs are i % 3 === 1: INF-000802 … INF-000898 → 33 of them.
    expect(sku.getSnapshot().total).toBe(33);
    expect(sku.row(0)!.sku).toBe('INF-000802');
    expect(sku.row(32)!.sku).toBe('INF-000898');
  });

  it('follows changes: an edit patches its row, an insert refreshes the window', async () => {
    const all = products(10);
    await db.products.bulkInsert(all);
    const pager = open();
    await until(() => pager.row(9) !== undefined);
    const first = pager.row(0)!;
    await db.products.findOne(first.id).patch({ availability: 'out_of_stock' });
    await until(() => pager.row(0)?.availability === 'out_of_stock');
    await db.products.insert(testProduct({ sku: 'NEW-1', name: 'Aaa primeiro', category: 'Papelaria' }));
    await until(() => pager.getSnapshot().total === 11 && pager.row(0)?.sku === 'NEW-1');
  });

  it('lists the categories with their counts from the index', async () => {
    await db.products.bulkInsert(products(30));
    expect(await readCategories(products$())).toEqual([
      { name: 'Informática', count: 10 },
      { name: 'Limpeza e higiene', count: 10 },
      { name: 'Papelaria', count: 10 },
    ]);
  });
});
