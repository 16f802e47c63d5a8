import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { localDocs, openDevice, provisionTeam, serverDocs, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/**
 * awaitInSync() is what the quit flush and the tests rely on: once it resolves, the server holds
 * every local change and the device the server's latest. Cut push answers are the hard case: the
 * retried push meets its own earlier write as a conflict (the merge is pushed next, after RxDB's
 * own awaitInSync took its snapshot), and the live feed hands the device a state older than the
 * one it just pushed. Before the fix this failed about one run in two.
 */
let server: TestCouchServer;
let proxy: FaultProxy | undefined;
const devices: Device[] = [];
let teamCounter = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterEach(async () => {
  for (const device of devices.splice(0)) await device.close();
  await proxy?.stop();
  proxy = undefined;
});
afterAll(async () => {
  await server?.stop();
});

function differing(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => !isDeepStrictEqual(a.get(id), b.get(id)));
}

describe('awaitInSync after pushes whose answers were cut', () => {
  for (let round = 1; round <= 3; round++) {
    it(`resolves only when device and server hold the same documents (round ${round})`, async () => {
      const team = `await${++teamCounter}`;
      await provisionTeam(server, team);
      proxy = await startFaultProxy(server.url);
      const device = await openDevice({ serverUrl: proxy.url, team, user: 'ana' });
      devices.push(device);
      await device.rep.awaitInSync();
      const cut = proxy.inject({ match: /_bulk_docs/, times: 2, fault: { kind: 'reset-response', afterBytes: 20 } });
      const ids: string[] = [];
      for (let n = 0; n < 60; n++) ids.push((await device.accounts.create(sampleAccountFields(`Conta ${n}`))).id);
      for (let n = 0; n < 60; n += 2) await device.accounts.update(ids[n]!, { city: `Cidade ${n}` });
      await withTimeout(device.rep.awaitInSync(), 30_000, 'awaitInSync');
      // Checked at once, no polling: that is the promise the quit flush relies on.
      const local = await localDocs(device.db);
      const remote = await serverDocs(server, `${team}-accounts`);
      expect(cut.hits).toBe(2);
      expect(local.size).toBe(60);
      expect(differing(local, remote)).toEqual([]);
      expect([...local.values()].filter((d) => String(d.city).startsWith('Cidade ')).length).toBe(30);
    }, 40_000);
  }
});
