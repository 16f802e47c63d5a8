import { z } from 'zod';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannelName, type IpcEventName, type IpcNamespace } from './channels';
import type { IpcNamespaceContract } from './define';
import { failure, IpcError, type IpcEnvelope } from './errors';
import { appContract } from './app';
import { backupContract } from './backup';
import { exportContract } from './export';
import { notifyContract } from './notify';
import { settingsContract } from './settings';
import { shellContract } from './shell';
import { syncContract } from './sync';
import { updateContract } from './update';

/** Every namespace's contract: registering a namespace is one line here (and its names in channels.ts). */
export const ipcNamespaces = {
  app: appContract,
  settings: settingsContract,
  sync: syncContract,
  shell: shellContract,
  notify: notifyContract,
  export: exportContract,
  backup: backupContract,
  update: updateContract,
} as const satisfies { [N in IpcNamespace]: IpcNamespaceContract<N> };

type Namespaces = typeof ipcNamespaces;
type ChannelSchemaOf<C extends string> = C extends `${infer N extends IpcNamespace}:${infer A}`
  ? A extends keyof Namespaces[N]['channels']
    ? Namespaces[N]['channels'][A]
    : never
  : never;
type EventSchemaOf<E extends string> = E extends `${infer N extends IpcNamespace}:${infer A}`
  ? A extends keyof Namespaces[N]['events']
    ? Namespaces[N]['events'][A]
    : never
  : never;

/** The contract flattened to `namespace:action` → schemas of the arguments (a tuple) and of the result. */
export type IpcContract = { [C in IpcChannelName]: ChannelSchemaOf<C> };
export type IpcEventContract = { [E in IpcEventName]: EventSchemaOf<E> };

function split(name: string): [IpcNamespace, string] {
  const at = name.indexOf(':');
  return [name.slice(0, at) as IpcNamespace, name.slice(at + 1)];
}

/** Main validates arguments with it; the renderer's types come from it. */
export const ipcContract = Object.freeze(
  Object.fromEntries(
    IPC_CHANNELS.map((channel) => {
      const [ns, action] = split(channel);
      return [channel, (ipcNamespaces[ns].channels as Record<string, unknown>)[action]];
    }),
  ),
) as IpcContract;

/** Payloads of the events main pushes to the renderer. */
export const ipcEventContract = Object.freeze(
  Object.fromEntries(
    IPC_EVENTS.map((event) => {
      const [ns, name] = split(event);
      return [event, (ipcNamespaces[ns].events as Record<string, unknown>)[name]];
    }),
  ),
) as IpcEventContract;

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<IpcContract[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;
export type IpcEventPayload<E extends IpcEventName> = z.infer<IpcEventContract[E]>;

/** What main implements, once, for both Electron IPC and the web-mode host. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C> };

/** One namespace's handlers, keyed by action (electron/ipc/handlers/<namespace>.ts). */
export type IpcNamespaceHandlers<N extends IpcNamespace> = {
  [A in keyof Namespaces[N]['channels'] & string]: `${N}:${A}` extends IpcChannel ? IpcHandlers[`${N}:${A}`] : never;
};

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

/**
 * Validates `args` against the channel's schema and runs the handler; never throws, always returns
 * an envelope. Shared by Electron's ipcMain wrapper and the web-mode host.
 */
export async function dispatch(handlers: IpcHandlers, channel: unknown, args: unknown): Promise<IpcEnvelope<unknown>> {
  if (!isIpcChannel(channel)) return failure('unknown_channel', `Unknown channel ${String(channel)}`);
  const parsed = ipcContract[channel].args.safeParse(args);
  if (!parsed.success) return failure('invalid_arguments', z.prettifyError(parsed.error));
  try {
    const handler = handlers[channel] as (...a: unknown[]) => unknown;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    if (error instanceof IpcError) return failure(error.code, error.message);
    return failure('internal', error instanceof Error ? error.message : String(error));
  }
}

/** The API the preload exposes as `window.carteira` (and the web bridge imitates). */
export interface CarteiraBridgeApi {
  invoke(channel: IpcChannel, ...args: unknown[]): Promise<IpcEnvelope<unknown>>;
  on(event: IpcEventName, listener: (payload: unknown) => void): () => void;
}
