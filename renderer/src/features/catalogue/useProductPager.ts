import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ProductListSpec } from '@shared/domain/catalogue-query';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { productsOf } from '../../db/collections/products';
import { ProductPager, type PagerSnapshot } from './product-pager';

const idle: PagerSnapshot = { total: undefined, length: 0, version: 0 };
const noSubscribe = () => () => {};

/** A paged window on the products the spec selects, live; a new spec starts a new window. */
export function useProductPager(spec: ProductListSpec): { pager: ProductPager | null } & PagerSnapshot {
  const { db } = useDatabaseContext();
  const [pager, setPager] = useState<ProductPager | null>(null);
  const key = JSON.stringify(spec);
  useEffect(() => {
    const next = new ProductPager(productsOf(db), JSON.parse(key) as ProductListSpec);
    setPager(next);
    return () => next.stop();
  }, [db, key]);
  const snapshot = useSyncExternalStore(pager?.subscribe ?? noSubscribe, pager?.getSnapshot ?? (() => idle));
  return { pager, ...snapshot };
}
