import { useEffect, useState } from 'react';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { Product } from '@shared/models';
import { listSpec, specSelector } from '@shared/domain/catalogue-query';
import { useDatabaseContext } from '../../db/DatabaseProvider';

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
    const collection = db.products as unknown as RxCollection<Product>;
    const count = (kind: 'name' | 'sku') => collection.count({ selector: specSelector(listSpec(category, text, kind)) } as MangoQuery<Product>).exec();
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
