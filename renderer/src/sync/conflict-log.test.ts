import { afterEach, describe, expect, it } from 'vitest';
import { createDoc, editDoc } from '@shared/domain/documents';
import { DELETED_FIELD, type FieldConflict } from '@shared/domain/sync-merge';
import type { Account } from '@shared/models';
import { conflictRecordSchema } from '@shared/models/conflicts';
import { openTestDatabase } from '../../../tests/helpers/test-database';
import { sampleAccountFields } from '../../../tests/sync/account-fixture';
import type { CarteiraDatabase } from '../db/types';
import { conflictsNewestFirst, recordConflicts, restoreConflict } from './conflict-log';

let db: CarteiraDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const account = createDoc<Account>(sampleAccountFields(), 'ana', 1000, 'acc1');
const cityConflict: FieldConflict = {
  collection: 'accounts',
  docId: 'acc1',
  field: 'city',
  keptValue: 'Braga',
  lostValue: 'Lisboa',
  keptAt: 3000,
  lostAt: 2000,
  keptBy: 'ana',
  lostBy: 'bia',
};

describe('conflict log', () => {
  it('records lost edits as JSON, newest first, once even if the same conflict is resolved twice', async () => {
    db = await openTestDatabase();
    await recordConflicts(db, [cityConflict], 5000);
    await recordConflicts(db, [cityConflict], 5001);
    await recordConflicts(db, [{ ...cityConflict, field: 'tags', keptValue: ['a'], lostValue: ['b'] }], 6000);
    const rows = (await conflictsNewestFirst(db).exec()).map((d) => d.toJSON());
    expect(rows.map((r) => [r.field, r.detectedAt])).toEqual([
      ['tags', 6000],
      ['city', 5000],
    ]);
    expect(rows[1]).toMatchObject({
      collectionName: 'accounts',
      docId: 'acc1',
      keptValue: '"Braga"',
      lostValue: '"Lisboa"',
      keptBy: 'ana',
      lostBy: 'bia',
      restoredAt: 0,
    });
    expect(rows[0]?.lostValue).toBe('["b"]');
    expect(await conflictsNewestFirst(db, 'other').exec()).toEqual([]);
    // What a device writes is what another accepts when it pulls the team's log.
    for (const row of rows) expect(conflictRecordSchema.strict().parse(row)).toEqual(row);
    expect(conflictRecordSchema.safeParse({ ...rows[0], lostBy: 'x'.repeat(81) }).success).toBe(false);
  });

  it('restores a lost value with a new edit time, once', async () => {
    db = await openTestDatabase();
    await db.accounts.insert(editDoc(account, { city: 'Braga' }, 'ana', 3000));
    await recordConflicts(db, [cityConflict], 5000);
    const [record] = await conflictsNewestFirst(db).exec();
    await restoreConflict(db, record!.id, 'carla', 7000);
    const restored = (await db.accounts.findOne('acc1').exec())!.toJSON();
    expect(restored).toMatchObject({ city: 'Lisboa', updatedAt: 7000, updatedBy: 'carla' });
    expect(restored.fieldTimes.city).toBe(7000);
    expect((await db.conflicts.findOne(record!.id).exec())?.restoredAt).toBe(7000);
    await (await db.accounts.findOne('acc1').exec())!.incrementalPatch({ city: 'Recife' });
    await restoreConflict(db, record!.id, 'carla', 8000);
    expect((await db.accounts.findOne('acc1').exec())?.city).toBe('Recife');
  });

  it('brings back an edited document a deletion overrode, and deletes again a document an edit revived', async () => {
    db = await openTestDatabase();
    const edited = editDoc(account, { city: 'Braga' }, 'ana', 3000);
    await (await db.accounts.insert(edited)).remove();
    await recordConflicts(db, [{ ...cityConflict, field: DELETED_FIELD, keptValue: true, lostValue: edited, keptAt: 4000, lostAt: 3000 }], 5000);
    const [deletionWon] = await conflictsNewestFirst(db).exec();
    await restoreConflict(db, deletionWon!.id, 'carla', 7000);
    const back = await db.accounts.findOne('acc1').exec();
    expect(back?.toJSON()).toMatchObject({ city: 'Braga', updatedAt: 7000, updatedBy: 'carla', fieldTimes: { city: 7000, name: 7000 } });

    await recordConflicts(db, [{ ...cityConflict, field: DELETED_FIELD, keptValue: false, lostValue: true }], 8000);
    const [editWon] = await conflictsNewestFirst(db).exec();
    await restoreConflict(db, editWon!.id, 'carla', 9000);
    expect(await db.accounts.findOne('acc1').exec()).toBeNull();
  });
});
