import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSearchKind, listSpec, looksLikeSku, seekKey, selectorBelow, selectorFrom, selectorsAfter, specSelector, specSort } from './catalogue-query';

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
    expect(selectorBelow(all, 'm')).toEqual({ nameSort: { $lt: 'm' } });
    expect(selectorFrom(byName, 'cafe t')).toEqual({ category: 'Papelaria', nameSort: { $gte: 'cafe t', $lt: 'cafe\uffff' } });
  });
});

describe('seekKey', () => {
  const model = (values: string[]) => {
    const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { sorted, countBelow: async (k: string) => sorted.filter((v) => v < k).length };
  };
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', ' ', '—', 'é', '2'), maxLength: 8 });

  it('lands within the slack of any row, with an exact count of the rows below its key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 0, max: 20 }), async (values, t, slack) => {
        const { sorted, countBelow } = model(values);
        const target = t % sorted.length;
        const { key, before } = await seekKey(countBelow, target, { slack });
        expect(before).toBe(await countBelow(key));
        expect(before).toBeLessThanOrEqual(target);
        // Reading from the key, row `target` is `target - before` rows in.
        expect(sorted.slice(before).every((v) => v >= key)).toBe(true);
        // Farther than the slack only inside a run of rows equal to the key itself.
        expect(target - before <= slack || sorted.slice(before, target + 1).every((v) => v === key)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('needs few counts on a realistic catalogue', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `${['caneta', 'papel', 'toner', 'luva', 'cafe', 'mouse'][i % 6]} modelo ${String(i % 997).padStart(3, '0')} — marca ${i % 37}`);
    const { countBelow } = model(names);
    const { before, probes } = await seekKey(countBelow, 15_000, { slack: 400 });
    expect(15_000 - before).toBeLessThanOrEqual(400);
    expect(probes).toBeLessThan(120);
  });
});
