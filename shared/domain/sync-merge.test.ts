import { describe, expect, it } from 'vitest';
import { createDoc, editDoc } from './documents';
import { DELETED_FIELD, mergeDocuments, type SyncDoc } from './sync-merge';
import { listFieldsOf } from './sync-merge-fields';
import type { BaseDoc, Note } from '../models';

type Acc = BaseDoc & { name: string; city: string; status: string; tags: string[]; notes: Note[]; _deleted?: boolean };

const LISTS = ['notes', 'tags'];
const note = (id: string, text: string, at = 1): Note => ({ id, at, by: 'x', text });
const base: Acc = {
  ...createDoc<Acc>({ name: 'Acme', city: 'Porto', status: 'lead', tags: ['a', 'b'], notes: [note('n1', 'first')] }, 'ana', 1000, 'acc1'),
  _deleted: false,
};

/** `null` = no assumed master (a first push). */
function merge(fork: SyncDoc, realMaster: SyncDoc, assumedMaster: SyncDoc | null = base) {
  return mergeDocuments({ fork, assumedMaster: assumedMaster ?? undefined, realMaster, listFields: LISTS, collection: 'accounts' });
}

describe('mergeDocuments', () => {
  it('keeps both edits when each side changed a different field', () => {
    const a = editDoc(base, { name: 'Acme SA' }, 'ana', 2000);
    const b = editDoc(base, { city: 'Lisboa' }, 'bia', 3000);
    const { merged, conflicts } = merge(a, b);
    expect(merged).toMatchObject({ name: 'Acme SA', city: 'Lisboa', status: 'lead', _deleted: false });
    expect(merged.fieldTimes).toMatchObject({ name: 2000, city: 3000, status: 1000 });
    expect(merged).toMatchObject({ updatedAt: 3000, updatedBy: 'bia', createdAt: 1000, id: 'acc1' });
    expect(conflicts).toEqual([]);
  });

  it('lets the later edit of the same field win and records the other', () => {
    const a = editDoc(base, { city: 'Braga' }, 'ana', 4000);
    const b = editDoc(base, { city: 'Lisboa' }, 'bia', 3000);
    for (const { merged, conflicts } of [merge(a, b), merge(b, a)]) {
      expect(merged.city).toBe('Braga');
      expect(conflicts).toEqual([
        {
          collection: 'accounts',
          docId: 'acc1',
          field: 'city',
          keptValue: 'Braga',
          lostValue: 'Lisboa',
          keptAt: 4000,
          lostAt: 3000,
          keptBy: 'ana',
          lostBy: 'bia',
        },
      ]);
    }
  });

  it('breaks a tie of edit times by author, the same way on every device', () => {
    const a = editDoc(base, { city: 'Braga' }, 'ana', 3000);
    const b = editDoc(base, { city: 'Lisboa' }, 'bia', 3000);
    expect(merge(a, b).merged.city).toBe('Lisboa');
    expect(merge(b, a).merged.city).toBe('Lisboa');
  });

  it('does not record a conflict when both sides made the same change', () => {
    const a = editDoc(base, { city: 'Lisboa' }, 'ana', 2000);
    const b = editDoc(base, { city: 'Lisboa' }, 'bia', 3000);
    expect(merge(a, b)).toMatchObject({ merged: { city: 'Lisboa' }, conflicts: [] });
  });

  it('treats setting a field back to its old value as an edit that can be the latest', () => {
    const a = editDoc(base, { city: 'Braga' }, 'ana', 2000);
    const b = editDoc(editDoc(base, { city: 'Lisboa' }, 'bia', 1500), { city: 'Porto' }, 'bia', 3000);
    expect(merge(a, b).merged.city).toBe('Porto');
    expect(merge(a, b).conflicts).toMatchObject([{ field: 'city', keptValue: 'Porto', lostValue: 'Braga' }]);
  });

  it('unions notes added on both sides and keeps an edit of the same note by its time', () => {
    const a = editDoc(base, { notes: [note('n1', 'first, edited', 5000), note('n2', 'from ana')] }, 'ana', 5000);
    const b = editDoc(base, { notes: [note('n1', 'first, by bia', 4000), note('n3', 'from bia')] }, 'bia', 6000);
    const { merged, conflicts } = merge(a, b);
    expect(merged.notes).toEqual([note('n1', 'first, edited', 5000), note('n3', 'from bia'), note('n2', 'from ana')]);
    expect(conflicts).toEqual([]);
  });

  it("unions tags as a set, the latest editor's order first", () => {
    const a = editDoc(base, { tags: ['a', 'b', 'x'] }, 'ana', 2000);
    const b = editDoc(base, { tags: ['y', 'a', 'b'] }, 'bia', 3000);
    expect(merge(a, b).merged.tags).toEqual(['y', 'a', 'b', 'x']);
    expect(merge(b, a).merged.tags).toEqual(['y', 'a', 'b', 'x']);
  });

  it('keeps an item removed on one side removed when the other side left it alone', () => {
    const a = editDoc(base, { tags: ['b'], notes: [] }, 'ana', 2000);
    const b = editDoc(base, { tags: ['a', 'b', 'z'], notes: [note('n1', 'first'), note('n9', 'new')] }, 'bia', 3000);
    const { merged } = merge(a, b);
    expect(merged.tags).toEqual(['b', 'z']);
    expect(merged.notes).toEqual([note('n9', 'new')]);
  });

  it('keeps a note that one side removed while the other edited it', () => {
    const a = editDoc(base, { notes: [] }, 'ana', 2000);
    const b = editDoc(base, { notes: [note('n1', 'important addition', 3000)] }, 'bia', 3000);
    expect(merge(a, b).merged.notes).toEqual([note('n1', 'important addition', 3000)]);
  });

  it('treats a missing assumed master as empty: equal fields agree, differing fields go to the later edit, lists unite', () => {
    const a = createDoc<Acc>({ name: 'Acme', city: 'Braga', status: 'lead', tags: ['a'], notes: [note('n1', 'x')] }, 'ana', 5000, 'acc1');
    const b = createDoc<Acc>({ name: 'Acme', city: 'Lisboa', status: 'client', tags: ['b'], notes: [note('n2', 'y')] }, 'bia', 4000, 'acc1');
    const { merged, conflicts } = merge(a, b, null);
    expect(merged).toMatchObject({ name: 'Acme', city: 'Braga', status: 'lead', tags: ['a', 'b'], createdAt: 4000, updatedAt: 5000 });
    expect(merged.notes).toHaveLength(2);
    expect(conflicts.map((c) => [c.field, c.lostValue])).toEqual([
      ['city', 'Lisboa'],
      ['status', 'client'],
    ]);
  });

  it('applies a deletion stub from another CouchDB client when the fork has no later edit', () => {
    const edited = editDoc(base, { city: 'Braga' }, 'ana', 900); // clock behind the base: older than what the deleter saw
    const stub = { id: 'acc1', _deleted: true };
    const { merged, conflicts } = merge(edited, stub);
    expect(merged._deleted).toBe(true);
    // The tombstone is still a whole document, so schema validation of the local store accepts it.
    expect(merged).toMatchObject({ name: 'Acme', city: 'Braga', tags: ['a', 'b'], fieldTimes: expect.any(Object) });
    expect(conflicts).toEqual([
      expect.objectContaining({ field: DELETED_FIELD, keptValue: true, lostValue: expect.objectContaining({ city: 'Braga' }), lostBy: 'ana' }),
    ]);
  });

  it('revives a document deleted elsewhere when the fork edited it after the deletion', () => {
    const edited = editDoc(base, { city: 'Braga' }, 'ana', 2000);
    const { merged, conflicts } = merge(edited, { id: 'acc1', _deleted: true });
    expect(merged).toMatchObject({ _deleted: false, city: 'Braga', name: 'Acme' });
    expect(conflicts).toEqual([expect.objectContaining({ field: DELETED_FIELD, keptValue: false, lostValue: true, keptAt: 2000, lostAt: 1000 })]);
  });

  it('compares a full deleted document by its own time, on either side', () => {
    const deleted = { ...editDoc(base, { status: 'lost' }, 'bia', 3000), _deleted: true };
    const edited = editDoc(base, { city: 'Braga' }, 'ana', 2000);
    for (const { merged } of [merge(edited, deleted), merge(deleted, edited)]) {
      expect(merged).toMatchObject({ _deleted: true, status: 'lost', city: 'Braga' });
    }
  });

  it('merges two stubs into a stub', () => {
    const { merged } = mergeDocuments({ fork: { id: 'x', _deleted: true }, realMaster: { id: 'x', _deleted: true } });
    expect(merged).toEqual({ id: 'x', _deleted: true });
  });

  it('gives the same document and conflicts on both devices', () => {
    const a = editDoc(base, { city: 'Braga', name: 'A', tags: ['a', 'q'], notes: [note('n1', 'edit a', 7), note('n5', 'a')] }, 'ana', 2000);
    const b = editDoc(base, { city: 'Lisboa', status: 'key', tags: ['r', 'b'], notes: [note('n6', 'b')] }, 'bia', 2000);
    const onA = merge(a, b);
    const onB = merge(b, a);
    expect(onA).toEqual(onB);
  });

  it('ignores replication bookkeeping such as _rev and _meta', () => {
    const a = { ...editDoc(base, { city: 'Braga' }, 'ana', 2000), _rev: '2-a', _meta: { lwt: 1 } };
    const b = { ...base, _rev: '1-b' };
    const { merged } = merge(a, b);
    expect(merged).not.toHaveProperty('_rev');
    expect(merged).not.toHaveProperty('_meta');
    expect(merged.city).toBe('Braga');
  });
});

describe('listFieldsOf', () => {
  it('lists the top-level arrays of strings and of objects with an id', () => {
    expect(listFieldsOf('accounts')).toEqual(['notes', 'tags']);
    expect(listFieldsOf('competitors')).toEqual(['notes', 'opportunities', 'positioning', 'strengths', 'threats', 'weaknesses']);
    expect(listFieldsOf('deals')).toEqual(['contactIds', 'lines', 'notes', 'objections']);
  });
});
