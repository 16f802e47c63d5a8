import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_READY_MEASURE, KEYSTROKE_MEASURE, misspell, searchQueries } from './search-metrics';

describe('search bench', () => {
  it('waits for the measures the app records', () => {
    const read = (p: string) => readFileSync(resolve(import.meta.dirname, p), 'utf8');
    expect(read('../renderer/src/search/latency.ts')).toContain(`KEYSTROKE_MEASURE = '${KEYSTROKE_MEASURE}'`);
    expect(read('../renderer/src/search/search-engine.ts')).toContain(`INDEX_READY_MEASURE = '${INDEX_READY_MEASURE}'`);
  });
  it('types the same varied queries every run', () => {
    const ctx = { size: 'S' as const, seed: 42, now: Date.UTC(2026, 10, 1) };
    const queries = searchQueries(ctx);
    expect(queries).toEqual(searchQueries(ctx));
    expect(queries.length).toBeGreaterThanOrEqual(15);
    expect(queries.some((q) => /\d{2}\.\d{3}/.test(q))).toBe(true);
    expect(misspell('Magazine Yamamoto S.A.')).toBe('magaine yamamoto');
  });
});
