import { SAMPLE_SIZE_NAMES, type SampleSize } from '../shared/sample-data/sizes';

/** One measured number as bench/results.json stores it. */
export interface MetricResult {
  value: number;
  unit: MetricUnit;
  goal: number;
  better: 'lower' | 'higher';
  size: SampleSize;
}

export const METRIC_UNITS = ['ms', 'ratio', 'docs/s', 'MB'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** results.json: one object, metric id → result. */
export type BenchResults = Record<string, MetricResult>;

export function meetsGoal(r: Pick<MetricResult, 'value' | 'goal' | 'better'>): boolean {
  return r.better === 'lower' ? r.value <= r.goal : r.value >= r.goal;
}

/** Checks the shape of a parsed results.json; returns the problems (empty when valid). */
export function validateResults(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['results must be one object keyed by metric id'];
  const problems: string[] = [];
  for (const [id, r] of Object.entries(data as Record<string, unknown>)) {
    if (!/^[a-z0-9_]+(\.[A-Za-z0-9_]+)+$/.test(id)) problems.push(`${id}: metric ids are dotted words (e.g. load.ms, heap.MB)`);
    if (typeof r !== 'object' || r === null) {
      problems.push(`${id}: not an object`);
      continue;
    }
    const m = r as Record<string, unknown>;
    const keys = Object.keys(m).sort().join(',');
    if (keys !== 'better,goal,size,unit,value') problems.push(`${id}: keys must be value, unit, goal, better, size (got ${keys})`);
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) problems.push(`${id}: value must be a finite number`);
    if (typeof m.goal !== 'number' || !Number.isFinite(m.goal)) problems.push(`${id}: goal must be a finite number`);
    if (!METRIC_UNITS.includes(m.unit as MetricUnit)) problems.push(`${id}: unknown unit ${String(m.unit)}`);
    if (m.better !== 'lower' && m.better !== 'higher') problems.push(`${id}: better must be "lower" or "higher"`);
    if (!SAMPLE_SIZE_NAMES.includes(m.size as SampleSize)) problems.push(`${id}: unknown size ${String(m.size)}`);
  }
  return problems;
}

/** Values are rounded for people and for diffs: 0.1 ms / 0.01 ratio are below run-to-run noise. */
export function roundValue(value: number, unit: MetricUnit): number {
  const digits = unit === 'ratio' ? 2 : unit === 'docs/s' ? 0 : 1;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * A partial run (`--only`) updates its metrics and keeps the others the file already holds, so
 * metrics can be re-measured one at a time; an unreadable or invalid previous file is replaced.
 */
export function mergeResults(previousText: string | null, results: BenchResults): BenchResults {
  if (!previousText) return results;
  try {
    const previous: unknown = JSON.parse(previousText);
    return validateResults(previous).length === 0 ? { ...(previous as BenchResults), ...results } : results;
  } catch {
    return results;
  }
}

/** results.json text: stable key order (as measured), two-space indent, trailing newline. */
export function serializeResults(results: BenchResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** The table printed at the end of a run. Plain text so it reads the same in a terminal and a CI log. */
export function formatTable(results: BenchResults): string {
  const header = ['metric', 'size', 'value', 'goal', 'ok'];
  const rows = Object.entries(results).map(([id, r]) => [
    id,
    r.size,
    `${r.value} ${r.unit}`,
    `${r.better === 'lower' ? '≤' : '≥'} ${r.goal} ${r.unit}`,
    meetsGoal(r) ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
