/**
 * Keystroke → results rendered, as performance measures the bench reads (bench/search-metrics.ts
 * mirrors the name). A keystroke whose answer was superseded ends when a later answer renders.
 */
export const KEYSTROKE_MEASURE = 'carteira:search:keystroke';
const MAX_KEPT = 2000;

const pending: { seq: number; start: number }[] = [];

/** Called from the input handler with the input event's timestamp. */
export function keystrokeSent(seq: number, start: number): void {
  pending.push({ seq, start });
}

/** Where a keystroke's time went: the index's search, and when its answer reached the UI thread. */
export interface AnswerTiming {
  searchMs: number;
  receivedAt: number;
}

/** Called when the answer to `seq` has been committed to the DOM (detail: searchMs, ms until received, ms rendering). */
export function resultsRendered(seq: number, timing?: AnswerTiming): void {
  if (pending.length === 0) return;
  const end = performance.now();
  while (pending.length > 0 && pending[0]!.seq <= seq) {
    const { seq: s, start } = pending.shift()!;
    const detail = timing ? { seq: s, searchMs: timing.searchMs, receivedMs: timing.receivedAt - start, renderMs: end - timing.receivedAt } : { seq: s };
    performance.measure(KEYSTROKE_MEASURE, { start, end, detail });
  }
  if (performance.getEntriesByName(KEYSTROKE_MEASURE).length > MAX_KEPT) performance.clearMeasures(KEYSTROKE_MEASURE);
}

/** The palette was cleared or closed: keystrokes still waiting will never render. */
export function keystrokesDropped(): void {
  pending.length = 0;
}
