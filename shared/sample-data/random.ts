import { newId } from '../domain/ids';

/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32): fast, good enough for sample
 * data, and identical in every JavaScript engine, which Math.random is not.
 */

/** A 32-bit hash of a string (FNV-1a), to turn seeds and stream labels into numbers. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator. A class with prototype methods rather than closures: sample data makes one per
 * document (over half a million at size L), and per-instance closures dominated the run time.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.#a = init();
    this.#b = init();
    this.#c = init();
    this.#d = init();
  }

  /** A float in [0, 1) (sfc32). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Fills bytes for ids (the `random` argument of shared/domain/ids.ts newId). */
  bytes(target: Uint8Array): Uint8Array {
    for (let i = 0; i < target.length; i++) target[i] = this.int(256);
    return target;
  }

  /** `next` as a plain function, for APIs that take a `() => number` source (generateCnpj…). */
  get source(): () => number {
    return () => this.next();
  }
}

export function createRandom(seed: number | string): Random {
  return new Random(typeof seed === 'string' ? hashString(seed) : (seed >>> 0) ^ Math.floor(seed / 2 ** 32));
}

/**
 * An independent stream for one document: the same (seed, label, index) always gives the same
 * numbers, whatever was generated before. This is what lets any collection compute another's ids
 * (a contact's accountId) without holding that collection in memory, and lets batches start anywhere.
 */
export function streamRandom(seedHash: number, label: string, index: number): Random {
  return createRandom((Math.imul(seedHash ^ hashString(label), 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

/** Picks by weight: `weights[i]` is the relative frequency of `items[i]`. Precomputes the cumulative table once. */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
  if (items.length !== weights.length || items.length === 0) throw new Error('items and weights must match');
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** A document id (shared/domain/ids.ts format) made at `at` from the seeded stream. */
export function randomId(at: number, random: Random): string {
  return newId(at, (bytes) => random.bytes(bytes));
}
