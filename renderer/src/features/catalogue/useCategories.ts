import { useEffect, useState } from 'react';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { Product } from '@shared/models';
import { useDatabaseContext } from '../../db/DatabaseProvider';

export interface CategoryCount {
  name: string;
  count: number;
}

/**
 * The categories the products hold, with how many each: one index-served read per category
 * (skip-scan of the ['category', 'nameSort'] index: the first product after the previous category)
 * and an index-only count, instead of reading 20k products. Refreshed after changes settle.
 */
export async function readCategories(collection: RxCollection<Product>): Promise<CategoryCount[]> {
  const categories: CategoryCount[] = [];
  let after: string | null = null;
  for (;;) {
    const selector: Record<string, unknown> = after === null ? {} : { category: { $gt: after } };
    const next: { category: string } | null = await collection
      .findOne({ selector, sort: [{ category: 'asc' }, { nameSort: 'asc' }, { id: 'asc' }] } as MangoQuery<Product>)
      .exec();
    if (!next) break;
    const name: string = next.category;
    const count = await collection.count({ selector: { category: name } } as MangoQuery<Product>).exec();
    categories.push({ name, count });
    after = name;
  }
  return categories;
}

/** The categories, live; reading starts once `start` is true (after the list's first rows: IndexedDB answers in order). */
export function useCategories(start = true): CategoryCount[] | undefined {
  const { db } = useDatabaseContext();
  const [categories, setCategories] = useState<CategoryCount[] | undefined>(undefined);
  const [started, setStarted] = useState(start);
  if (start && !started) setStarted(true);
  useEffect(() => {
    if (!started) return;
    const collection = db.products as unknown as RxCollection<Product>;
    let alive = true;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const list = await readCategories(collection);
          if (alive) setCategories(list);
        } while (again && alive);
      } finally {
        running = false;
      }
    };
    void load();
    const sub = collection.$.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 500);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [db, started]);
  return categories;
}
