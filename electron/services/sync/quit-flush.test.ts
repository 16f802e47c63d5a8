import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitFlush } from './quit-flush';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createQuitFlush', () => {
  it('asks every listener and resolves flushed when the renderer acknowledges', async () => {
    const flush = createQuitFlush();
    const asked: number[] = [];
    flush.onRequest((timeoutMs) => {
      asked.push(timeoutMs);
      setTimeout(() => flush.acknowledge(), 500);
    });
    const outcome = flush.request(3_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(await outcome).toBe('flushed');
    expect(asked).toEqual([3_000]);
  });

  it('gives up after the timeout', async () => {
    const flush = createQuitFlush();
    flush.onRequest(() => undefined);
    const outcome = flush.request(3_000);
    await vi.advanceTimersByTimeAsync(2_999);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('timeout');
  });

  it('does not wait when nobody listens', async () => {
    expect(await createQuitFlush().request(3_000)).toBe('none');
  });
});
