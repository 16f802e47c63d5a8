import type { SearchHit } from '@shared/search/search-index';

/**
 * The index's latest answer in shared memory, so the palette can take it within the keystroke's
 * own event. Through a message, an answer the worker had ready in a millisecond waited for the
 * browser's next frame (up to 16.7 ms at 60 Hz): after a keystroke Chromium renders first and runs
 * other tasks after. Needs a cross-origin isolated page (COOP + COEP, sent with every renderer
 * file); without it the message alone carries answers, as before.
 *
 * Layout: Int32 [version, seq, byteLength, unused], then the answer as UTF-8 JSON. The version is
 * odd while the worker writes (a seqlock): a reader that sees it change reads again.
 */
export interface SharedAnswer {
  seq: number;
  query: string;
  hits: SearchHit[];
  ms: number;
}

const HEADER_BYTES = 16;
const DATA_BYTES = 1 << 18;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A buffer for answers, or null where shared memory is not allowed (not cross-origin isolated, jsdom). */
export function createAnswerBuffer(): SharedArrayBuffer | null {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated && typeof SharedArrayBuffer !== 'undefined' ? new SharedArrayBuffer(HEADER_BYTES + DATA_BYTES) : null;
}

/** The worker's side: publishes an answer (one too large for the buffer is left to the message). */
export function writeAnswer(buffer: SharedArrayBuffer, answer: SharedAnswer): void {
  const bytes = encoder.encode(JSON.stringify(answer));
  if (bytes.length > buffer.byteLength - HEADER_BYTES) return;
  const header = new Int32Array(buffer, 0, 4);
  Atomics.add(header, 0, 1);
  new Uint8Array(buffer, HEADER_BYTES, bytes.length).set(bytes);
  Atomics.store(header, 2, bytes.length);
  Atomics.store(header, 1, answer.seq);
  Atomics.add(header, 0, 1);
}

/** The answer to `seq`, if it is the one in the buffer now. */
export function readAnswer(buffer: SharedArrayBuffer, seq: number): SharedAnswer | null {
  const header = new Int32Array(buffer, 0, 4);
  const version = Atomics.load(header, 0);
  if (version & 1 || Atomics.load(header, 1) !== seq) return null;
  const length = Atomics.load(header, 2);
  const copy = new Uint8Array(length);
  copy.set(new Uint8Array(buffer, HEADER_BYTES, length));
  if (Atomics.load(header, 0) !== version) return null;
  return JSON.parse(decoder.decode(copy)) as SharedAnswer;
}

/** Waits, spinning, up to `budgetMs` for the answer to `seq` (only where a frame would wait longer). */
export function awaitAnswer(buffer: SharedArrayBuffer, seq: number, budgetMs: number): SharedAnswer | null {
  const deadline = performance.now() + budgetMs;
  do {
    const answer = readAnswer(buffer, seq);
    if (answer) return answer;
  } while (performance.now() < deadline);
  return null;
}
