import type { ConnectivityEvent, ConnectivityState } from '../../../shared/ipc';

/** OS hints that the network may have changed; main.ts adapts Electron's net/powerMonitor to this. */
export type OnlineHint = 'online' | 'offline' | 'resume';
export interface OnlineEvents {
  subscribe(listener: (hint: OnlineHint) => void): () => void;
}

/** setTimeout/clearTimeout, injectable so tests (and fake timers) control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectivityWatcherOptions {
  /** GET <server>/_up: true when the server answers. Must not throw (a throw counts as false). */
  probe: () => Promise<boolean>;
  onlineEvents?: OnlineEvents;
  timers?: Timers;
  /** While online, re-probe this often so a dead server is noticed without a failed request. */
  onlineIntervalMs?: number;
  /** While offline, wait this long before the first retry, doubling up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface ConnectivityWatcher {
  readonly state: ConnectivityState;
  /** Probes now and then on schedule; listens to the OS hints. */
  start(): void;
  stop(): void;
  /**
   * Probes at once (e.g. after the server settings changed); resolves to the state after it.
   * `announce`: the user asked ("Tentar agora"), so a server still online is told again
   * (`resumed`) and the renderer restarts replication that gave up while main saw no outage.
   */
  check(options?: { announce?: boolean }): Promise<ConnectivityState>;
  onChange(listener: (event: ConnectivityEvent) => void): () => void;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // Probing must never be what keeps the app (or a test run) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Decides whether the CouchDB server is reachable, so the renderer starts, pauses or re-syncs its
 * replication instead of letting it retry blindly. Probes periodically, backs off exponentially
 * while offline (a laptop at a fair may be offline for hours), and probes at once when the OS
 * says the network came back or the machine woke up.
 */
export function createConnectivityWatcher({
  probe,
  onlineEvents,
  timers = defaultTimers,
  onlineIntervalMs = 60_000,
  initialBackoffMs = 2_000,
  maxBackoffMs = 120_000,
}: ConnectivityWatcherOptions): ConnectivityWatcher {
  const listeners = new Set<(event: ConnectivityEvent) => void>();
  let state: ConnectivityState = 'unknown';
  let backoffMs = initialBackoffMs;
  let timer: unknown;
  let running = false;
  let unsubscribe: (() => void) | undefined;
  let inFlight: Promise<ConnectivityState> | undefined;
  // A wake-up seen while a probe runs still deserves its own probe and its `resumed` event.
  let resumePending = false;

  function emit(event: ConnectivityEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.warn('connectivity listener failed:', error);
      }
    }
  }

  function schedule(ms: number) {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = running ? timers.setTimeout(() => void check(), ms) : undefined;
  }

  async function probeOnce(afterResume: boolean): Promise<ConnectivityState> {
    const reachable = await probe().catch(() => false);
    if (reachable) {
      const wasOnline = state === 'online';
      state = 'online';
      backoffMs = initialBackoffMs;
      if (!wasOnline) emit('online');
      else if (afterResume) emit('resumed');
      schedule(onlineIntervalMs);
    } else {
      if (state !== 'offline') {
        state = 'offline';
        backoffMs = initialBackoffMs;
        emit('offline');
      } else {
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      }
      schedule(backoffMs);
    }
    return state;
  }

  function check(afterResume = false): Promise<ConnectivityState> {
    if (inFlight) {
      if (afterResume) resumePending = true;
      return inFlight;
    }
    inFlight = probeOnce(afterResume).finally(() => {
      inFlight = undefined;
      if (resumePending) {
        resumePending = false;
        void check(true);
      }
    });
    return inFlight;
  }

  return {
    get state() {
      return state;
    },
    start() {
      if (running) return;
      running = true;
      unsubscribe = onlineEvents?.subscribe((hint) => void check(hint === 'resume'));
      void check();
    },
    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = undefined;
      schedule(0);
    },
    check: (options) => check(options?.announce ?? false),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
