import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ProductListSpec } from '@shared/domain/catalogue-query';
import type { LiveWindowSnapshot } from '../../db/live-list';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { productsOf } from '../../db/collections/products';
import { productWindow, type ProductWindow } from './product-list';

const idle: LiveWindowSnapshot = { total: undefined, length: 0, version: 0 };
const noSubscribe = () => () => {};

/** A paged window on the products the spec selects, live; a new spec starts a new window. */
export function useProductPager(spec: ProductListSpec): { pager: ProductWindow | null } & LiveWindowSnapshot {
  const { db } = useDatabaseContext();
  const [pager, setPager] = useState<ProductWindow | null>(null);
  const key = JSON.stringify(spec);
  useEffect(() => {
    const next = productWindow(productsOf(db), JSON.parse(key) as ProductListSpec);
    next.start();
    setPager(next);
    return () => next.stop();
  }, [db, key]);
  const snapshot = useSyncExternalStore(pager?.subscribe ?? noSubscribe, pager?.getSnapshot ?? (() => idle));
  return { pager, ...snapshot };
}
