import type { SyncErrorReason } from '@shared/domain/sync-state';

/**
 * How replication errors are told apart: which of RxDB's retry loops an error came from (each has
 * its own backoff), how long that loop waits next, and what the user is told went wrong. Split from
 * replication.ts, which only counts the failures and reports the reason.
 */

/** What a request was for: each has its own backoff, so a burst of errors in one does not slow the others. */
export type Channel = 'pull' | 'push' | 'live';

/** The live feed's backoff stops growing at this step (8 s with the default delays). */
export const LIVE_MAX_STEP = 4;

/** Which retry loop an error of RxDB's replication comes from (the others do not wait). */
export function channelOf(error: unknown): Channel | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'RC_PULL') return 'pull';
  if (code === 'RC_STREAM') return 'live';
  if (code === 'RC_PUSH' || code === 'RC_PUSH_NO_AR') return 'push';
  return null;
}

/**
 * The backoff step for the n-th failure in a row of a channel. The live feed's wait cannot be cut
 * short on reconnect (RxDB sleeps it out), so it stays short: after a long outage, others' changes
 * flow again within seconds, not a minute.
 */
export function retryStep(channel: Channel, failures: number): number {
  return channel === 'live' ? Math.min(failures, LIVE_MAX_STEP) : failures;
}

/**
 * Why a request failed, from the HTTP status of that request only (0 when none answered: a
 * network failure after an earlier 401 is not "unauthorized") and the error RxDB reported.
 */
export function classifyError(status: number, error: unknown): SyncErrorReason | 'unauthorized' {
  if (status === 401) return 'unauthorized';
  if (status >= 500) return 'server_error';
  if (status === 403) return 'forbidden';
  const text = String((error as Error)?.message ?? error);
  if (/timeout/i.test(text)) return 'timeout';
  if (/fetch|network|ECONN|unreachable|socket/i.test(text) || status === 0) return 'unreachable';
  return 'unknown';
}

/** What a database's first answer says about replicating it: its size, or why it cannot be. */
export function classifyDatabaseAnswer(status: number): SyncErrorReason | null {
  if (status === 404) return 'missing_database';
  if (status === 401 || status === 403) return 'forbidden';
  if (status < 200 || status >= 300) return 'server_error';
  return null;
}

/** The error's text as the sync log keeps it (bounded). */
export function errorDetail(error: unknown): string {
  return String((error as { message?: unknown } | null)?.message ?? error).slice(0, 300);
}
