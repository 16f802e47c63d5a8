import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-channels';
import { dispatch, ipcContract } from '../../shared/ipc';
import { createHandlers } from './handlers';
import { forwardIpcEvents } from './events';
import { createTestServices } from './test-services';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const services = await createTestServices();
  dirs.push(services.dir);
  return { services, handlers: createHandlers(services) };
}

describe('createHandlers', () => {
  it('implements exactly the channels of the contract', async () => {
    const { handlers } = await setup();
    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers every channel with a result valid against the contract', async () => {
    const { handlers } = await setup();
    const info = await dispatch(handlers, 'app:info', []);
    expect(info.ok && ipcContract['app:info'].result.parse(info.value).version).toBe('0.0.0-test');
    const set = await dispatch(handlers, 'settings:set', [{ locale: 'en' }]);
    expect(set.ok && ipcContract['settings:set'].result.parse(set.value).locale).toBe('en');
    const get = await dispatch(handlers, 'settings:get', []);
    expect(get).toEqual(set);
  });

  it('reports a schema violation as invalid_arguments without reaching the service', async () => {
    const { handlers, services } = await setup();
    const result = await dispatch(handlers, 'settings:set', [{ deviceId: 'x' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect((await services.settings.get()).deviceId).not.toBe('x');
  });
});

describe('forwardIpcEvents', () => {
  it('emits settings:changed after a set, until disconnected', async () => {
    const { services } = await setup();
    const seen: Array<[string, unknown]> = [];
    const disconnect = forwardIpcEvents(services, (event, payload) => seen.push([event, payload]));
    const updated = await services.settings.set({ theme: 'dark' });
    disconnect();
    await services.settings.set({ theme: 'light' });
    expect(seen).toEqual([['settings:changed', updated]]);
  });
});
