import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '../models';
import { completeDeletionStub, tombstoneFor } from './tombstone';

describe('deletion stubs from other CouchDB clients', () => {
  it('complete into documents every collection schema accepts', () => {
    for (const name of COLLECTION_NAMES) {
      const doc = completeDeletionStub(name, { id: 'gone-1', _deleted: true, _rev: '2-abc' });
      const { _deleted, _rev, ...fields } = doc;
      expect(() => COLLECTIONS[name].schema.parse(fields), name).not.toThrow();
      expect(doc.id).toBe('gone-1');
      expect(_deleted).toBe(true);
    }
  });

  it('leave live documents and complete deletions untouched', () => {
    const live = { id: 'a', name: 'Kept', _deleted: false };
    expect(completeDeletionStub('accounts', live)).toBe(live);
    const full = { ...tombstoneFor('accounts'), id: 'b', name: 'Full', _deleted: true };
    expect(completeDeletionStub('accounts', full)).toBe(full);
  });
});
