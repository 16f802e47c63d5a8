import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDoc, editDoc } from './documents';
import { mergeDocuments, type SyncDoc } from './sync-merge';
import type { BaseDoc, Note } from '../models';

/**
 * Two devices edit the same document concurrently from a shared base; a single clock increases
 * across both, as wall clocks roughly do. The merge must keep every latest edit, account for every
 * other one, and not depend on which device resolves the conflict.
 */

type Doc = BaseDoc & { s1: number; s2: number; s3: number; tags: string[]; notes: Note[] };
const SCALARS = ['s1', 's2', 's3'] as const;
type Scalar = (typeof SCALARS)[number];
const LISTS = ['notes', 'tags'];
const AUTHOR = { A: 'ana', B: 'bia' } as const;
type SideName = keyof typeof AUTHOR;

type Op =
  | { kind: 'set'; field: Scalar; value: number }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'addNote'; text: string }
  | { kind: 'removeNote'; index: number }
  | { kind: 'editNote'; index: number; text: string; restamp: boolean };

const tag = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...SCALARS), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('addTag' as const), tag }),
  fc.record({ kind: fc.constant('removeTag' as const), tag }),
  fc.record({ kind: fc.constant('addNote' as const), text: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('removeNote' as const), index: fc.nat(4) }),
  fc.record({ kind: fc.constant('editNote' as const), index: fc.nat(4), text: fc.string({ maxLength: 3 }), restamp: fc.boolean() }),
);
const edits = fc.array(fc.record({ side: fc.constantFrom<SideName>('A', 'B'), op }), { maxLength: 25 });
const baseDoc = fc
  .record({
    s1: fc.integer({ min: 0, max: 3 }),
    s2: fc.integer({ min: 0, max: 3 }),
    s3: fc.integer({ min: 0, max: 3 }),
    tags: fc.uniqueArray(tag, { maxLength: 4 }),
    noteCount: fc.nat(3),
  })
  .map(({ noteCount, ...fields }) => {
    const notes = Array.from({ length: noteCount }, (_, i) => ({ id: `base${i}`, at: 1000, by: 'x', text: `note ${i}` }));
    return createDoc<Doc>({ ...fields, notes }, 'ana', 1000, 'doc1');
  });

interface ScalarEdit {
  side: SideName;
  field: Scalar;
  value: number;
  at: number;
}

/** Replays the edits on two copies of the base; the clock ticks once per edit, across both sides. */
function play(base: Doc, steps: { side: SideName; op: Op }[]) {
  const docs: Record<SideName, Doc> = { A: base, B: base };
  const scalarEdits: ScalarEdit[] = [];
  steps.forEach(({ side, op }, i) => {
    const now = 2000 + i;
    const doc = docs[side];
    const next = editDoc(doc, patchFor(doc, op, side, i, now), AUTHOR[side], now);
    if (op.kind === 'set' && next.fieldTimes[op.field] === now) scalarEdits.push({ side, field: op.field, value: op.value, at: now });
    docs[side] = next;
  });
  return { ...docs, scalarEdits };
}

function patchFor(doc: Doc, op: Op, side: SideName, i: number, now: number): Partial<Doc> {
  switch (op.kind) {
    case 'set':
      return { [op.field]: op.value };
    case 'addTag':
      return doc.tags.includes(op.tag) ? {} : { tags: [...doc.tags, op.tag] };
    case 'removeTag':
      return { tags: doc.tags.filter((t) => t !== op.tag) };
    case 'addNote':
      return { notes: [...doc.notes, { id: `${side}${i}`, at: now, by: AUTHOR[side], text: op.text }] };
    case 'removeNote':
      return { notes: doc.notes.filter((_, k) => k !== op.index) };
    case 'editNote':
      return { notes: doc.notes.map((n, k) => (k === op.index ? { ...n, text: `${n.text}+${op.text}`, at: op.restamp ? now : n.at } : n)) };
  }
}

const merge = (fork: SyncDoc, realMaster: SyncDoc, assumedMaster: SyncDoc) => mergeDocuments({ fork, assumedMaster, realMaster, listFields: LISTS });

describe('mergeDocuments, property-based', () => {
  it('keeps the latest edit of every field and records every other concurrent edit it overrides', () => {
    fc.assert(
      fc.property(baseDoc, edits, (base, steps) => {
        const { A, B, scalarEdits } = play(base, steps);
        const { merged, conflicts } = merge(A, B, base);
        for (const field of SCALARS) {
          const ofField = scalarEdits.filter((e) => e.field === field);
          const latest = ofField[ofField.length - 1];
          expect(merged[field]).toBe(latest ? latest.value : base[field]);
          for (const side of ['A', 'B'] as const) {
            if (!ofField.some((e) => e.side === side)) continue;
            const value = (side === 'A' ? A : B)[field];
            const accounted = merged[field] === value || conflicts.some((c) => c.field === field && c.lostValue === value);
            expect(accounted, `${field} of ${side}`).toBe(true);
          }
          expect((merged.fieldTimes as Record<string, number>)[field]).toBe(Math.max(A.fieldTimes[field] ?? 0, B.fieldTimes[field] ?? 0));
        }
        // Lists merge as unions: never a conflict record.
        expect(conflicts.filter((c) => LISTS.includes(c.field))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps list items added on either side and drops base items removed on one side and untouched on the other', () => {
    fc.assert(
      fc.property(baseDoc, edits, (base, steps) => {
        const { A, B } = play(base, steps);
        const merged = merge(A, B, base).merged as unknown as Doc;
        for (const side of [A, B]) {
          for (const t of side.tags) if (!base.tags.includes(t)) expect(merged.tags).toContain(t);
          for (const n of side.notes) if (!base.notes.some((b) => b.id === n.id)) expect(merged.notes).toContainEqual(n);
        }
        for (const t of base.tags) expect(merged.tags.includes(t)).toBe(A.tags.includes(t) && B.tags.includes(t));
        for (const old of base.notes) {
          const inA = A.notes.find((n) => n.id === old.id);
          const inB = B.notes.find((n) => n.id === old.id);
          const editedSomewhere = [inA, inB].some((n) => n && n.text !== old.text);
          const expected = (inA && inB) || editedSomewhere;
          expect(
            merged.notes.some((n) => n.id === old.id),
            old.id,
          ).toBe(Boolean(expected));
        }
        expect(new Set(merged.tags).size).toBe(merged.tags.length);
        expect(new Set(merged.notes.map((n) => n.id)).size).toBe(merged.notes.length);
      }),
      { numRuns: 400 },
    );
  });

  it('decides the same on both devices, whichever side is the fork', () => {
    fc.assert(
      fc.property(baseDoc, edits, (base, steps) => {
        const { A, B } = play(base, steps);
        expect(merge(A, B, base)).toEqual(merge(B, A, base));
      }),
      { numRuns: 400 },
    );
  });

  it('decides the same on both devices even with equal clocks, deletions and deletion stubs', () => {
    const side = fc.record({
      s1: fc.integer({ min: 0, max: 2 }),
      t1: fc.integer({ min: 1000, max: 1002 }),
      tags: fc.uniqueArray(tag, { maxLength: 3 }),
      tt: fc.integer({ min: 1000, max: 1002 }),
      by: fc.constantFrom('ana', 'bia'),
      shape: fc.constantFrom('alive', 'deleted', 'stub'),
    });
    const toDoc = (s: { s1: number; t1: number; tags: string[]; tt: number; by: string; shape: string }): SyncDoc =>
      s.shape === 'stub'
        ? { id: 'doc1', _deleted: true }
        : {
            id: 'doc1',
            createdAt: 1000,
            updatedAt: Math.max(s.t1, s.tt),
            updatedBy: s.by,
            fieldTimes: { s1: s.t1, tags: s.tt },
            s1: s.s1,
            tags: s.tags,
            _deleted: s.shape === 'deleted',
          };
    fc.assert(
      fc.property(side, side, fc.option(side, { nil: undefined }), (x, y, b) => {
        const [a, r] = [toDoc(x), toDoc(y)];
        const base = b && b.shape !== 'stub' ? toDoc({ ...b, shape: 'alive' }) : undefined;
        expect(mergeDocuments({ fork: a, realMaster: r, assumedMaster: base, listFields: LISTS })).toEqual(
          mergeDocuments({ fork: r, realMaster: a, assumedMaster: base, listFields: LISTS }),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
