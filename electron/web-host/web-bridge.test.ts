/**
 * The renderer's web bridge against the real web host: both halves of the HTTP protocol together.
 * Node 20 has fetch but no EventSource, so a minimal one over node:http stands in.
 */
import { get, type ClientRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebBridge, type EventSourceLike } from '../../renderer/src/platform/web-bridge';
import { startWebHost, type WebHost } from './web-host';

/** Enough of EventSource for the bridge: named events, `data:` lines, close(). */
class NodeEventSource implements EventSourceLike {
  static opened = 0;
  private readonly listeners = new Map<string, Array<(e: { data: string }) => void>>();
  private readonly request: ClientRequest;
  readonly ready: Promise<void>;
  constructor(url: string) {
    NodeEventSource.opened++;
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    let buffer = '';
    this.request = get(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) markReady();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) for (const l of this.listeners.get(event) ?? []) l({ data });
        }
      });
    });
    this.request.on('error', () => undefined);
    sources.push(this);
  }
  addEventListener(type: string, listener: (e: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  closed = false;
  close(): void {
    this.closed = true;
    this.request.destroy();
  }
}
const sources: NodeEventSource[] = [];

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-bridge-'));
  host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), rendererDir: dir });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web bridge ↔ web host', () => {
  it('invokes channels and gets contract envelopes back', async () => {
    const bridge = createWebBridge({ baseUrl: host.url, EventSource: NodeEventSource });
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: true, value: { mode: 'web' } });
    expect(await bridge.invoke('settings:set', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(await bridge.invoke('nope:nope' as never)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('receives settings:changed and closes the stream after the last unsubscribe', async () => {
    const bridge = createWebBridge({ baseUrl: host.url, EventSource: NodeEventSource });
    const seen: unknown[] = [];
    const received = new Promise<void>((resolve) => {
      const off = bridge.on('settings:changed', (payload) => {
        seen.push(payload);
        off();
        resolve();
      });
    });
    await sources.at(-1)!.ready;
    await bridge.invoke('settings:set', { userName: 'Caio' });
    await received;
    expect(seen).toEqual([expect.objectContaining({ userName: 'Caio' })]);
    expect(NodeEventSource.opened).toBe(1);
    expect(sources.at(-1)!.closed).toBe(true);
  });

  it('reports an unreachable host as an envelope, not a throw', async () => {
    const bridge = createWebBridge({ baseUrl: 'http://127.0.0.1:1', EventSource: NodeEventSource });
    expect(await bridge.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'host_unreachable' } });
  });
});
