/**
 * On quit, main asks the renderer for a last push (event `sync:flush`) and waits for its
 * `sync:flushed`, but never longer than `timeoutMs`: a hung renderer must not keep the app open.
 */
export interface QuitFlush {
  /** Called by the IPC event forwarding; returns an unsubscribe function. */
  onRequest(listener: (timeoutMs: number) => void): () => void;
  /** Asks and waits; 'none' when nobody listens (no window). */
  request(timeoutMs: number): Promise<'flushed' | 'timeout' | 'none'>;
  /** The renderer's answer. */
  acknowledge(): void;
}

export function createQuitFlush(): QuitFlush {
  const listeners = new Set<(timeoutMs: number) => void>();
  let waiting: (() => void) | undefined;
  return {
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request(timeoutMs) {
      if (listeners.size === 0) return Promise.resolve('none');
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        function finish(outcome: 'flushed' | 'timeout') {
          clearTimeout(timer);
          waiting = undefined;
          resolve(outcome);
        }
        waiting = () => finish('flushed');
        for (const listener of [...listeners]) {
          try {
            listener(timeoutMs);
          } catch (error) {
            console.warn('sync:flush listener failed:', error);
          }
        }
      });
    },
    acknowledge() {
      waiting?.();
    },
  };
}
