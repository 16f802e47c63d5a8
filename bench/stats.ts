/** Summary statistics for timing samples. Pure, so results.test.ts can pin them down. */

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks (same as numpy's default). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

/** Drops the first `warmup` samples: JIT, first IndexedDB open and cold caches are not what we measure. */
export function withoutWarmup<T>(samples: readonly T[], warmup: number): T[] {
  return samples.slice(Math.min(warmup, samples.length));
}
