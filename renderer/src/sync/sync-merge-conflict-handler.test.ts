import { describe, expect, it } from 'vitest';
import { createDoc, editDoc } from '@shared/domain/documents';
import type { FieldConflict } from '@shared/domain/sync-merge';
import { derivedValues } from '@shared/domain/derived-fields';
import type { Account } from '@shared/models';
import { createSyncMergeConflictHandler } from './sync-merge-conflict-handler';
import { sampleAccountFields } from '../../../tests/sync/account-fixture';

const base = { ...createDoc<Account>(sampleAccountFields(), 'ana', 1000, 'acc1'), _deleted: false };

describe('createSyncMergeConflictHandler', () => {
  it('sees documents that differ only in revision, local metadata or a missing _deleted as equal', () => {
    const handler = createSyncMergeConflictHandler('accounts', () => {});
    const { _deleted, ...noDeletedFlag } = base;
    expect(handler.isEqual({ ...base, _rev: '1-a', _meta: { lwt: 1 } } as never, { ...noDeletedFlag, _rev: '2-b' } as never, 'test')).toBe(true);
    expect(handler.isEqual(base, { ...base, _deleted: true }, 'test')).toBe(false);
    expect(handler.isEqual(base, editDoc(base, { city: 'Braga' }, 'ana', 2000), 'test')).toBe(false);
  });

  it('merges instead of letting the server win, and reports the edits that lost', async () => {
    const reported: FieldConflict[][] = [];
    const handler = createSyncMergeConflictHandler('accounts', (c) => void reported.push(c));
    const fork = editDoc(base, { name: 'Acme SA', city: 'Braga', tags: ['novo'] }, 'ana', 3000);
    const server = editDoc(base, { status: 'client', city: 'Lisboa', tags: ['vip'] }, 'bia', 2000);
    const resolved = await handler.resolve({ newDocumentState: fork, assumedMasterState: base, realMasterState: server }, 'test');
    expect(resolved).toMatchObject({ name: 'Acme SA', status: 'client', city: 'Braga', _deleted: false });
    expect(resolved.tags).toEqual(expect.arrayContaining(['novo', 'vip']));
    expect(reported).toEqual([[expect.objectContaining({ collection: 'accounts', docId: 'acc1', field: 'city', lostValue: 'Lisboa', lostBy: 'bia' })]]);
  });

  it('does not call onConflicts when nothing was lost', async () => {
    let calls = 0;
    const handler = createSyncMergeConflictHandler('accounts', () => void calls++);
    const fork = editDoc(base, { name: 'Acme SA' }, 'ana', 3000);
    const server = editDoc(base, { city: 'Lisboa' }, 'bia', 2000);
    await handler.resolve({ newDocumentState: fork, assumedMasterState: base, realMasterState: server }, 'test');
    expect(calls).toBe(0);
  });

  it("stamps a merge this device will push with its own user, as the server demands; a merge equal to the server's keeps its author", async () => {
    const handler = createSyncMergeConflictHandler('accounts', () => {}, { author: () => 'carla' });
    // bia's edit of the city is the later one, but carla's name change makes the merge a new revision.
    const fork = editDoc(base, { name: 'Acme SA' }, 'carla', 2000);
    const server = editDoc(base, { city: 'Lisboa' }, 'bia', 3000);
    const merged = await handler.resolve({ newDocumentState: fork, assumedMasterState: base, realMasterState: server }, 'test');
    expect(merged).toMatchObject({ name: 'Acme SA', city: 'Lisboa', updatedBy: 'carla' });
    // The fork brings nothing new: the server's version stands as it is, nothing to push.
    const consistent = { ...base, ...derivedValues('accounts', base) };
    const current = editDoc(consistent, { city: 'Lisboa' }, 'bia', 3000);
    const same = await handler.resolve({ newDocumentState: consistent, assumedMasterState: consistent, realMasterState: current }, 'test');
    expect(same).toMatchObject({ city: 'Lisboa', updatedBy: 'bia' });
    expect(handler.isEqual(same, current, 'test')).toBe(true);
  });
});
