import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_SYNC_MACHINE, reduceSync, type SyncStatus } from '../../shared/domain/sync-state';
import { startCouchServer, type TestCouchServer } from '../helpers/couch-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { errorEvents, openDevice, provisionTeam, sleep, until, withTimeout, type Device } from '../helpers/sync-devices';
import { sampleAccountFields } from './account-fixture';

/**
 * What the sync indicator would show (the app's reducer over the real replication's events) while
 * the team's server is out of reach, as at a fair: offline with the local changes waiting, never a
 * red error, and up to date once it answers again.
 */
let server: TestCouchServer;
let proxy: FaultProxy | undefined;
const devices: Device[] = [];
let teamCounter = 0;
/** Retries every 100 ms instead of 1 s doubling: many failed attempts within a short test. */
const fastRetry = () => 100;

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

const statusOf = (device: Device): SyncStatus => device.events.reduce(reduceSync, INITIAL_SYNC_MACHINE).status;

async function setUp() {
  const team = `offline${++teamCounter}`;
  await provisionTeam(server, team);
  proxy = await startFaultProxy(server.url);
  return { team, proxy };
}

describe('sync state against a server out of reach', { timeout: 60_000 }, () => {
  it('is offline with the changes waiting while the server is cut off, and up to date once it answers', async () => {
    const { team, proxy } = await setUp();
    const device = await openDevice({ serverUrl: proxy.url, team, user: 'ana', retryDelay: fastRetry });
    devices.push(device);
    await device.accounts.create(sampleAccountFields('Antes da feira'));
    await withTimeout(device.rep.awaitInSync(), 20_000, 'first sync');
    await until(() => statusOf(device).phase.kind === 'upToDate', 10_000, 'up to date');
    const lastGood = statusOf(device).lastSyncAt;
    expect(lastGood).toBeGreaterThan(0);

    proxy.down();
    for (const name of ['Na feira 1', 'Na feira 2', 'Na feira 3']) await device.accounts.create(sampleAccountFields(name));
    await until(() => statusOf(device).phase.kind === 'offline' && statusOf(device).pending === 3, 10_000, 'offline with 3 pending');
    const failuresBefore = errorEvents(device.events).length;
    // Many retries later (every 100 ms) it is still the offline state, not an error.
    await sleep(1500);
    expect(errorEvents(device.events).length).toBeGreaterThan(failuresBefore + 3);
    expect(errorEvents(device.events).every((e) => e.reason === 'unreachable' || e.reason === 'timeout')).toBe(true);
    const offline = statusOf(device);
    expect(offline.phase).toEqual({ kind: 'offline' });
    expect(offline.pending).toBe(3);
    expect(offline.lastSyncAt).toBe(lastGood);

    proxy.up();
    await until(() => statusOf(device).phase.kind === 'upToDate' && statusOf(device).pending === 0, 20_000, 'up to date after the server answers');
    expect(statusOf(device).lastSyncAt).toBeGreaterThan(lastGood);
  });

  it('is offline, not an error, when the app starts with the server already out of reach', async () => {
    const { team, proxy } = await setUp();
    proxy.down();
    const device = await openDevice({ serverUrl: proxy.url, team, user: 'ana', retryDelay: fastRetry });
    devices.push(device);
    await until(() => errorEvents(device.events).length > 0, 10_000, 'the failed check of the databases');
    expect(statusOf(device).phase).toEqual({ kind: 'offline' });
  });

  it('turns into an error when the server answers 503 again and again', async () => {
    const { team, proxy } = await setUp();
    const device = await openDevice({ serverUrl: proxy.url, team, user: 'ana', retryDelay: fastRetry });
    devices.push(device);
    await withTimeout(device.rep.awaitInSync(), 20_000, 'first sync');
    proxy.inject({ match: /_bulk_docs|_all_docs|_revs_diff|_changes|_local/, times: 1000, fault: { kind: 'status', status: 503 } });
    await device.accounts.create(sampleAccountFields('Servidor em pane'));
    await until(() => statusOf(device).phase.kind === 'error', 10_000, 'an error after repeated 503s');
    expect(statusOf(device).phase).toMatchObject({ kind: 'error', reason: 'server_error' });
    expect(statusOf(device).pending).toBe(1);
  });
});
