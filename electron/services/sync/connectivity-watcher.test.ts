import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectivityEvent } from '../../../shared/ipc';
import { createConnectivityWatcher, type OnlineHint } from './connectivity-watcher';
import { fromEmitter, mergeOnlineEvents, pollOnlineFlag } from './online-events';
import { EventEmitter } from 'node:events';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A probe whose answer the test sets, recording when it was called (fake clock time). */
function fakeProbe(initial: boolean) {
  const calls: number[] = [];
  const probe = {
    up: initial,
    calls,
    fn: async () => {
      calls.push(Date.now());
      return probe.up;
    },
  };
  return probe;
}

function fakeOnlineEvents() {
  let listener: ((hint: OnlineHint) => void) | undefined;
  return {
    subscribe(l: (hint: OnlineHint) => void) {
      listener = l;
      return () => (listener = undefined);
    },
    fire: (hint: OnlineHint) => listener?.(hint),
    get subscribed() {
      return listener !== undefined;
    },
  };
}

function setup(initial: boolean) {
  const probe = fakeProbe(initial);
  const os = fakeOnlineEvents();
  const watcher = createConnectivityWatcher({ probe: probe.fn, onlineEvents: os, onlineIntervalMs: 60_000, initialBackoffMs: 1_000, maxBackoffMs: 8_000 });
  const events: ConnectivityEvent[] = [];
  watcher.onChange((event) => events.push(event));
  return { probe, os, watcher, events, start: Date.now() };
}

describe('createConnectivityWatcher', () => {
  it('probes at start and reports online, then re-probes every onlineIntervalMs', async () => {
    const { probe, watcher, events, start } = setup(true);
    expect(watcher.state).toBe('unknown');
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(watcher.state).toBe('online');
    expect(events).toEqual(['online']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe.calls.map((t) => t - start)).toEqual([0, 60_000, 120_000]);
    expect(events).toEqual(['online']);
    watcher.stop();
  });

  it('backs off exponentially while offline, capped, and reports online once the server answers', async () => {
    const { probe, watcher, events, start } = setup(false);
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(watcher.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000);
    // start, then after 1 s, 2 s, 4 s, 8 s and 8 s (capped).
    expect(probe.calls.map((t) => t - start)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 23_000]);
    probe.up = true;
    await vi.advanceTimersByTimeAsync(8_000);
    expect(watcher.state).toBe('online');
    expect(events).toEqual(['offline', 'online']);
    // Back online, the backoff starts over after the next loss.
    probe.up = false;
    await vi.advanceTimersByTimeAsync(60_000);
    const lost = probe.calls.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe.calls.length).toBe(lost + 1);
    expect(events).toEqual(['offline', 'online', 'offline']);
    watcher.stop();
  });

  it('probes at once on an OS online hint instead of waiting out the backoff', async () => {
    const { probe, os, watcher, events } = setup(false);
    watcher.start();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    const before = probe.calls.length;
    probe.up = true;
    os.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(probe.calls.length).toBe(before + 1);
    expect(watcher.state).toBe('online');
    expect(events).toEqual(['offline', 'online']);
    watcher.stop();
  });

  it('reports resumed when the server answers after the machine wakes up while online', async () => {
    const { os, watcher, events } = setup(true);
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    os.fire('resume');
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['online', 'resumed']);
    expect(watcher.state).toBe('online');
    watcher.stop();
  });

  it('a check the user asked for tells a server still online again, and a server still down quietly', async () => {
    const { probe, watcher, events } = setup(true);
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await watcher.check({ announce: true })).toBe('online');
    expect(events).toEqual(['online', 'resumed']);
    // A plain check (settings changed) tells only changes.
    await watcher.check();
    expect(events).toEqual(['online', 'resumed']);
    probe.up = false;
    expect(await watcher.check({ announce: true })).toBe('offline');
    expect(await watcher.check({ announce: true })).toBe('offline');
    expect(events).toEqual(['online', 'resumed', 'offline']);
    watcher.stop();
  });

  it('treats a throwing probe as offline', async () => {
    const watcher = createConnectivityWatcher({ probe: () => Promise.reject(new Error('boom')) });
    expect(await watcher.check()).toBe('offline');
  });

  it('coalesces overlapping checks into one probe', async () => {
    let resolveProbe!: (up: boolean) => void;
    let probes = 0;
    const watcher = createConnectivityWatcher({ probe: () => (probes++, new Promise<boolean>((r) => (resolveProbe = r))) });
    const first = watcher.check();
    const second = watcher.check();
    resolveProbe(true);
    expect(await Promise.all([first, second])).toEqual(['online', 'online']);
    expect(probes).toBe(1);
  });

  it('stops probing and unsubscribes from OS hints on stop', async () => {
    const { probe, os, watcher } = setup(true);
    watcher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(os.subscribed).toBe(true);
    watcher.stop();
    expect(os.subscribed).toBe(false);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(probe.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('online events glue', () => {
  it('pollOnlineFlag reports flips of net.isOnline() only', async () => {
    let online = true;
    const hints: OnlineHint[] = [];
    const unsubscribe = pollOnlineFlag({ isOnline: () => online, intervalMs: 1_000 }).subscribe((h) => hints.push(h));
    await vi.advanceTimersByTimeAsync(3_000);
    online = false;
    await vi.advanceTimersByTimeAsync(3_000);
    online = true;
    await vi.advanceTimersByTimeAsync(1_000);
    unsubscribe();
    online = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(hints).toEqual(['offline', 'online']);
  });

  it('fromEmitter turns powerMonitor resume into a hint and merge combines sources', () => {
    const powerMonitor = new EventEmitter();
    const hints: OnlineHint[] = [];
    const os = fakeOnlineEvents();
    const unsubscribe = mergeOnlineEvents(fromEmitter(powerMonitor, 'resume', 'resume'), os).subscribe((h) => hints.push(h));
    powerMonitor.emit('resume');
    os.fire('online');
    unsubscribe();
    powerMonitor.emit('resume');
    expect(hints).toEqual(['resume', 'online']);
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});
