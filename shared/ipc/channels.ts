/**
 * The names of the IPC contract, namespace by namespace, with no runtime dependencies, so the
 * sandboxed preload can import them (it may only bundle plain constants besides 'electron').
 * Each namespace's schemas live in `shared/ipc/<namespace>.ts` and its handlers in
 * `electron/ipc/handlers/<namespace>.ts`; the compiler checks that the three agree.
 * A channel is `namespace:action` (renderer → main, answered); an event `namespace:name` (main → renderer).
 */
export const IPC_NAMESPACES = {
  app: { channels: ['info', 'diagnostics'], events: [] },
  settings: { channels: ['get', 'set'], events: ['changed'] },
  sync: {
    channels: ['getConfig', 'setConfig', 'signIn', 'signOut', 'status', 'fetch', 'checkNow', 'flushed'],
    events: ['connectivity', 'flush', 'statusChanged', 'command'],
  },
  shell: { channels: ['openExternal'], events: [] },
  notify: { channels: ['show'], events: ['clicked'] },
  export: { channels: ['save'], events: [] },
  backup: { channels: ['begin', 'write', 'finish', 'abort'], events: [] },
  update: { channels: ['status', 'check', 'install'], events: ['changed'] },
} as const;

type Namespaces = typeof IPC_NAMESPACES;
export type IpcNamespace = keyof Namespaces;
export type IpcActionOf<N extends IpcNamespace> = Namespaces[N]['channels'][number];
export type IpcEventOf<N extends IpcNamespace> = Namespaces[N]['events'][number];
export type IpcChannelName = { [N in IpcNamespace]: `${N}:${IpcActionOf<N>}` }[IpcNamespace];
export type IpcEventName = { [N in IpcNamespace]: `${N}:${IpcEventOf<N>}` }[IpcNamespace];

const entries = Object.entries(IPC_NAMESPACES) as [IpcNamespace, { channels: readonly string[]; events: readonly string[] }][];

export const IPC_CHANNELS = Object.freeze(entries.flatMap(([ns, { channels }]) => channels.map((action) => `${ns}:${action}`))) as readonly IpcChannelName[];

/** Events main pushes to the renderer. */
export const IPC_EVENTS = Object.freeze(entries.flatMap(([ns, { events }]) => events.map((name) => `${ns}:${name}`))) as readonly IpcEventName[];
