import type { MangoQuery, MangoQuerySelector, RxCollection } from 'rxdb';
import type { Product } from '@shared/models';
import {
  namePrefix,
  seekKey,
  selectorBetween,
  selectorFrom,
  selectorsAfter,
  skuPrefix,
  specSelector,
  specSort,
  type PageKey,
  type ProductListSpec,
} from '@shared/domain/catalogue-query';
import type { CarteiraDatabase } from '../types';
import { keysetPage, type SeekableSource } from '../live-list';
import { collectionOf, indexSort } from './access';

/** The products collection (the catalogue). */
export const productsOf = (db: CarteiraDatabase): RxCollection<Product> => collectionOf(db, 'products');

/** Index ['category', 'nameSort'] (the primary key ends it): the categories, skipped along one at a time. */
const BY_CATEGORY = indexSort('products', 'category', 'nameSort', 'id');
/** Index 'nameSort' and index 'sku': a prefix is a range of either. */
const BY_NAME = indexSort('products', 'nameSort');
const BY_SKU = indexSort('products', 'sku');

/** The highest code unit: `prefix + END` closes the range of keys that start with `prefix`. */
const END = '\uffff';

export const productQueries = {
  /** Products whose name starts with `text` (accents and case folded as the name is sorted), by name, at most `limit` (index 'nameSort'). */
  nameStartsWith: (text: string, limit: number): MangoQuery<Product> | null => {
    const prefix = namePrefix(text);
    return prefix ? { selector: { nameSort: { $gte: prefix, $lt: prefix + END } }, sort: BY_NAME, limit } : null;
  },
  /** Products whose SKU starts with `text` (upper-cased), by SKU, at most `limit` (index 'sku'). */
  skuStartsWith: (text: string, limit: number): MangoQuery<Product> | null => {
    const prefix = skuPrefix(text);
    return prefix ? { selector: { sku: { $gte: prefix, $lt: prefix + END } }, sort: BY_SKU, limit } : null;
  },
  /** The products of the given ids (the primary key). */
  byIds: (ids: readonly string[]): MangoQuery<Product> => ({ selector: { id: { $in: [...ids] } } }),
};

/*
 * The catalogue list's reads follow a ProductListSpec (shared/domain/catalogue-query.ts): its sort
 * matches one of the indexes 'sku', 'nameSort' or ['category', 'nameSort'] exactly, so counts stay
 * index-only (RxDB refuses slow counts) and pages never use `skip`.
 */
const specQuery = (spec: ProductListSpec, selector: Record<string, unknown>, limit?: number) =>
  ({ selector, sort: specSort(spec), ...(limit === undefined ? {} : { limit }) }) as MangoQuery<Product>;

/** How many products the spec selects (index-only). */
export const countBySpec = (collection: RxCollection<Product>, spec: ProductListSpec): Promise<number> =>
  collection.count({ selector: specSelector(spec) } as MangoQuery<Product>).exec();

/** How many products the spec selects between index keys `low` and `high` (index-only). */
export const countBetweenKeys = (collection: RxCollection<Product>, spec: ProductListSpec, low: string, high: string): Promise<number> =>
  collection.count({ selector: selectorBetween(spec, low, high) } as MangoQuery<Product>).exec();

/** The spec's sort value of the first product from index key `key` on, or null past the end. */
export async function firstKeyFrom(collection: RxCollection<Product>, spec: ProductListSpec, key: string): Promise<string | null> {
  const doc = await collection.findOne(specQuery(spec, selectorFrom(spec, key))).exec();
  return doc ? (doc.get(spec.field) as string) : null;
}

/** The products matching `selector` (one of the spec's key ranges) in the spec's order, at most `limit`. */
export async function productsAlong(
  collection: RxCollection<Product>,
  spec: ProductListSpec,
  selector: Record<string, unknown>,
  limit: number,
): Promise<Product[]> {
  const docs = await collection.find(specQuery(spec, selector, limit)).exec();
  return docs.map((d) => d.toJSON() as Product);
}

/**
 * The products the spec selects in its order, for a paged live window: keyset pages after a page's
 * key (ties of the sort value, then greater values), and a jump to row N by index-only counts
 * (seekKey), so no read ever uses `skip`.
 */
export const productsBySpec = (collection: RxCollection<Product>, spec: ProductListSpec): SeekableSource<Product, PageKey> => ({
  changes: collection.$,
  first: (limit) => productsAlong(collection, spec, specSelector(spec), limit),
  after: (key, limit) => {
    const [ties, rest] = selectorsAfter(spec, key);
    return keysetPage(
      (n) => productsAlong(collection, spec, ties, n),
      (n) => productsAlong(collection, spec, rest, n),
      limit,
    );
  },
  count: () => countBySpec(collection, spec),
  seek: async (target, slack) => {
    const countBetween = (low: string, high: string) => countBetweenKeys(collection, spec, low, high);
    const firstFrom = (key: string) => firstKeyFrom(collection, spec, key);
    const { key, before } = await seekKey(countBetween, target, { start: spec.prefix, slack, firstFrom });
    return { before, read: (limit) => productsAlong(collection, spec, selectorFrom(spec, key), limit) };
  },
});

export interface CategoryCount {
  name: string;
  count: number;
}

/**
 * The categories the products hold, with how many each: one index-served read per category
 * (skip-scan of the ['category', 'nameSort'] index: the first product after the previous category)
 * and an index-only count, instead of reading 20k products.
 */
export async function readCategories(collection: RxCollection<Product>): Promise<CategoryCount[]> {
  const categories: CategoryCount[] = [];
  let after: string | null = null;
  for (;;) {
    const selector: MangoQuerySelector<Product> = after === null ? {} : { category: { $gt: after } };
    const next: { category: string } | null = await collection.findOne({ selector, sort: BY_CATEGORY }).exec();
    if (!next) break;
    const name: string = next.category;
    const count = await collection.count({ selector: { category: name } }).exec();
    categories.push({ name, count });
    after = name;
  }
  return categories;
}

/** The products of these ids that exist, by id, as plain JSON (a deal's lines, a proposal). */
export async function productsByIds(collection: RxCollection<Product>, ids: readonly string[]): Promise<Map<string, Product>> {
  const found = await collection.findByIds([...new Set(ids)]).exec();
  return new Map([...found.values()].map((d) => [d.id, d.toJSON() as Product]));
}
