import { z } from 'zod';
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannelName, type IpcEventName } from './ipc-channels';
import { isValidTeamId } from './couchdb/database-names';
import { serverTransport } from './couchdb/server-url';

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
  /**
   * Whether the first-run welcome was answered. A fresh install starts with false; a settings file
   * from before the welcome existed lacks it, and its user is no newcomer: true.
   */
  welcomed: z.boolean().default(true),
});
export type AppSettings = z.infer<typeof appSettings>;
// `welcomed` is optional without a default here: a patch that leaves it out must not set it.
export const settingsPatch = appSettings.omit({ deviceId: true, welcomed: true }).extend({ welcomed: z.boolean().optional() }).partial().strict();
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
 * A CouchDB server address the app may talk to: http(s) only, and no user name, password, query or
 * fragment, because the address is also the prefix every proxied request must start with.
 */
export function isAcceptableServerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash && !value.includes('\\');
}

/** Which server, team and user this installation syncs with (sync-server.json in the user-data folder). */
export const syncServerConfig = z
  .object({
    url: z
      .string()
      .max(2048)
      .refine(isAcceptableServerUrl, 'Use an http:// or https:// address without user name, password, query or fragment')
      // The password would cross the internet in clear: http:// only on this machine or a private network.
      .refine((url) => serverTransport(url) !== 'http-public', 'Use https:// for a server outside this machine and the private network'),
    team: z.string().refine(isValidTeamId, 'Team ids start with a lowercase letter, then lowercase letters, digits, "_" or "-"'),
    user: z.string().trim().min(1).max(256),
  })
  .strict();
export type SyncServerConfig = z.infer<typeof syncServerConfig>;

export const syncSignInArgs = z.object({ password: z.string().min(1).max(1024) }).strict();
export const syncSignInResult = z.object({ ok: z.literal(true), user: z.string(), roles: z.array(z.string()) });
export type SyncSignInResult = z.infer<typeof syncSignInResult>;

/** unknown until the first probe of the server's /_up answers (or fails). */
export const CONNECTIVITY_STATES = ['unknown', 'online', 'offline'] as const;
export type ConnectivityState = (typeof CONNECTIVITY_STATES)[number];

export const syncStatus = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  team: z.string().nullable(),
  user: z.string().nullable(),
  /** Main holds a CouchDB session cookie right now. */
  signedIn: z.boolean(),
  roles: z.array(z.string()),
  /** A password is kept, so main can sign in again by itself (after a restart or an expired session). */
  credentialsStored: z.boolean(),
  /** false in web mode, or when the OS offers no encryption: the password lives only until the host/app stops. */
  credentialsPersistent: z.boolean(),
  connectivity: z.enum(CONNECTIVITY_STATES),
});
export type SyncStatus = z.infer<typeof syncStatus>;

/** Methods RxDB's CouchDB replication uses; COPY and friends are not needed and not allowed. */
export const SYNC_FETCH_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
export const syncFetchRequest = z
  .object({
    url: z.string().min(1).max(16_384),
    method: z.enum(SYNC_FETCH_METHODS),
    headers: z.record(z.string().max(256), z.string().max(8192)),
    body: z.string().nullable(),
  })
  .strict();
export type SyncFetchRequest = z.infer<typeof syncFetchRequest>;
export const syncFetchResponse = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  /** The response body as text (CouchDB answers JSON; attachments are not replicated through here). */
  body: z.string(),
});
export type SyncFetchResponse = z.infer<typeof syncFetchResponse>;

/** online/offline: the server's /_up started or stopped answering; resumed: it answers after the OS woke up, so re-sync. */
export const CONNECTIVITY_EVENTS = ['online', 'offline', 'resumed'] as const;
export type ConnectivityEvent = (typeof CONNECTIVITY_EVENTS)[number];
export const syncConnectivityEvent = z.object({ state: z.enum(CONNECTIVITY_EVENTS) });
export const syncFlushEvent = z.object({ reason: z.literal('quit'), timeoutMs: z.number().int().nonnegative() });

/** Longest link `shell:openExternal` accepts before its own checks (the service refuses anything over 2048). */
export const EXTERNAL_URL_MAX_ARG = 65_536;
export const externalOpenResult = z.object({
  /** false in web mode: the host cannot reach the browser's handlers, so the renderer opens `url` itself. */
  opened: z.boolean(),
  /** The link as checked and normalised (tel: digits only, mailto: re-encoded). */
  url: z.string(),
});
export type ExternalOpenResult = z.infer<typeof externalOpenResult>;

export const NOTIFY_TITLE_MAX = 200;
export const NOTIFY_BODY_MAX = 1000;
/** A reminder of one activity (task or meeting); clicking it opens #/activities/:id. */
export const notifyShowArgs = z
  .object({
    activityId: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_.:-]+$/),
    title: z.string().trim().min(1).max(NOTIFY_TITLE_MAX),
    body: z.string().max(NOTIFY_BODY_MAX),
  })
  .strict();
export type NotifyShowArgs = z.infer<typeof notifyShowArgs>;
/** false where the host shows no OS notification (web mode, or an OS without them): the renderer shows one in the page. */
export const notifyShowResult = z.object({ shown: z.boolean() });
export const notifyClickedEvent = z.object({ activityId: z.string() });

/** Largest exported file, in bytes after decoding; a bigger one fails with `export_too_large`. */
export const EXPORT_MAX_BYTES = 16 * 1024 * 1024;
/** Base64 of EXPORT_MAX_BYTES, rounded up; longer arguments are refused before decoding. */
export const EXPORT_MAX_BASE64_CHARS = Math.ceil(EXPORT_MAX_BYTES / 3) * 4;
export const exportSaveArgs = z
  .object({
    /** Suggested name with extension; main sanitises it (no folders, no reserved names). */
    fileName: z.string().min(1).max(255),
    mimeType: z
      .string()
      .max(255)
      .regex(/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/),
    /** Binary content (XLSX, PDF…). */
    contentBase64: z.base64().max(EXPORT_MAX_BASE64_CHARS).optional(),
    /** Text content (CSV, vCard, ICS…), written as UTF-8. */
    text: z.string().max(EXPORT_MAX_BYTES).optional(),
  })
  .strict()
  .refine((a) => (a.contentBase64 === undefined) !== (a.text === undefined), 'Give either contentBase64 or text');
export type ExportSaveArgs = z.infer<typeof exportSaveArgs>;
export const exportSaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string() }),
  /** cancelled: the user closed the dialog; unsupported: web mode, where the renderer downloads the file itself. */
  z.object({ saved: z.literal(false), reason: z.enum(['cancelled', 'unsupported']) }),
]);
export type ExportSaveResult = z.infer<typeof exportSaveResult>;
/** The "Copiar diagnóstico" text: versions, sync state and recent errors, client data masked (shared/diagnostics.ts). */
export const diagnosticsResult = z.object({ text: z.string() });
export type DiagnosticsResult = z.infer<typeof diagnosticsResult>;

/**
 * The one IPC contract: `namespace:action` → runtime schemas of the arguments (a tuple) and of
 * the result. Main validates arguments with it; the renderer's types come from it.
 */
export const ipcContract = {
  'app:info': { args: z.tuple([]), result: appInfo },
  'settings:get': { args: z.tuple([]), result: appSettings },
  'settings:set': { args: z.tuple([settingsPatch]), result: appSettings },
  'sync:getConfig': { args: z.tuple([]), result: syncServerConfig.nullable() },
  /** Changing server or user signs out and forgets the old password. */
  'sync:setConfig': { args: z.tuple([syncServerConfig]), result: syncServerConfig },
  /** Signs in to the configured server; the session cookie stays in main. */
  'sync:signIn': { args: z.tuple([syncSignInArgs]), result: syncSignInResult },
  'sync:signOut': { args: z.tuple([]), result: z.null() },
  'sync:status': { args: z.tuple([]), result: syncStatus },
  /** The replication's fetch: main checks the URL, adds the session and performs the request. */
  'sync:fetch': { args: z.tuple([syncFetchRequest]), result: syncFetchResponse },
  /** The renderer's answer to `sync:flush`: its last push is done (or given up). */
  'sync:flushed': { args: z.tuple([]), result: z.null() },
  /** Opens a tel: or mailto: link with the OS handler; anything else fails with external_url_refused. */
  'shell:openExternal': { args: z.tuple([z.string().max(EXTERNAL_URL_MAX_ARG)]), result: externalOpenResult },
  /** Shows a reminder as an OS notification; clicking it focuses the window and emits notify:clicked. */
  'notify:show': { args: z.tuple([notifyShowArgs]), result: notifyShowResult },
  /** Asks where to save an exported file (save dialog) and writes it atomically. */
  'export:save': { args: z.tuple([exportSaveArgs]), result: exportSaveResult },
  /** Text for a support message; carries no URLs with credentials and no client data. */
  'app:diagnostics': { args: z.tuple([]), result: diagnosticsResult },
} as const satisfies Record<IpcChannelName, { args: z.ZodTuple; result: z.ZodType }>;

/** Payloads of the events main pushes to the renderer. */
export const ipcEventContract = {
  'settings:changed': appSettings,
  'sync:connectivity': syncConnectivityEvent,
  /** Main is about to quit: push what is pending, then call sync:flushed. */
  'sync:flush': syncFlushEvent,
  /** The user clicked a reminder notification: open that activity. */
  'notify:clicked': notifyClickedEvent,
} as const satisfies Record<IpcEventName, z.ZodType>;

export type IpcChannel = keyof typeof ipcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;
export type IpcEventPayload<E extends IpcEventName> = z.infer<(typeof ipcEventContract)[E]>;

/** What main implements, once, for both Electron IPC and the web-mode host. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C> };

/** Error codes a call can fail with; the renderer translates them (i18n key `errors.<code>`). */
export const IPC_ERROR_CODES = [
  'forbidden_sender',
  'invalid_arguments',
  'unknown_channel',
  'internal',
  // sync: server settings, sign-in and the CouchDB proxy
  'not_configured',
  'not_signed_in',
  'unauthorized',
  'unreachable',
  'timeout',
  'server_error',
  'missing_databases',
  'not_team_member',
  'forbidden_url',
  'encryption_unavailable',
  // platform: links, exports
  'external_url_refused',
  'external_open_failed',
  'export_too_large',
  'export_write_failed',
  // web mode: refusals of the host itself, before any handler runs
  'web_session_required',
  'payload_too_large',
  'method_not_allowed',
] as const;
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
