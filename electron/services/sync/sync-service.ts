import { checkDatabases, CouchUnreachableError, describeDatabaseProblems } from '../../../shared/couchdb';
import { CONFLICTS_COLLECTION } from '../../../shared/models/conflicts';
import {
  IpcError,
  type ConnectivityEvent,
  type ConnectivityState,
  type SyncFetchRequest,
  type SyncFetchResponse,
  type SyncServerConfig,
  type SyncCommand,
  type SyncSignInResult,
  type SyncStatus,
} from '../../../shared/ipc';
import type { SettingsService } from '../settings';
import { closeCouchSession, openCouchSession, type CouchSession } from './couch-session';
import { createConnectivityWatcher, type ConnectivityWatcher, type OnlineEvents, type Timers } from './connectivity-watcher';
import { credentialAccount, type CredentialStore } from './credential-store';
import { fetchText, type FetchLike } from './fetch-text';
import { notSignedIn, proxyFetch } from './proxy-fetch';
import { createQuitFlush } from './quit-flush';
import { createServerConfigStore } from './server-config';

export interface SyncServiceOptions {
  /** The user-data folder (sync-server.json). */
  dir: string;
  credentials: CredentialStore;
  fetch?: FetchLike;
  /** Sign-in, probe and the proxy's silence limit (longpoll heartbeats are 60 s, so keep this above). */
  timeouts?: { signInMs?: number; probeMs?: number; proxyIdleMs?: number };
  onlineEvents?: OnlineEvents;
  /** net.isOnline(): when the OS knows it is offline, the probe does not even try. */
  isOnline?: () => boolean;
  timers?: Timers;
  connectivity?: { onlineIntervalMs?: number; initialBackoffMs?: number; maxBackoffMs?: number };
  warn?: (message: string) => void;
  /** Where the tray's pause is kept across restarts (the settings); without it, a pause lasts this run. */
  pauseStore?: PauseStore;
}

export interface PauseStore {
  load(): Promise<boolean>;
  save(paused: boolean): Promise<unknown>;
}

/** Keeps the tray's pause in the settings (syncPaused). */
export function settingsPauseStore(settings: Pick<SettingsService, 'get' | 'set'>): PauseStore {
  return {
    load: () => settings.get().then((s) => s.syncPaused),
    save: (paused) => settings.set({ syncPaused: paused }),
  };
}

/** Server settings, credentials, session, connectivity and the CouchDB proxy (DESIGN.md §2, §5). */
export interface SyncService {
  getConfig(): Promise<SyncServerConfig | null>;
  /** Changing server or user signs out and forgets the old password; changing only the team keeps the session. */
  setConfig(config: SyncServerConfig): Promise<SyncServerConfig>;
  signIn(password: string): Promise<SyncSignInResult>;
  signOut(): Promise<void>;
  status(): Promise<SyncStatus>;
  fetch(request: SyncFetchRequest): Promise<SyncFetchResponse>;
  onConnectivity(listener: (event: ConnectivityEvent) => void): () => void;
  /**
   * The status after a change of server settings, sign-in, sign-out or session (told before the
   * call that changed it returns). Connectivity changes come through onConnectivity instead.
   */
  onStatusChanged(listener: (status: SyncStatus) => void): () => void;
  /** An order for the renderer's replication (the tray's "Sincronizar agora", "Pausar", "Retomar"). */
  /** Probes the server at once (the user's "Tentar agora" while offline); the state after it. */
  checkNow(): Promise<ConnectivityState>;
  command(command: SyncCommand): void;
  onCommand(listener: (command: SyncCommand) => void): () => void;
  /** Whether the user paused sync (from the tray); kept across restarts when a pauseStore is given. */
  readonly paused: boolean;
  /** Quit: ask the renderer for a last push and wait at most timeoutMs. */
  flushBeforeQuit(timeoutMs: number): Promise<'flushed' | 'timeout' | 'none'>;
  onFlushRequest(listener: (timeoutMs: number) => void): () => void;
  /** The renderer's answer to a flush request. */
  flushed(): void;
  /** Starts the connectivity watcher. */
  start(): void;
  stop(): void;
}

const DEFAULT_SIGN_IN_TIMEOUT_MS = 15_000;
const DEFAULT_PROBE_TIMEOUT_MS = 5_000;
const DEFAULT_PROXY_IDLE_TIMEOUT_MS = 90_000;

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { credentials, warn = console.warn } = options;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const signInMs = options.timeouts?.signInMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const probeMs = options.timeouts?.probeMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const proxyIdleMs = options.timeouts?.proxyIdleMs ?? DEFAULT_PROXY_IDLE_TIMEOUT_MS;
  const configStore = createServerConfigStore({ dir: options.dir, warn });
  const quitFlush = createQuitFlush();

  // The session and the password of this run live here, in main, and nowhere else.
  let session: CouchSession | null = null;
  let password: string | null = null;
  let passwordPersisted = false;
  let renewing: Promise<CouchSession> | null = null;
  let watching = false;
  /**
   * Bumped when the server or user changes and on sign-out: a sign-in still in flight from before
   * must not bring back its session and password (for the old server) once it answers.
   */
  let generation = 0;
  let paused = false;
  let pauseTouched = false;
  // A pause saved by an earlier run holds until the user resumes; a command given meanwhile wins.
  const pauseLoaded: Promise<void> = options.pauseStore
    ? options.pauseStore.load().then(
        (saved) => {
          if (!pauseTouched) paused = saved;
        },
        (error: unknown) => warn(`could not read the saved sync pause: ${String(error)}`),
      )
    : Promise.resolve();
  const statusListeners = new Set<(status: SyncStatus) => void>();
  const commandListeners = new Set<(command: SyncCommand) => void>();
  /** The last status told, connectivity left out: only a real change is told again. */
  let toldStatus: string | null = null;

  const watcher: ConnectivityWatcher = createConnectivityWatcher({
    probe,
    onlineEvents: options.onlineEvents,
    timers: options.timers,
    ...options.connectivity,
  });

  async function requireConfig(): Promise<SyncServerConfig> {
    const config = await configStore.get();
    if (!config) throw new IpcError('not_configured', 'No sync server configured');
    return config;
  }

  async function probe(): Promise<boolean> {
    if (options.isOnline && !options.isOnline()) return false;
    const config = await configStore.get();
    if (!config) return false;
    try {
      const response = await fetchText(fetchImpl, `${config.url}/_up`, { method: 'GET', headers: { accept: 'application/json' } }, probeMs);
      // 503 is a node in maintenance mode: as good as offline for syncing.
      return response.status < 500;
    } catch {
      return false;
    }
  }

  function forgetSession() {
    session = null;
    password = null;
    passwordPersisted = false;
    renewing = null;
  }

  /** Forgets the session and voids every sign-in still in flight. */
  function supersede() {
    generation += 1;
    forgetSession();
  }

  /** Closes a session opened for a server or user that is no longer the configured one, and says so. */
  async function discardStale(config: SyncServerConfig, opened: CouchSession): Promise<never> {
    await closeCouchSession({ fetch: fetchImpl, url: config.url, timeoutMs: signInMs }, opened.cookie);
    throw new IpcError('not_signed_in', 'The server or user changed while signing in');
  }

  /** Reports which team databases are missing or unreadable, in the words of the sync error codes. */
  async function assertTeamDatabases(config: SyncServerConfig, secret: string): Promise<void> {
    let problems;
    try {
      problems = await checkDatabases(
        { url: config.url, auth: { user: config.user, password: secret }, timeoutMs: signInMs, fetch: fetchImpl as typeof fetch },
        config.team,
      );
    } catch (error) {
      if (error instanceof CouchUnreachableError) throw new IpcError('unreachable', error.message);
      throw new IpcError('server_error', error instanceof Error ? error.message : String(error));
    }
    // A server provisioned before the team conflict log existed still syncs the data; replication
    // reports the missing log on its own, and the next provisioning run adds it.
    problems = problems.filter((p) => p.collection !== CONFLICTS_COLLECTION);
    const message = describeDatabaseProblems(problems);
    if (!message) return;
    throw new IpcError(problems.some((p) => p.problem === 'missing') ? 'missing_databases' : 'not_team_member', message);
  }

  /** Signs in with the password main already has (memory, then the credential store). */
  async function signInWithKeptPassword(): Promise<CouchSession> {
    const started = generation;
    const config = await requireConfig();
    const secret = password ?? (await credentials.get(credentialAccount(config.url, config.user)));
    if (!secret) throw notSignedIn();
    let opened: CouchSession;
    try {
      opened = await openCouchSession({ fetch: fetchImpl, url: config.url, timeoutMs: signInMs }, config.user, secret);
    } catch (error) {
      if (error instanceof IpcError && error.code === 'unauthorized') {
        // The password changed on the server: stop retrying with it and let the user sign in again.
        forgetSession();
        await credentials.delete(credentialAccount(config.url, config.user)).catch(() => undefined);
      }
      throw error;
    }
    if (started !== generation) return discardStale(config, opened);
    session = opened;
    password = secret;
    return opened;
  }

  /** One sign-in at a time, however many replications hit an expired session together. */
  function renew(): Promise<CouchSession> {
    renewing ??= signInWithKeptPassword().finally(() => {
      renewing = null;
      void announceStatus();
    });
    return renewing;
  }

  async function currentStatus(): Promise<SyncStatus> {
    const config = await configStore.get();
    await pauseLoaded;
    const stored = config ? password !== null || (await credentials.get(credentialAccount(config.url, config.user))) !== null : false;
    return {
      configured: config !== null,
      url: config?.url ?? null,
      team: config?.team ?? null,
      user: config?.user ?? null,
      signedIn: session !== null,
      roles: session?.roles ?? [],
      credentialsStored: stored,
      credentialsPersistent: credentials.persistent && (password === null || passwordPersisted),
      connectivity: watcher.state,
      ...(paused ? { paused: true } : {}),
    };
  }

  /** Tells the status listeners when the status (connectivity aside) differs from the last one told. */
  async function announceStatus(): Promise<void> {
    if (statusListeners.size === 0) return;
    const status = await currentStatus().catch(() => null);
    if (!status) return;
    const key = JSON.stringify({ ...status, connectivity: null });
    if (key === toldStatus) return;
    toldStatus = key;
    for (const listener of [...statusListeners]) listener(status);
  }

  /** Runs a change, then tells the listeners the status it left (whether it succeeded or not). */
  async function announcing<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      await announceStatus();
    }
  }

  return {
    getConfig: () => configStore.get(),

    setConfig(config) {
      return announcing(async () => {
        const before = await configStore.get();
        const stored = await configStore.set(config);
        if (before && (before.url !== stored.url || before.user !== stored.user)) {
          const stale = session;
          supersede();
          if (stale) await closeCouchSession({ fetch: fetchImpl, url: before.url, timeoutMs: signInMs }, stale.cookie);
          await credentials
            .delete(credentialAccount(before.url, before.user))
            .catch((error: unknown) => warn(`sync: could not forget the old password: ${String(error)}`));
        }
        // A new address deserves an answer now, not at the next scheduled probe.
        if (watching && (!before || before.url !== stored.url)) void watcher.check();
        return stored;
      });
    },

    signIn(secret) {
      return announcing(async () => {
        const started = generation;
        const config = await requireConfig();
        const opened = await openCouchSession({ fetch: fetchImpl, url: config.url, timeoutMs: signInMs }, config.user, secret);
        if (started !== generation) return discardStale(config, opened);
        try {
          await assertTeamDatabases(config, secret);
        } catch (error) {
          await closeCouchSession({ fetch: fetchImpl, url: config.url, timeoutMs: signInMs }, opened.cookie);
          throw error;
        }
        if (started !== generation) return discardStale(config, opened);
        session = opened;
        password = secret;
        try {
          await credentials.set(credentialAccount(config.url, config.user), secret);
          passwordPersisted = credentials.persistent;
          // The server or user changed while the password was being stored: it belongs to neither now.
          if (started !== generation) {
            await credentials.delete(credentialAccount(config.url, config.user)).catch(() => undefined);
            return discardStale(config, opened);
          }
        } catch (error) {
          if (error instanceof IpcError) throw error;
          // No OS encryption: the session still works for this run; status tells the UI it will not last.
          passwordPersisted = false;
          warn(`sync: the password is kept in memory only: ${error instanceof Error ? error.message : String(error)}`);
        }
        return { ok: true, user: opened.user, roles: opened.roles };
      });
    },

    signOut() {
      return announcing(async () => {
        const config = await configStore.get();
        const stale = session;
        supersede();
        if (!config) return;
        // The stored password goes first: a replication request that meets the session being closed
        // renews it with the kept password, and that renewal (which read it before it went) must be
        // voided too, or the app is signed in again and reopens the team's data after *Sair*.
        await credentials.delete(credentialAccount(config.url, config.user));
        supersede();
        if (stale) await closeCouchSession({ fetch: fetchImpl, url: config.url, timeoutMs: signInMs }, stale.cookie);
        supersede();
      });
    },

    status: currentStatus,

    fetch(request) {
      return proxyFetch(
        {
          fetch: fetchImpl,
          idleTimeoutMs: proxyIdleMs,
          target: requireConfig,
          session: async () => session ?? renew(),
          // Someone else already replaced the refused session: use theirs rather than sign in again.
          renewSession: async (stale) => (session && session !== stale ? session : renew()),
          refreshCookie: (stale, fresh) => {
            if (session === stale) session = { ...session, cookie: fresh };
          },
        },
        request,
      );
    },

    onConnectivity: (listener) => watcher.onChange(listener),
    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    checkNow: () => watcher.check({ announce: true }),
    command(command) {
      if (command === 'pause' || command === 'resume') {
        const next = command === 'pause';
        pauseTouched = true;
        if (next !== paused) {
          paused = next;
          void options.pauseStore?.save(next).catch((error: unknown) => warn(`could not save the sync pause: ${String(error)}`));
        }
      }
      for (const listener of [...commandListeners]) listener(command);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    get paused() {
      return paused;
    },
    flushBeforeQuit: (timeoutMs) => quitFlush.request(timeoutMs),
    onFlushRequest: (listener) => quitFlush.onRequest(listener),
    flushed: () => quitFlush.acknowledge(),
    start() {
      watching = true;
      watcher.start();
    },
    stop() {
      watching = false;
      watcher.stop();
    },
  };
}
