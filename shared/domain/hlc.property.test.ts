import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BaseDoc } from '../models';
import { createDoc, editDoc } from './documents';
import { createHybridClock, latestTimeOf, observeDoc, type EditClock } from './hlc';
import { mergeDocuments } from './sync-merge';

/**
 * Two laptops edit the same document; laptop F's wall clock runs 10 minutes ahead of laptop S's.
 * Each edit goes through the laptop's clock exactly as the app's repository stamps it (the clock
 * sees the edited version first), and a sync merges the other laptop's copy in and lets the clock
 * see it (as the app's clock sees every pulled document).
 *
 * The causal order: an edit comes after every edit its laptop had seen when it was made. After a
 * final sync both ways, each field must hold an edit that no other edit of that field came after:
 * the later edit in causal order wins, whatever the wall clocks say. The same run with the wall
 * clocks as edit times (what Carteira did before) fails: the fast laptop wins edits the slow one
 * made after seeing them.
 */

type Doc = BaseDoc & { f1: string; f2: string };
const FIELDS = ['f1', 'f2'] as const;
type Field = (typeof FIELDS)[number];
const SKEW = 10 * 60_000;
type Laptop = 'F' | 'S';

type Step = { kind: 'edit'; laptop: Laptop; field: Field } | { kind: 'sync'; from: Laptop; to: Laptop } | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), laptop: fc.constantFrom<Laptop>('F', 'S'), field: fc.constantFrom(...FIELDS) }) },
  { weight: 3, arbitrary: fc.constantFrom<Laptop>('F', 'S').map((to): Step => ({ kind: 'sync', from: to === 'F' ? 'S' : 'F', to })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 * SKEW }) }) },
);

interface Edit {
  value: string;
  field: Field;
  /** Edits this one came after (seen by its laptop when it was made). */
  after: Set<string>;
}

function run(steps: Step[], hybrid: boolean) {
  let real = 1_800_000_000_000;
  const wall: Record<Laptop, () => number> = { F: () => real + SKEW, S: () => real };
  const clocks: Record<Laptop, EditClock> = hybrid ? { F: createHybridClock(wall.F), S: createHybridClock(wall.S) } : { F: wall.F, S: wall.S };
  const base = createDoc<Doc>({ f1: 'base', f2: 'base' }, 'seed', real - 1, 'doc1');
  const docs: Record<Laptop, Doc> = { F: base, S: base };
  const seen: Record<Laptop, Set<string>> = { F: new Set(), S: new Set() };
  const edits = new Map<string, Edit>();
  let n = 0;

  const sync = (from: Laptop, to: Laptop) => {
    const { merged } = mergeDocuments({ fork: docs[to], realMaster: docs[from] });
    docs[to] = merged;
    observeDoc(clocks[to], docs[from]);
    for (const id of seen[from]) seen[to].add(id);
  };

  for (const s of steps) {
    if (s.kind === 'wait') real += s.ms;
    else if (s.kind === 'sync') sync(s.from, s.to);
    else {
      const value = `${s.laptop}${++n}`;
      observeDoc(clocks[s.laptop], docs[s.laptop]);
      docs[s.laptop] = editDoc(docs[s.laptop], { [s.field]: value } as Partial<Doc>, s.laptop, clocks[s.laptop]());
      edits.set(value, { value, field: s.field, after: new Set(seen[s.laptop]) });
      seen[s.laptop].add(value);
      real += 1;
    }
  }
  sync('F', 'S');
  sync('S', 'F');
  return { docs, edits };
}

/** Edits of `field` that no other edit of it came after: the only ones allowed to win. */
function causallyLast(edits: Map<string, Edit>, field: Field): Set<string> {
  const ofField = [...edits.values()].filter((e) => e.field === field);
  return new Set(ofField.filter((e) => !ofField.some((other) => other.after.has(e.value))).map((e) => e.value));
}

describe('edit times from a hybrid logical clock, laptops 10 minutes apart', () => {
  it('the later edit in causal order wins every field, and both laptops end the same', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { docs, edits } = run(steps, true);
        expect(docs.F).toEqual(docs.S);
        for (const field of FIELDS) {
          const winners = causallyLast(edits, field);
          if (winners.size > 0) expect(winners).toContain(docs.F[field]);
        }
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it("a fast clock cannot win forever: once the slow laptop has seen its edit, the slow laptop's next edit wins", () => {
    const steps: Step[] = [
      { kind: 'edit', laptop: 'F', field: 'f1' },
      { kind: 'sync', from: 'F', to: 'S' },
      { kind: 'wait', ms: 1000 },
      { kind: 'edit', laptop: 'S', field: 'f1' },
    ];
    expect(run(steps, true).docs.F.f1).toBe('S2');
    // With wall-clock times the fast laptop's older edit won, 10 minutes "later" than the newer one.
    expect(run(steps, false).docs.F.f1).toBe('F1');
  });

  it('wall-clock edit times break the causal order (the property above fails without the clock)', () => {
    const broken = fc.check(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { docs, edits } = run(steps, false);
        return FIELDS.every((field) => {
          const winners = causallyLast(edits, field);
          return winners.size === 0 || winners.has(docs.F[field]);
        });
      }),
      { numRuns: 500, seed: 20261201 },
    );
    expect(broken.failed).toBe(true);
  });
});

describe('the hybrid clock', () => {
  it('never runs behind what it saw, and never hands out the same time twice', () => {
    let wall = 1000;
    const clock = createHybridClock(() => wall);
    expect(clock()).toBe(1000);
    expect(clock()).toBe(1001);
    clock.observe(5000);
    expect(clock()).toBe(5001);
    wall = 9000;
    expect(clock()).toBe(9000);
    clock.observe(Number.NaN);
    clock.observe(10);
    expect(clock()).toBe(9001);
  });

  it("reads a document's latest time from updatedAt and every field time", () => {
    expect(latestTimeOf({ updatedAt: 5, fieldTimes: { a: 9, b: 3 } })).toBe(9);
    expect(latestTimeOf({ _id: 'x', _deleted: true })).toBe(0);
    expect(latestTimeOf(null)).toBe(0);
  });
});
