/// <reference lib="webworker" />
import { createIndexHost } from './index-host';
import type { FromIndex, ToIndex } from './protocol';

/** The search index's worker: building and querying it never blocks the UI thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createIndexHost((message: FromIndex) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToIndex>) => handle(event.data);
