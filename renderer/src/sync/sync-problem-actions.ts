/** What the sync problems screen can do about a rejected change, for the replication that owns it. */
export interface ProblemActions {
  /** Sends the device's current version again; resolves with the server's answer. */
  retry(docId: string): Promise<RetryOutcome>;
  /** Drops the local change: the device takes the server's version (or loses a document the server never had). */
  discard(docId: string): Promise<void>;
}

export type RetryOutcome = { ok: true } | { ok: false; status: number; reason: string };

const registry = new Map<string, ProblemActions>();

/**
 * Each running replication registers the actions for its database (scope = its URL); the screen
 * finds them by an entry's scope. Returns the unregister, called when replication stops.
 */
export function registerProblemActions(scope: string, actions: ProblemActions): () => void {
  registry.set(scope, actions);
  return () => {
    if (registry.get(scope) === actions) registry.delete(scope);
  };
}

/** The actions for a database, or undefined while its replication is not running. */
export function problemActions(scope: string): ProblemActions | undefined {
  return registry.get(scope);
}
