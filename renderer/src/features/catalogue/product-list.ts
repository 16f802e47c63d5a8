import type { RxCollection } from 'rxdb';
import type { Product, ProductPrice } from '@shared/models';
import { pageKeyOf, type PageKey, type ProductListSpec } from '@shared/domain/catalogue-query';
import { basePrice } from '@shared/domain/pricing';
import { LiveWindow } from '../../db/live-list';
import { productsBySpec } from '../../db/collections/products';

/** What a line of the catalogue list shows. */
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  nameSort: string;
  category: string;
  unit: Product['unit'];
  price: ProductPrice | null;
  availability: Product['availability'];
  promotion: Product['promotion'] | undefined;
}

export const toProductRow = (p: Product): ProductRow => ({
  id: p.id,
  sku: p.sku,
  name: p.name,
  nameSort: p.nameSort,
  category: p.category,
  unit: p.unit,
  price: basePrice(p),
  availability: p.availability,
  promotion: p.promotion,
});

/** A live window on the catalogue list. */
export type ProductWindow = LiveWindow<Product, ProductRow, PageKey>;

/**
 * The products one spec selects, a window at a time (pages of 200, at most 8 in memory): a page
 * seen once is read again from its key, a jump far down is sought with index counts.
 */
export function productWindow(collection: RxCollection<Product>, spec: ProductListSpec): ProductWindow {
  return new LiveWindow({
    source: productsBySpec(collection, spec),
    toRow: toProductRow,
    keyOf: (row) => pageKeyOf(spec, row),
    idOf: (row) => row.id,
    // The order is by the sort field (category first when it is chosen): other edits keep the row's place.
    unmoved: (row, doc) => row.nameSort === doc.nameSort && row.sku === doc.sku && row.category === doc.category,
  });
}
