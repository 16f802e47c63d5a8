/**
 * The channel names of the IPC contract, with no runtime dependencies, so the sandboxed preload
 * can import them (it may only bundle plain constants besides 'electron').
 * shared/ipc.ts checks that this list and the contract agree.
 */
export const IPC_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'sync:getConfig',
  'sync:setConfig',
  'sync:signIn',
  'sync:signOut',
  'sync:status',
  'sync:fetch',
  'sync:flushed',
  'shell:openExternal',
  'notify:show',
  'export:save',
  'app:diagnostics',
] as const;
export type IpcChannelName = (typeof IPC_CHANNELS)[number];

/** Events main pushes to the renderer. */
export const IPC_EVENTS = ['settings:changed', 'sync:connectivity', 'sync:flush', 'notify:clicked'] as const;
export type IpcEventName = (typeof IPC_EVENTS)[number];
