import { z } from 'zod';
import { isValidTeamId } from '../couchdb/database-names';
import { serverTransport } from '../couchdb/server-url';
import type { IpcNamespaceContract } from './define';

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
  /** The user paused sync from the tray (kept across restarts); absent: not paused. */
  paused: z.boolean().optional(),
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

/** What the tray asks of the renderer's replication (the replication runs in the renderer, DESIGN.md §5). */
export const SYNC_COMMANDS = ['syncNow', 'pause', 'resume'] as const;
export type SyncCommand = (typeof SYNC_COMMANDS)[number];
export const syncCommandEvent = z.object({ command: z.enum(SYNC_COMMANDS) });

export const syncContract = {
  channels: {
    getConfig: { args: z.tuple([]), result: syncServerConfig.nullable() },
    /** Changing server or user signs out and forgets the old password. */
    setConfig: { args: z.tuple([syncServerConfig]), result: syncServerConfig },
    /** Signs in to the configured server; the session cookie stays in main. */
    signIn: { args: z.tuple([syncSignInArgs]), result: syncSignInResult },
    signOut: { args: z.tuple([]), result: z.null() },
    status: { args: z.tuple([]), result: syncStatus },
    /** The replication's fetch: main checks the URL, adds the session and performs the request. */
    fetch: { args: z.tuple([syncFetchRequest]), result: syncFetchResponse },
    /** "Tentar agora": asks the server at once instead of waiting out the offline back-off; answers the state after it. */
    checkNow: { args: z.tuple([]), result: z.enum(CONNECTIVITY_STATES) },
    /** The renderer's answer to `sync:flush`: its last push is done (or given up). */
    flushed: { args: z.tuple([]), result: z.null() },
  },
  events: {
    connectivity: syncConnectivityEvent,
    /** Main is about to quit: push what is pending, then call sync:flushed. */
    flush: syncFlushEvent,
    /** Main's sync status changed (config, sign-in or out, session, connectivity): what `sync:status` answers now. */
    statusChanged: syncStatus,
    /** The user chose "Sincronizar agora", "Pausar" or "Retomar" in the tray. */
    command: syncCommandEvent,
  },
} as const satisfies IpcNamespaceContract<'sync'>;
