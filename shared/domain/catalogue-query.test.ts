import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSearchKind, listSpec, looksLikeSku, seekKey, selectorBetween, selectorFrom, selectorsAfter, specSelector, specSort } from './catalogue-query';

describe('catalogue queries', () => {
  it('reads SKU-like text as a SKU and offers the other kind when it finds nothing', () => {
    expect(looksLikeSku('PAP-00')).toBe(true);
    expect(looksLikeSku('85a')).toBe(true);
    expect(looksLikeSku('papel')).toBe(false);
    expect(looksLikeSku('papel a4')).toBe(false);
    expect(chooseSearchKind('pap', { name: 3, sku: 40 })).toBe('name');
    expect(chooseSearchKind('pap', { name: 0, sku: 40 })).toBe('sku');
    expect(chooseSearchKind('inf-0', { name: 0, sku: 0 })).toBe('sku');
    expect(chooseSearchKind('85a', { name: 2, sku: 0 })).toBe('name');
  });

  it('builds index-served selectors: category and name prefix, or a SKU prefix across categories', () => {
    const byName = listSpec('Papelaria', 'Café ', 'name');
    expect(byName).toEqual({ category: 'Papelaria', field: 'nameSort', prefix: 'cafe' });
    expect(specSelector(byName)).toEqual({ category: 'Papelaria', nameSort: { $gte: 'cafe', $lt: 'cafe\uffff' } });
    expect(specSort(byName)).toEqual([{ category: 'asc' }, { nameSort: 'asc' }, { id: 'asc' }]);
    const bySku = listSpec('Papelaria', ' inf-00', 'sku');
    expect(specSelector(bySku)).toEqual({ sku: { $gte: 'INF-00', $lt: 'INF-00\uffff' } });
    expect(selectorsAfter(bySku, { value: 'INF-0012', id: 'x' })).toEqual([
      { sku: 'INF-0012', id: { $gt: 'x' } },
      { sku: { $gt: 'INF-0012', $lt: 'INF-00\uffff' } },
    ]);
    const all = listSpec('', '', 'name');
    expect(specSelector(all)).toEqual({});
    expect(selectorBetween(all, 'a', 'm')).toEqual({ nameSort: { $gte: 'a', $lt: 'm' } });
    expect(selectorFrom(byName, 'cafe t')).toEqual({ category: 'Papelaria', nameSort: { $gte: 'cafe t', $lt: 'cafe\uffff' } });
  });
});

describe('seekKey', () => {
  const model = (values: string[]) => {
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let scanned = 0;
    const countBetween = async (low: string, high: string) => {
      const inRange = sorted.filter((v) => v >= low && v < high).length;
      scanned += inRange;
      return inRange;
    };
    const firstFrom = async (k: string) => sorted.find((v) => v >= k) ?? null;
    return { sorted, countBetween, firstFrom, countBelow: (k: string) => sorted.filter((v) => v < k).length, scanned: () => scanned };
  };
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', ' ', '—', 'é', '2'), maxLength: 8 });

  it('lands within the slack of any row, with an exact count of the rows below its key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        async (values, t, slack, withFirst) => {
          const { sorted, countBelow, countBetween, firstFrom } = model(values);
          const target = t % sorted.length;
          const { key, before } = await seekKey(countBetween, target, { slack, firstFrom: withFirst ? firstFrom : undefined });
          expect(before).toBe(countBelow(key));
          expect(before).toBeLessThanOrEqual(target);
          // Reading from the key, row `target` is `target - before` rows in.
          expect(sorted.slice(before).every((v) => v >= key)).toBe(true);
          // Farther than the slack only inside a run of rows equal to the key itself.
          expect(target - before <= slack || sorted.slice(before, target + 1).every((v) => v === key)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('needs few counts over shrinking ranges on a realistic catalogue', async () => {
    const names = Array.from(
      { length: 20_000 },
      (_, i) => `${['caneta', 'papel', 'toner', 'luva', 'cafe', 'mouse'][i % 6]} modelo ${String(i % 997).padStart(3, '0')} — marca ${i % 37}`,
    );
    const { countBetween, scanned, firstFrom } = model(names);
    const { before, probes } = await seekKey(countBetween, 15_000, { slack: 400, firstFrom });
    expect(15_000 - before).toBeLessThanOrEqual(400);
    expect(probes).toBeLessThan(120);
    // Counting walks the keys in range: a few passes over the index keys in all (counting from the
    // start at every probe would be ~probes × 15 000), and no document is read but one per level.
    expect(scanned()).toBeLessThan(5 * names.length);
  });
});
