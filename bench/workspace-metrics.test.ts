import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT360_MARK, MYDAY_MARK, WORKSPACE_METRICS, distinctIndexes } from './workspace-metrics';

describe('workspace metrics', () => {
  it('waits for the mark the 360° page really sets', () => {
    const page = readFileSync(resolve(import.meta.dirname, '../renderer/src/features/accounts/Account360Page.tsx'), 'utf8');
    expect(page).toContain(`ACCOUNT360_MARK = '${ACCOUNT360_MARK}'`);
    expect(WORKSPACE_METRICS.map((m) => m.id)).toEqual(['account360.open.p95.ms', 'myday.open.median.ms']);
  });

  it('waits for the mark My day really sets', () => {
    const page = readFileSync(resolve(import.meta.dirname, '../renderer/src/features/activities/MyDayPage.tsx'), 'utf8');
    expect(page).toContain(`MYDAY_MARK = '${MYDAY_MARK}'`);
  });

  it('picks distinct accounts, the same for a seed', () => {
    const a = distinctIndexes(50, 500, 53);
    expect(new Set(a).size).toBe(50);
    expect(a.every((i) => i >= 0 && i < 500)).toBe(true);
    expect(distinctIndexes(50, 500, 53)).toEqual(a);
    expect(distinctIndexes(10, 4, 1)).toHaveLength(4);
  });
});
