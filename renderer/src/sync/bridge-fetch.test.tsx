import { afterEach, describe, expect, it } from 'vitest';
import type { CarteiraBridgeApi, IpcEnvelope } from '@shared/ipc';
import { resetBridgeForTests } from '../platform/bridge';
import { bridgeFetch } from './bridge-fetch';

function fakeMain(answer: (channel: string, args: unknown[]) => IpcEnvelope<unknown>) {
  const calls: { channel: string; args: unknown[] }[] = [];
  const api: CarteiraBridgeApi = {
    invoke: async (channel, ...args) => {
      calls.push({ channel, args });
      return answer(channel, args);
    },
    on: () => () => {},
  };
  window.carteira = api;
  resetBridgeForTests();
  return calls;
}

afterEach(() => {
  delete window.carteira;
});

describe('bridgeFetch', () => {
  it('sends the request to main and returns its answer as a Response', async () => {
    const calls = fakeMain(() => ({ ok: true, value: { status: 201, headers: { 'content-type': 'application/json' }, body: '[{"ok":true}]' } }));
    const response = await bridgeFetch('http://couch/acme-accounts/_bulk_docs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"docs":[]}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual([{ ok: true }]);
    expect(calls[0]).toEqual({
      channel: 'sync:fetch',
      args: [{ url: 'http://couch/acme-accounts/_bulk_docs', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"docs":[]}' }],
    });
  });

  it('turns a refused session into HTTP 401, which stops sync until the user signs in', async () => {
    fakeMain(() => ({ ok: false, error: { code: 'unauthorized', message: 'session expired' } }));
    const response = await bridgeFetch('http://couch/acme-accounts/');
    expect(response.status).toBe(401);
  });

  it('turns an unreachable server into a network error, which replication retries later', async () => {
    fakeMain(() => ({ ok: false, error: { code: 'unreachable', message: 'ECONNREFUSED' } }));
    await expect(bridgeFetch('http://couch/acme-accounts/')).rejects.toThrow(TypeError);
  });
});
