import type { AppSettings, UpdateStatus } from '../../../shared/ipc';
import type { SettingsService } from '../settings';

/**
 * What the service needs of electron-updater's `autoUpdater` (an EventEmitter): the feed, a check
 * (which downloads what it finds), its events and the install. Tests hand in a fake.
 */
export interface UpdaterPort {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateService {
  status(): UpdateStatus;
  check(): Promise<UpdateStatus>;
  /** Quits and installs the downloaded version; false (nothing done) when none is ready. */
  install(): { restarting: boolean };
  onChange(listener: (status: UpdateStatus) => void): () => void;
  stop(): void;
}

export interface UpdateServiceOptions {
  /** Absent where the app cannot update itself (web mode, a build that is not an installed package). */
  updater?: UpdaterPort;
  settings?: Pick<SettingsService, 'get' | 'onChange'>;
  /** How often to look again while the app runs (default 4 h). */
  intervalMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => { unref?(): void };
  clearInterval?: (timer: unknown) => void;
  warn?: (message: string) => void;
}

const FOUR_HOURS = 4 * 60 * 60 * 1000;

/**
 * The app's own updates from the team's update server (`updateUrl` in settings; off when empty).
 * It looks at start, when the address changes and every few hours; electron-updater downloads what it
 * finds in the background. Nothing restarts by itself: once a version is `ready` the renderer asks
 * the user (saying so when changes still wait to be sent) and only then calls `install()`; a version
 * the user did not restart for installs at the next quit.
 */
export function createUpdateService({
  updater,
  settings,
  intervalMs = FOUR_HOURS,
  now = Date.now,
  setInterval: every = (fn, ms) => setInterval(fn, ms),
  clearInterval: stopEvery = (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
  warn = console.warn,
}: UpdateServiceOptions = {}): UpdateService {
  const listeners = new Set<(status: UpdateStatus) => void>();
  let current: UpdateStatus = { supported: updater !== undefined, state: 'off', checkedAt: 0 };
  let url = '';
  let timer: unknown = null;
  let unsubscribe: () => void = () => undefined;

  const publish = (next: Partial<UpdateStatus>) => {
    current = { ...current, ...next };
    for (const listener of listeners) listener(current);
  };
  // Once downloaded, a version stays ready (and keeps its state) whatever later checks say.
  const unlessReady = (next: Partial<UpdateStatus>) => {
    if (current.state !== 'ready') publish(next);
  };

  const check = async (): Promise<UpdateStatus> => {
    if (!updater || !url || current.state === 'ready' || current.state === 'checking' || current.state === 'downloading') return current;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      unlessReady({ state: 'error', error: String(error instanceof Error ? error.message : error).slice(0, 500), checkedAt: now() });
    }
    return current;
  };

  const follow = (s: Pick<AppSettings, 'updateUrl'>) => {
    if (!updater || s.updateUrl === url) return;
    url = s.updateUrl;
    if (timer !== null) stopEvery(timer);
    timer = null;
    if (!url) {
      unlessReady({ state: 'off', error: undefined, version: undefined, percent: undefined });
      return;
    }
    updater.setFeedURL({ provider: 'generic', url });
    unlessReady({ state: 'idle', error: undefined });
    const t = every(() => void check(), intervalMs);
    t.unref?.();
    timer = t;
    void check();
  };

  if (updater) {
    updater.on('checking-for-update', () => unlessReady({ state: 'checking', error: undefined }));
    updater.on('update-not-available', () => unlessReady({ state: 'idle', version: undefined, percent: undefined, checkedAt: now() }));
    updater.on('update-available', (info) => unlessReady({ state: 'downloading', version: info.version, percent: 0, checkedAt: now() }));
    updater.on('download-progress', (p) => unlessReady({ state: 'downloading', percent: Math.max(0, Math.min(100, p.percent)) }));
    updater.on('update-downloaded', (info) => publish({ state: 'ready', version: info.version, percent: 100, error: undefined }));
    updater.on('error', (error) => {
      warn(`update failed: ${error.message}`);
      unlessReady({ state: 'error', error: error.message.slice(0, 500), checkedAt: now() });
    });
    if (settings) {
      unsubscribe = settings.onChange(follow);
      void settings.get().then(follow, (error: unknown) => warn(`could not read the settings for updates: ${String(error)}`));
    }
  }

  return {
    status: () => current,
    check,
    install() {
      if (!updater || current.state !== 'ready') return { restarting: false };
      updater.quitAndInstall();
      return { restarting: true };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      unsubscribe();
      if (timer !== null) stopEvery(timer);
      timer = null;
    },
  };
}
