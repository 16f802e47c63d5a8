import { describe, expect, it } from 'vitest';
import { createDoc, editDoc } from '@shared/domain/documents';
import type { FieldConflict } from '@shared/domain/merge';
import type { Account } from '@shared/models';
import { createMergeConflictHandler } from './conflict-handler';
import { sampleAccountFields } from '../../../tests/sync/account-fixture';

const base = { ...createDoc<Account>(sampleAccountFields(), 'ana', 1000, 'acc1'), _deleted: false };

describe('createMergeConflictHandler', () => {
  it('sees documents that differ only in revision, local metadata or a missing _deleted as equal', () => {
    const handler = createMergeConflictHandler('accounts', () => {});
    const { _deleted, ...noDeletedFlag } = base;
    expect(handler.isEqual({ ...base, _rev: '1-a', _meta: { lwt: 1 } } as never, { ...noDeletedFlag, _rev: '2-b' } as never, 'test')).toBe(true);
    expect(handler.isEqual(base, { ...base, _deleted: true }, 'test')).toBe(false);
    expect(handler.isEqual(base, editDoc(base, { city: 'Braga' }, 'ana', 2000), 'test')).toBe(false);
  });

  it('merges instead of letting the server win, and reports the edits that lost', async () => {
    const reported: FieldConflict[][] = [];
    const handler = createMergeConflictHandler('accounts', (c) => void reported.push(c));
    const fork = editDoc(base, { name: 'Acme SA', city: 'Braga', tags: ['novo'] }, 'ana', 3000);
    const server = editDoc(base, { status: 'client', city: 'Lisboa', tags: ['vip'] }, 'bia', 2000);
    const resolved = await handler.resolve({ newDocumentState: fork, assumedMasterState: base, realMasterState: server }, 'test');
    expect(resolved).toMatchObject({ name: 'Acme SA', status: 'client', city: 'Braga', _deleted: false });
    expect(resolved.tags).toEqual(expect.arrayContaining(['novo', 'vip']));
    expect(reported).toEqual([[expect.objectContaining({ collection: 'accounts', docId: 'acc1', field: 'city', lostValue: 'Lisboa', lostBy: 'bia' })]]);
  });

  it('does not call onConflicts when nothing was lost', async () => {
    let calls = 0;
    const handler = createMergeConflictHandler('accounts', () => void calls++);
    const fork = editDoc(base, { name: 'Acme SA' }, 'ana', 3000);
    const server = editDoc(base, { city: 'Lisboa' }, 'bia', 2000);
    await handler.resolve({ newDocumentState: fork, assumedMasterState: base, realMasterState: server }, 'test');
    expect(calls).toBe(0);
  });
});
