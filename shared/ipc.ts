import { z } from 'zod';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannelName, type IpcEventName } from './ipc-channels';

export { IPC_CHANNELS, IPC_EVENTS };

export const LOCALES = ['pt-BR', 'pt-PT', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** User preferences kept in the user-data folder (settings.json). */
export const appSettings = z.object({
  locale: z.enum(LOCALES),
  theme: z.enum(['light', 'dark', 'auto']),
  /** Shown as the author of edits and notes; '' until the user sets it. */
  userName: z.string().max(80),
  /** Stable id of this installation, stamped on edits (updatedBy) to tell devices apart. */
  deviceId: z.string().max(40),
});
export type AppSettings = z.infer<typeof appSettings>;
export const settingsPatch = appSettings.omit({ deviceId: true }).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the renderer runs: inside Electron or in a browser against the web-mode host. */
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
  userDataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/**
 * The one IPC contract: `namespace:action` → runtime schemas of the arguments (a tuple) and of
 * the result. Main validates arguments with it; the renderer's types come from it.
 */
export const ipcContract = {
  'app:info': { args: z.tuple([]), result: appInfo },
  'settings:get': { args: z.tuple([]), result: appSettings },
  'settings:set': { args: z.tuple([settingsPatch]), result: appSettings },
} as const satisfies Record<IpcChannelName, { args: z.ZodTuple; result: z.ZodType }>;

/** Payloads of the events main pushes to the renderer. */
export const ipcEventContract = {
  'settings:changed': appSettings,
} as const satisfies Record<IpcEventName, z.ZodType>;

export type IpcChannel = keyof typeof ipcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;
export type IpcEventPayload<E extends IpcEventName> = z.infer<(typeof ipcEventContract)[E]>;

/** What main implements, once, for both Electron IPC and the web-mode host. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C> };

/** Error codes a call can fail with; the renderer translates them (i18n key `errors.<code>`). */
export const IPC_ERROR_CODES = ['forbidden_sender', 'invalid_arguments', 'unknown_channel', 'internal'] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** Every call resolves to an envelope, so errors cross the process boundary with their code intact. */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode | string; message: string } };

/** A failure a handler reports on purpose, with a code the renderer can translate. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode | string,
    message: string = code,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

/**
 * Validates `args` against the channel's schema and runs the handler; never throws, always returns
 * an envelope. Shared by Electron's ipcMain wrapper and the web-mode host.
 */
export async function dispatch(handlers: IpcHandlers, channel: unknown, args: unknown): Promise<IpcEnvelope<unknown>> {
  if (!isIpcChannel(channel)) return fail('unknown_channel', `Unknown channel ${String(channel)}`);
  const parsed = ipcContract[channel].args.safeParse(args);
  if (!parsed.success) return fail('invalid_arguments', z.prettifyError(parsed.error));
  try {
    const handler = handlers[channel] as (...a: unknown[]) => unknown;
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    if (error instanceof IpcError) return fail(error.code, error.message);
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}

function fail(code: IpcErrorCode | string, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}

/** The API the preload exposes as `window.carteira` (and the web bridge imitates). */
export interface CarteiraBridgeApi {
  invoke(channel: IpcChannel, ...args: unknown[]): Promise<IpcEnvelope<unknown>>;
  on(event: IpcEventName, listener: (payload: unknown) => void): () => void;
}
