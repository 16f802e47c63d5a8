import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHybridClock, type EditClock } from '../../shared/domain/hlc';
import { conflictsNewestFirst } from '../../renderer/src/sync/conflict-log';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { openDevice, provisionTeam, until, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

const SKEW = 10 * 60_000;
const fastRetry = (failures: number) => Math.min(400, 25 * 2 ** Math.max(0, failures - 1));

/**
 * Two laptops on a real pouchdb-server, the fast one's wall clock 10 minutes ahead. The slow
 * laptop edits an account after it has pulled the fast laptop's last edit; meanwhile, offline, the
 * fast laptop deletes it. The merge lets an edit beat a deletion only when it came after the
 * deleted version's last edit: the slow laptop's edit did (it had seen it), so the account must
 * come back on both. With wall-clock edit times (what the app did before) the slow edit is stamped
 * 10 minutes "before" the version it was made on, and the deletion wins.
 */
describe('laptops whose clocks are 10 minutes apart', () => {
  let server: TestCouchServer;
  const opened: Device[] = [];
  let team = 0;

  beforeAll(async () => {
    server = await startCouchServer();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    await server?.stop();
  });

  async function laptops(clocks: { fast: EditClock; slow: EditClock }) {
    const name = `skew${++team}`;
    await provisionTeam(server, name, ['ana', 'bruno']);
    const open = (user: string, clock: EditClock) => openDevice({ serverUrl: server.url, team: name, user, clock, retryDelay: fastRetry });
    const fast = await open('ana', clocks.fast);
    const slow = await open('bruno', clocks.slow);
    opened.push(fast, slow);
    return { fast, slow };
  }

  async function editAfterSeeingFastEdit({ fast, slow }: { fast: Device; slow: Device }) {
    const account = await fast.accounts.create(sampleAccountFields('Relógio Adiantado Ltda'));
    await fast.accounts.update(account.id, { city: 'Braga' });
    await withTimeout(fast.rep.awaitInSync(), 10_000, 'push from the fast laptop');
    await until(async () => (await slow.accounts.get(account.id))?.city === 'Braga', 10_000, 'the fast edit on the slow laptop');

    await fast.rep.pause();
    await fast.accounts.remove(account.id);
    await slow.accounts.update(account.id, { phones: [{ label: 'work', number: '+55 11 4000-0000' }] });
    await withTimeout(slow.rep.awaitInSync(), 10_000, 'push from the slow laptop');
    await fast.rep.resume();
    fast.rep.reSync();
    await withTimeout(fast.rep.awaitInSync(), 10_000, 'push of the deletion');
    await withTimeout(slow.rep.awaitInSync(), 10_000, 'the slow laptop in sync');
    return account.id;
  }

  it("an edit made after seeing the fast laptop's edit beats that laptop's concurrent deletion", async () => {
    const devices = await laptops({ fast: createHybridClock(() => Date.now() + SKEW), slow: createHybridClock(() => Date.now()) });
    const id = await editAfterSeeingFastEdit(devices);
    for (const device of [devices.fast, devices.slow]) {
      await until(async () => (await device.accounts.get(id))?.phones.length === 1, 10_000, 'the edited account on every laptop');
    }
    // The slow laptop's edit is stamped after the version it was made on, though its wall clock is behind.
    const kept = await devices.slow.accounts.get(id);
    expect(kept!.fieldTimes.phones).toBeGreaterThan(kept!.fieldTimes.city!);
    // The deletion that lost waits in the log of the laptop that resolved it, restorable.
    const records = (await conflictsNewestFirst(devices.fast.db).exec()).map((r) => r.toJSON());
    expect(records).toEqual([expect.objectContaining({ docId: id, field: '_deleted', keptValue: 'false', lostValue: 'true' })]);
  });

  it("with wall-clock edit times the same story loses the slow laptop's edit to the deletion", async () => {
    const devices = await laptops({ fast: () => Date.now() + SKEW, slow: () => Date.now() });
    const id = await editAfterSeeingFastEdit(devices);
    await until(async () => (await devices.slow.accounts.get(id)) === null, 10_000, 'the deletion on the slow laptop');
    expect(await devices.fast.accounts.get(id)).toBeNull();
  });
});
