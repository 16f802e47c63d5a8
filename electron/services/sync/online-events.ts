import type { OnlineEvents, OnlineHint, Timers } from './connectivity-watcher';

/**
 * Electron's main process has `net.isOnline()` but no online/offline event, so poll the flag
 * (cheap: no I/O) and report flips.
 */
export function pollOnlineFlag({
  isOnline,
  intervalMs = 5_000,
  timers,
}: {
  isOnline: () => boolean;
  intervalMs?: number;
  timers?: Pick<Timers, 'setTimeout' | 'clearTimeout'>;
}): OnlineEvents {
  return {
    subscribe(listener) {
      let last = isOnline();
      let timer: unknown;
      const set = timers?.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms).unref());
      const clear = timers?.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
      const tick = () => {
        const now = isOnline();
        if (now !== last) listener(now ? 'online' : 'offline');
        last = now;
        timer = set(tick, intervalMs);
      };
      timer = set(tick, intervalMs);
      return () => clear(timer);
    },
  };
}

/** The part of an EventEmitter (powerMonitor) that `fromEmitter` uses. */
export interface EmitterLike {
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/** Turns an emitter's event (powerMonitor 'resume') into an OnlineHint. */
export function fromEmitter(emitter: EmitterLike, event: string, hint: OnlineHint): OnlineEvents {
  return {
    subscribe(listener) {
      const forward = () => listener(hint);
      emitter.on(event, forward);
      return () => void emitter.removeListener(event, forward);
    },
  };
}

export function mergeOnlineEvents(...sources: OnlineEvents[]): OnlineEvents {
  return {
    subscribe(listener) {
      const unsubscribers = sources.map((source) => source.subscribe(listener));
      return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    },
  };
}
