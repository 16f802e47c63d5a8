import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS_MARK } from './app-metrics';
import { parseArgs } from './args';
import { METRICS, selectMetrics } from './metrics';
import { formatTable, meetsGoal, mergeResults, roundValue, serializeResults, validateResults, type BenchResults } from './results';
import { median, p95, quantile, withoutWarmup } from './stats';
import { pullCounts, toCouchDoc } from './sync-data';

describe('stats', () => {
  it('median of odd and even sample counts, order-independent', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('p95 interpolates between closest ranks', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(p95(samples)).toBeCloseTo(95.05, 10);
    expect(p95([10, 20])).toBeCloseTo(19.5, 10);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });

  it('rejects empty samples and quantiles outside [0, 1]', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });

  it('drops warm-up samples without mutating the input', () => {
    const samples = [100, 1, 2];
    expect(withoutWarmup(samples, 1)).toEqual([1, 2]);
    expect(withoutWarmup(samples, 5)).toEqual([]);
    expect(samples).toEqual([100, 1, 2]);
  });
});

const sample: BenchResults = {
  'load.ms': { value: 91234.5, unit: 'ms', goal: 120000, better: 'lower', size: 'L' },
  'write.overhead.ratio': { value: 2.31, unit: 'ratio', goal: 2, better: 'lower', size: 'L' },
  'load.rate.docs_s': { value: 6000, unit: 'docs/s', goal: 5000, better: 'higher', size: 'L' },
};

describe('results', () => {
  it('accepts the results.json shape and round-trips through JSON', () => {
    const text = serializeResults(sample);
    expect(text.endsWith('\n')).toBe(true);
    expect(validateResults(JSON.parse(text))).toEqual([]);
  });

  it('reports every malformed entry', () => {
    expect(validateResults([])).toEqual(['results must be one object keyed by metric id']);
    const problems = validateResults({
      'Load ms': { value: 1, unit: 'ms', goal: 1, better: 'lower', size: 'S' },
      'a.b': { value: Number.NaN, unit: 's', goal: '1', better: 'less', size: 'XL' },
      'c.d': { value: 1, unit: 'ms', goal: 1, better: 'lower', size: 'S', extra: true },
    });
    expect(problems.some((p) => p.startsWith('Load ms: metric ids'))).toBe(true);
    expect(problems.filter((p) => p.startsWith('a.b:'))).toHaveLength(5);
    expect(problems.some((p) => p.startsWith('c.d: keys must be'))).toBe(true);
  });

  it('judges goals in the metric’s direction', () => {
    expect(meetsGoal({ value: 2, goal: 2, better: 'lower' })).toBe(true);
    expect(meetsGoal({ value: 2.01, goal: 2, better: 'lower' })).toBe(false);
    expect(meetsGoal({ value: 4000, goal: 5000, better: 'higher' })).toBe(false);
  });

  it('rounds per unit', () => {
    expect(roundValue(1.23456, 'ratio')).toBe(1.23);
    expect(roundValue(12.345, 'ms')).toBe(12.3);
    expect(roundValue(6000.6, 'docs/s')).toBe(6001);
  });

  it('prints one aligned row per metric with a verdict', () => {
    const lines = formatTable(sample).split('\n');
    expect(lines).toHaveLength(2 + Object.keys(sample).length);
    expect(lines[2]).toMatch(/^load\.ms\s+L\s+91234\.5 ms\s+≤ 120000 ms\s+yes$/);
    expect(lines[3]).toMatch(/write\.overhead\.ratio .* NO$/);
    expect(lines[4]).toMatch(/≥ 5000 docs\/s\s+yes$/);
  });
});

describe('metric registry and arguments', () => {
  it('has unique, valid ids with a goal for every size', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const asResults = Object.fromEntries(
      METRICS.flatMap((m) => (['S', 'M', 'L'] as const).map((size) => [`${m.id}`, { value: 0, unit: m.unit, goal: m.goal[size], better: m.better, size }])),
    );
    expect(validateResults(asResults)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['load.ms', 'write.overhead.ratio', 'accounts.list.first_rows.ms', 'account.open.p95.ms', 'heap.MB']));
  });

  it('selects metrics by id prefix and refuses unknown ones', () => {
    expect(selectMetrics(['accounts.list']).map((m) => m.id)).toEqual(['accounts.list.first_rows.ms', 'accounts.list.cold_first_rows.ms']);
    expect(selectMetrics([])).toHaveLength(METRICS.length);
    expect(() => selectMetrics(['nope'])).toThrow(/matches no metric/);
  });

  it('parses --size, --no-build and --only', () => {
    expect(parseArgs([])).toEqual({ size: 'S', build: true, only: [] });
    expect(parseArgs(['--size', 'l', '--no-build', '--only=load.ms,heap'])).toEqual({ size: 'L', build: false, only: ['load.ms', 'heap'] });
    expect(() => parseArgs(['--size', 'XL'])).toThrow(/--size/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
    expect(parseArgs(['--size', 'L', '--keep-profile', '/tmp/p'])).toEqual({ size: 'L', build: true, only: [], keepProfile: '/tmp/p' });
    expect(() => parseArgs(['--keep-profile'])).toThrow(/folder/);
  });

  it('waits for the same mark the accounts page sets', () => {
    const page = readFileSync(resolve(import.meta.dirname, '../renderer/src/features/accounts/AccountsPage.tsx'), 'utf8');
    expect(page).toContain(`FIRST_ROWS_MARK = '${FIRST_ROWS_MARK}'`);
  });
});

describe('sync bench data', () => {
  it('pulls the size’s own counts up to the cap, scaled down proportionally beyond it', () => {
    expect(pullCounts('S', Infinity)).toEqual({ accounts: 500, contacts: 1_500, activities: 3_000 });
    expect(pullCounts('L', 30_000)).toEqual({ accounts: 3_000, contacts: 9_000, activities: 18_000 });
    expect(pullCounts('S', 3, ['accounts', 'campaigns'])).toEqual({ accounts: 2, campaigns: 1 });
  });

  it('sends documents as RxDB pushes them: the id becomes _id', () => {
    expect(toCouchDoc({ id: 'a1', name: 'X' })).toEqual({ _id: 'a1', name: 'X' });
    expect(() => toCouchDoc({ name: 'no id' })).toThrow(/id/);
  });
});

describe('mergeResults', () => {
  const r = (value: number) => ({ value, unit: 'ms' as const, goal: 200, better: 'lower' as const, size: 'L' as const });
  it('keeps earlier metrics when a partial run updates others', () => {
    const merged = mergeResults(JSON.stringify({ 'load.ms': r(1), 'heap.MB': { ...r(2), unit: 'MB' } }), { 'load.ms': r(3) });
    expect(merged).toEqual({ 'load.ms': r(3), 'heap.MB': { ...r(2), unit: 'MB' } });
  });
  it('replaces an unreadable or invalid previous file', () => {
    expect(mergeResults('not json', { 'load.ms': r(3) })).toEqual({ 'load.ms': r(3) });
    expect(mergeResults('[1]', { 'load.ms': r(3) })).toEqual({ 'load.ms': r(3) });
    expect(mergeResults(null, { 'load.ms': r(3) })).toEqual({ 'load.ms': r(3) });
  });
});
