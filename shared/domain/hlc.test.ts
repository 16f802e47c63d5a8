import { describe, expect, it } from 'vitest';
import { createHybridClock, MAX_CLOCK_AHEAD_MS } from './hlc';

describe('hybrid clock bounds', () => {
  const NOW = Date.UTC(2026, 11, 1, 12);

  it('follows a colleague whose clock runs hours ahead', () => {
    const clock = createHybridClock(() => NOW);
    clock.observe(NOW + 3 * 60 * 60 * 1000);
    expect(clock()).toBe(NOW + 3 * 60 * 60 * 1000 + 1);
  });

  it('is not dragged to a far-future year by one document stamped there', () => {
    const clock = createHybridClock(() => NOW);
    clock.observe(Date.UTC(2199, 0, 1));
    const stamped = clock();
    expect(stamped).toBe(NOW);
    expect(new Date(stamped).getUTCFullYear()).toBe(2026);
  });

  it('accepts a time exactly at the bound and refuses one past it', () => {
    const at = createHybridClock(() => NOW);
    at.observe(NOW + MAX_CLOCK_AHEAD_MS);
    expect(at()).toBe(NOW + MAX_CLOCK_AHEAD_MS + 1);
    const past = createHybridClock(() => NOW);
    past.observe(NOW + MAX_CLOCK_AHEAD_MS + 1);
    expect(past()).toBe(NOW);
  });
});
