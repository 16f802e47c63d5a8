import type { TFunction } from 'i18next';
import type { SyncProblem } from './sync-problems-store';

/** What makes a problem new: the document and kind, and for a quarantined one the server's revision. */
export function problemNoticeKey(problem: SyncProblem): string {
  return problem.kind === 'quarantined' ? `${problem.key} ${problem.rev}` : problem.key;
}

export interface ProblemNotice {
  title: string;
  body: string;
  /** The in-page notice's button (web mode), to the screen an OS notification's click opens. */
  action: string;
}

export interface SyncProblemNotifierOptions {
  store: { list(): Promise<SyncProblem[]>; subscribe(listener: () => void): () => void };
  /** Shows one OS notification whose click opens #/sync/problems. */
  notify(notice: ProblemNotice): Promise<unknown>;
  /** The translated text for this many new problems of each kind. */
  text(counts: { quarantined: number; rejected: number }): ProblemNotice;
}

/**
 * Tells the user, once, about sync problems only they can solve (documents the server refused,
 * documents quarantined on the way in). The problems there at start are known already (the
 * screen lists them); a retry that meets the same problem again says nothing; one notice covers
 * all the problems that appeared together. Returns the unsubscribe function.
 */
export function watchSyncProblems({ store, notify, text }: SyncProblemNotifierOptions): () => void {
  let seen: Set<string> | null = null;
  let stopped = false;
  let queue = Promise.resolve();
  const check = async () => {
    const problems = await store.list().catch(() => null);
    if (!problems || stopped) return;
    const keys = new Set(problems.map(problemNoticeKey));
    if (seen === null) {
      seen = keys;
      return;
    }
    const fresh = problems.filter((p) => !seen!.has(problemNoticeKey(p)));
    // Resolved problems are forgotten, so one that comes back is told again.
    seen = keys;
    if (fresh.length === 0) return;
    const counts = { quarantined: fresh.filter((p) => p.kind === 'quarantined').length, rejected: fresh.filter((p) => p.kind === 'rejected').length };
    await notify(text(counts)).catch(() => undefined);
  };
  const run = () => {
    queue = queue.then(check, check);
  };
  run();
  const unsubscribe = store.subscribe(run);
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** The notice's translated text: what kinds of problem appeared, and that a click shows them. */
export function syncProblemNoticeText(t: TFunction, counts: { quarantined: number; rejected: number }): ProblemNotice {
  const lines = [
    ...(counts.rejected ? [t('syncProblems.notice.rejected', { count: counts.rejected })] : []),
    ...(counts.quarantined ? [t('syncProblems.notice.quarantined', { count: counts.quarantined })] : []),
    t('syncProblems.notice.open'),
  ];
  return { title: t('syncProblems.notice.title'), body: lines.join('\n'), action: t('syncProblems.link') };
}

export interface RefusedSignInWatchOptions {
  /** Whether the server refuses this device's session now (the sync machine's `unauthorized`). */
  refused(): boolean;
  subscribe(listener: () => void): () => void;
  notify(): Promise<unknown>;
}

/**
 * Tells the user once each time the server starts refusing the session (a password changed, an
 * account disabled): only signing in again fixes it, and until then every change waits on this
 * computer. Already refused at start counts as new: nothing told them yet in this run.
 */
export function watchRefusedSignIn({ refused, subscribe, notify }: RefusedSignInWatchOptions): () => void {
  let was = false;
  const check = () => {
    const now = refused();
    if (now && !was) void notify().catch(() => undefined);
    was = now;
  };
  check();
  return subscribe(check);
}

/** The refused sign-in notice's translated text. */
export function refusedSignInNoticeText(t: TFunction): ProblemNotice {
  return { title: t('syncProblems.signIn.title'), body: t('syncProblems.signIn.body'), action: t('syncProblems.signIn.action') };
}
