import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { createRepository } from '../../db/repository';
import type { CarteiraDatabase } from '../../db/types';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
});
afterEach(async () => {
  await db.close();
});

const account = (i: number) =>
  createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: `Conta ${i}`, tags: i % 2 ? 'vip' : '' }), 'seed', 1000);

describe('bulk patch of accounts (Repository.updateMany)', () => {
  it('tags 2,000 accounts in one batch, stamping only the changed field and skipping the ones already tagged or gone', async () => {
    const docs = Array.from({ length: 2000 }, (_, i) => account(i));
    await db.accounts.bulkInsert(docs);
    const repo = createRepository(
      db,
      'accounts',
      () => 'ana',
      () => 2000,
    );
    const ids = [...docs.map((d) => d.id), 'no-such-account'];
    const changed = await repo.updateMany(ids, (a) => (a.tags.includes('vip') ? {} : { tags: [...a.tags, 'vip'] }));
    expect(changed).toBe(1000);
    const all = await db.accounts.find().exec();
    expect(all.every((a) => a.tags.includes('vip'))).toBe(true);
    const evenOne = (await db.accounts.findOne(docs[0]!.id).exec())!;
    expect(evenOne.fieldTimes.tags).toBe(2000);
    expect(evenOne.fieldTimes.name).toBe(1000);
    expect(evenOne.updatedBy).toBe('ana');
    const oddOne = (await db.accounts.findOne(docs[1]!.id).exec())!;
    expect(oddOne.updatedAt).toBe(1000);
  });

  it('rejects a patch the schema refuses and writes nothing of it', async () => {
    const docs = [account(0), account(2)];
    await db.accounts.bulkInsert(docs);
    const repo = createRepository(
      db,
      'accounts',
      () => 'ana',
      () => 2000,
    );
    await expect(
      repo.updateMany(
        docs.map((d) => d.id),
        { ownerId: 'x'.repeat(81) },
      ),
    ).rejects.toThrow();
    expect((await db.accounts.find().exec()).map((a) => a.ownerId)).toEqual(docs.map((d) => d.ownerId));
  });
});
