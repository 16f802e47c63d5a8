/// <reference lib="webworker" />
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { storageFeedReader } from './feed-reader';
import { createIndexHost } from './index-host';
import type { FromIndex, ToIndex } from './protocol';

/**
 * The search index's worker: reading the database for it, building it and querying it never block
 * the UI thread. It opens the app's IndexedDB through a Dexie storage of its own for the first read.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
/**
 * Answers run as a task of their own, after messages already queued (a newer query replaces a
 * waiting one), through a MessageChannel: unlike setTimeout(0) it is never clamped or throttled.
 */
const tick = new MessageChannel();
const queued: (() => void)[] = [];
tick.port1.onmessage = () => queued.shift()?.();
const handle = createIndexHost((message: FromIndex) => scope.postMessage(message), {
  openReader: storageFeedReader(getRxStorageDexie() as never),
  schedule: (run) => {
    queued.push(run);
    tick.port2.postMessage(null);
  },
});
scope.onmessage = (event: MessageEvent<ToIndex>) => handle(event.data);
