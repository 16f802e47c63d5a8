import { describe, expect, it } from 'vitest';
import { changedFields, restoreDraft } from './drafts';

const started = { name: 'Acme', city: 'São Paulo', phones: [{ number: '1' }], tags: '' };

describe('drafts', () => {
  it('tells the fields the user changed, comparing lists by content', () => {
    expect(changedFields(started, { ...started, phones: [{ number: '1' }] })).toEqual([]);
    expect(changedFields(started, { ...started, city: 'Campinas', phones: [{ number: '2' }] })).toEqual(['city', 'phones']);
  });

  it('applies only what the user changed over the record as stored now', () => {
    const stored = { ...started, name: 'Acme Ltda', tags: 'vip' }; // synced in after the editor opened
    const restored = restoreDraft(stored, { at: 1, started, values: { ...started, city: 'Campinas' } });
    expect(restored).toEqual({ values: { name: 'Acme Ltda', city: 'Campinas', phones: [{ number: '1' }], tags: 'vip' }, fields: ['city'] });
  });

  it('has nothing to restore when the stored record already holds what was typed', () => {
    expect(restoreDraft({ ...started, city: 'Campinas' }, { at: 1, started, values: { ...started, city: 'Campinas' } })).toBeNull();
    expect(restoreDraft(started, { at: 1, started, values: started })).toBeNull();
  });
});
