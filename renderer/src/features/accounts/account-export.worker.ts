/// <reference lib="webworker" />
import { createExportHost, type FromBuilder, type ToBuilder } from './account-export-build';

/** Builds account exports (CSV, XLSX) off the UI thread: 50k rows would freeze the window for seconds. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createExportHost((message: FromBuilder) => {
  if (message.type === 'done' && typeof message.content !== 'string') scope.postMessage(message, [message.content.buffer]);
  else scope.postMessage(message);
});
scope.onmessage = (event: MessageEvent<ToBuilder>) => handle(event.data);
