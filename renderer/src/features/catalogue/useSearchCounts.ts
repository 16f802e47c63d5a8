import { useEffect, useState } from 'react';
import { listSpec } from '@shared/domain/catalogue-query';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { countBySpec, productsOf } from '../../db/collections/products';

export interface SearchCounts {
  name: number;
  sku: number;
}

/** How many products the text finds by name (in the category) and by SKU: two index-only counts. */
export function useSearchCounts(text: string, category: string): SearchCounts | undefined {
  const { db } = useDatabaseContext();
  const [counts, setCounts] = useState<{ key: string; value: SearchCounts } | undefined>(undefined);
  const key = JSON.stringify([text.trim(), category]);
  useEffect(() => {
    if (!text.trim()) return;
    let alive = true;
    const collection = productsOf(db);
    const count = (kind: 'name' | 'sku') => countBySpec(collection, listSpec(category, text, kind));
    void Promise.all([count('name'), count('sku')]).then(([name, sku]) => {
      if (alive) setCounts({ key, value: { name, sku } });
    });
    return () => {
      alive = false;
    };
    // text and category are captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return counts?.key === key ? counts.value : undefined;
}
