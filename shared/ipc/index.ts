/**
 * The IPC contract between the renderer and main (or the web-mode host), one file per namespace:
 * channels.ts names every `namespace:action` and event; `<namespace>.ts` holds its zod schemas;
 * contract.ts registers the namespaces and validates calls. Adding a namespace: its names in
 * channels.ts, its schemas in a new file, one line in contract.ts, and its handlers in
 * electron/ipc/handlers/<namespace>.ts with one line in that folder's index.ts.
 */
export { IPC_CHANNELS, IPC_EVENTS, IPC_NAMESPACES, type IpcChannelName, type IpcEventName, type IpcNamespace } from './channels';
export * from './errors';
export * from './contract';
export type { IpcChannelSchema, IpcNamespaceContract } from './define';
export * from './app';
export * from './settings';
export * from './sync';
export * from './shell';
export * from './notify';
export * from './export';
export * from './backup';
export * from './update';
