/**
 * A hybrid logical clock for edit times (`fieldTimes`, `updatedAt`). Times stay plain milliseconds
 * since the epoch, so they still compare as numbers, still read as dates and still merge with data
 * written before the clock existed. The clock never runs behind the highest time it has seen:
 * a device whose wall clock is slow, once it has pulled an edit stamped by a fast clock, stamps
 * its next edit after it (by at least 1 ms), so that edit wins the merge, as it came later in
 * causal order. A fast clock therefore wins only edits nobody had seen it make.
 *
 * The logical part is folded into the millisecond count (bump by 1 when the wall clock is not
 * ahead) rather than encoded as `ms * 2^k + counter`: the latter would turn every stored time into
 * a number nothing else could read as a date, and break the zod bounds shared with the server.
 */
export interface HybridClock {
  /** The time for a new edit: later than every time this clock has handed out or observed. */
  (): number;
  /** Advances the clock to at least `time` (a time seen on a pulled or edited document). */
  observe(time: number): void;
}

/**
 * How far ahead of this device's wall clock a seen time may pull the clock. Every HLC bounds the
 * drift it follows: one document stamped in 2199 (a hostile client, a laptop set to the wrong
 * year) would otherwise carry every device's edit times there for good, and each edit after it
 * would win every conflict. A day covers any clock that is merely wrong by minutes or hours.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export function createHybridClock(wall: () => number = Date.now): HybridClock {
  let last = 0;
  const clock = (() => {
    last = Math.max(wall(), last + 1);
    return last;
  }) as HybridClock;
  clock.observe = (time) => {
    if (Number.isFinite(time) && time > last && time <= wall() + MAX_CLOCK_AHEAD_MS) last = Math.floor(time);
  };
  return clock;
}

/** A clock that may know how to observe: plain `() => number` clocks (tests, wall time) do not. */
export type EditClock = (() => number) & { observe?: (time: number) => void };

/** The latest edit time a document carries (`updatedAt` and every field time); 0 for none. */
export function latestTimeOf(doc: unknown): number {
  if (typeof doc !== 'object' || doc === null) return 0;
  const { updatedAt, fieldTimes } = doc as { updatedAt?: unknown; fieldTimes?: unknown };
  let latest = typeof updatedAt === 'number' && Number.isFinite(updatedAt) ? updatedAt : 0;
  if (typeof fieldTimes === 'object' && fieldTimes !== null) {
    for (const at of Object.values(fieldTimes)) if (typeof at === 'number' && Number.isFinite(at) && at > latest) latest = at;
  }
  return latest;
}

/** Lets `clock` see a document's times before stamping an edit of it (no-op for plain clocks). */
export function observeDoc(clock: EditClock, doc: unknown): void {
  clock.observe?.(latestTimeOf(doc));
}
