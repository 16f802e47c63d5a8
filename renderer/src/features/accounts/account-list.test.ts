import { afterEach, describe, expect, it } from 'vitest';
import { generateSampleData } from '@shared/sample-data';
import { compareAccountRows } from '@shared/domain/account-rows';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import type { CarteiraDatabase } from '../../db/types';
import { accountRowsList } from './account-list';

const data = generateSampleData({ size: 'S', seed: 11, now: Date.UTC(2026, 10, 1), counts: { accounts: 260 } });

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('the accounts list rows', () => {
  it('holds every live account beyond the first page, in list order, and none of the deleted', async () => {
    db = await openTestDatabase('dexie');
    const accounts = [...data.docs('accounts')];
    await db.accounts.bulkInsert(accounts);
    const removed = accounts.filter((_, i) => i % 50 === 7).map((a) => a.id);
    await db.accounts.bulkRemove(removed);

    const store = accountRowsList(db.accounts);
    store.start();
    await store.completed;
    const { rows, complete, total } = store.getSnapshot();
    expect(complete).toBe(true);
    expect(total).toBe(accounts.length - removed.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(accounts.map((a) => a.id).filter((id) => !removed.includes(id))));
    expect([...rows].sort(compareAccountRows).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    store.stop();
  });
});
