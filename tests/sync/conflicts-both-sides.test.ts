import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictsNewestFirst, restoreConflict } from '../../renderer/src/sync/conflict-log';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { openDevice, provisionTeam, until, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

const fastRetry = (failures: number) => Math.min(400, 25 * 2 ** Math.max(0, failures - 1));

/**
 * The conflict is resolved by the device that pushes second; when its edit is the later one, the
 * loser is the other person, whose device never met the conflict. The log replicates through the
 * team's `<team>-conflicts` database (real pouchdb-server), so the loser's device holds the record
 * naming them, and can restore their value from there.
 */
describe('a conflict seen by both sides', () => {
  let server: TestCouchServer;
  let ana: Device;
  let bruno: Device;

  beforeAll(async () => {
    server = await startCouchServer();
    await provisionTeam(server, 'ambos', ['ana', 'bruno']);
    const open = (user: string) => openDevice({ serverUrl: server.url, team: 'ambos', user, replicateConflicts: true, retryDelay: fastRetry });
    ana = await open('ana');
    bruno = await open('bruno');
  }, 60_000);
  afterAll(async () => {
    await ana?.close();
    await bruno?.close();
    await server?.stop();
  });

  const records = async (device: Device) => (await conflictsNewestFirst(device.db).exec()).map((r) => r.toJSON());

  it('the person whose edit lost finds the record on their own device, and restores it there', async () => {
    const account = await ana.accounts.create(sampleAccountFields('Dois Lados Ltda'));
    await withTimeout(ana.rep.awaitInSync(), 10_000, 'push of the account');
    await until(async () => (await bruno.accounts.get(account.id)) !== null, 10_000, "the account on bruno's laptop");

    await bruno.rep.pause();
    await ana.accounts.update(account.id, { city: 'Lisboa' });
    await withTimeout(ana.rep.awaitInSync(), 10_000, "push of ana's edit");
    await bruno.accounts.update(account.id, { city: 'Braga' });
    await bruno.rep.resume();
    bruno.rep.reSync();
    await withTimeout(bruno.rep.awaitInSync(), 10_000, "bruno's push and merge");

    // bruno's device resolved it; ana's never met the conflict, yet holds the record naming her.
    expect(await records(bruno)).toEqual([
      expect.objectContaining({ docId: account.id, field: 'city', keptBy: 'bruno', lostBy: 'ana', lostValue: '"Lisboa"' }),
    ]);
    await until(async () => (await records(ana)).length === 1, 10_000, "the conflict record on ana's laptop");
    const [onAna] = await records(ana);
    expect(onAna).toMatchObject({
      docId: account.id,
      field: 'city',
      keptValue: '"Braga"',
      lostValue: '"Lisboa"',
      keptBy: 'bruno',
      lostBy: 'ana',
      restoredAt: 0,
    });
    await until(async () => (await ana.accounts.get(account.id))?.city === 'Braga', 10_000, "the merged account on ana's laptop");

    await restoreConflict(ana.db, onAna!.id, 'ana');
    await withTimeout(ana.rep.awaitInSync(), 10_000, 'push of the restore');
    await until(async () => (await bruno.accounts.get(account.id))?.city === 'Lisboa', 10_000, "the restored value on bruno's laptop");
    // …and bruno's log shows it restored, so nobody restores it twice.
    await until(async () => ((await records(bruno))[0]?.restoredAt ?? 0) > 0, 10_000, "the restore in bruno's log");
    expect((await bruno.accounts.get(account.id))?.updatedBy).toBe('ana');
  });
});
