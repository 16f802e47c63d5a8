import type { RxChangeEvent } from 'rxdb';
import type { ChangeStream } from './source';

/**
 * What every live list shares: it follows one collection's change stream from `start()` to
 * `stop()`, and offers `subscribe` / `getSnapshot` for `useSyncExternalStore`. The two modes
 * (LiveRows: every row in memory; LiveWindow: a paged window) decide what a snapshot holds.
 */
export abstract class LiveList<Doc, Snapshot> {
  protected abstract snapshot: Snapshot;
  private readonly listeners = new Set<() => void>();
  private subscription: { unsubscribe(): void } | undefined;
  private started = false;
  protected stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly changes: ChangeStream<Doc>) {}

  getSnapshot = (): Snapshot => this.snapshot;

  /** Starts the list on its first listener. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  /** Follows the change stream and reads the first rows (once; nothing after `stop()`). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.subscription = this.changes.subscribe((event) => this.onChange(event));
    this.begin();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }

  protected abstract begin(): void;
  protected abstract onChange(event: RxChangeEvent<Doc>): void;

  protected emit(): void {
    if (this.stopped) return;
    for (const listener of this.listeners) listener();
  }

  /** Runs `task` `ms` after the first of a burst of calls (an import, a sync pull): once per burst. */
  protected once(ms: number, task: () => void): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) task();
    }, ms);
  }

  /** Runs `task` once the calls have stopped for `ms`. */
  protected quiet(ms: number, task: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) task();
    }, ms);
  }
}
