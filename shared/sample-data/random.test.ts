import { describe, expect, it } from 'vitest';
import { createRandom, streamRandom, weightedPicker } from './random';

describe('seeded random', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 10 }, a.source);
    expect(Array.from({ length: 10 }, b.source)).toEqual(seqA);
    expect(Array.from({ length: 10 }, c.source)).not.toEqual(seqA);
    expect(Array.from({ length: 3 }, createRandom('demo').source)).toEqual(Array.from({ length: 3 }, createRandom('demo').source));
  });

  it('stays in range and spreads evenly', () => {
    const random = createRandom(1);
    const counts = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      counts[random.int(10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });

  it('gives independent per-index streams', () => {
    expect(streamRandom(1, 'accounts', 5).next()).toBe(streamRandom(1, 'accounts', 5).next());
    expect(streamRandom(1, 'accounts', 5).next()).not.toBe(streamRandom(1, 'accounts', 6).next());
    expect(streamRandom(1, 'accounts', 5).next()).not.toBe(streamRandom(1, 'contacts', 5).next());
    expect(streamRandom(1, 'accounts', 5).next()).not.toBe(streamRandom(2, 'accounts', 5).next());
  });

  it('picks by weight', () => {
    const pick = weightedPicker(['a', 'b'], [9, 1]);
    const random = createRandom(9);
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (pick(random) === 'a') a++;
    expect(a).toBeGreaterThan(8_700);
    expect(a).toBeLessThan(9_300);
  });
});
