import { useEffect, useState } from 'react';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { productsOf, readCategories, type CategoryCount } from '../../db/collections/products';

export type { CategoryCount };

/** The categories with their counts (readCategories, the products data module), live: refreshed after changes settle; reading starts once `start` is true (after the list's first rows: IndexedDB answers in order). */
export function useCategories(start = true): CategoryCount[] | undefined {
  const { db } = useDatabaseContext();
  const [categories, setCategories] = useState<CategoryCount[] | undefined>(undefined);
  const [started, setStarted] = useState(start);
  if (start && !started) setStarted(true);
  useEffect(() => {
    if (!started) return;
    const collection = productsOf(db);
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
