import type { Activity } from '../models';
import { DAY } from './activity-fields';

/** What the scheduler needs of a task to remind about it. */
export type ReminderCandidate = Pick<Activity, 'id' | 'type' | 'summary' | 'taskState' | 'reminderAt' | 'dueAt' | 'accountId'>;

/** The remembered reminders: key (`id@reminderAt`) → reminderAt, so a moved reminder fires again. */
export type FiredReminders = Record<string, number>;

export const reminderKey = (r: Pick<ReminderCandidate, 'id' | 'reminderAt'>) => `${r.id}@${r.reminderAt}`;

export interface ReminderOptions {
  /** Missed reminders older than this are dropped silently (the task is on My day as overdue anyway). */
  staleAfterMs?: number;
  /** More due reminders than this at once (after the app was closed) become one summary notice. */
  maxIndividual?: number;
  /** When the last summary notice was shown: another one waits `summaryGapMs` and gathers what came meanwhile. */
  lastSummaryAt?: number;
  summaryGapMs?: number;
}

export interface ReminderPlan {
  /** Notify each of these now (oldest first). */
  fire: ReminderCandidate[];
  /** When several were missed: one notice for all of them instead (count and the newest). */
  summary: { count: number; latest: ReminderCandidate; titles: string[] } | null;
  /** Keys to remember as fired (the notified ones and the stale ones dropped). */
  remember: string[];
  /** When to look again: the next future reminder, or null when none is pending. */
  nextAt: number | null;
}

/** Whether a task still wants its reminder: open, with a reminder time, not yet fired. */
export function wantsReminder(r: ReminderCandidate, fired: FiredReminders): boolean {
  return r.type === 'task' && r.taskState === 'open' && r.reminderAt > 0 && !(reminderKey(r) in fired);
}

/** Which reminders are due at `now`, which were missed too long ago to be useful, and the next wake-up. */
export function planReminders(candidates: Iterable<ReminderCandidate>, fired: FiredReminders, now: number, options: ReminderOptions = {}): ReminderPlan {
  const { staleAfterMs = 7 * DAY, maxIndividual = 3, lastSummaryAt = -Infinity, summaryGapMs = 60_000 } = options;
  const due: ReminderCandidate[] = [];
  const remember: string[] = [];
  let nextAt: number | null = null;
  for (const r of candidates) {
    if (!wantsReminder(r, fired)) continue;
    if (r.reminderAt > now) {
      if (nextAt === null || r.reminderAt < nextAt) nextAt = r.reminderAt;
    } else if (r.reminderAt < now - staleAfterMs) {
      remember.push(reminderKey(r));
    } else {
      due.push(r);
    }
  }
  due.sort((a, b) => a.reminderAt - b.reminderAt || a.id.localeCompare(b.id));
  if (due.length > maxIndividual && now < lastSummaryAt + summaryGapMs) {
    // A second wave right after a summary (a bulk import in batches): hold it and notify once.
    const wake = lastSummaryAt + summaryGapMs;
    return { fire: [], summary: null, remember, nextAt: nextAt === null ? wake : Math.min(nextAt, wake) };
  }
  remember.push(...due.map(reminderKey));
  if (due.length > maxIndividual) {
    return { fire: [], summary: { count: due.length, latest: due[due.length - 1]!, titles: due.slice(-maxIndividual).reverse().map((r) => r.summary) }, remember, nextAt };
  }
  return { fire: due, summary: null, remember, nextAt };
}

/** How long to sleep until `nextAt`: capped, so a suspended laptop or a changed clock is noticed within a minute. */
export function wakeDelay(nextAt: number | null, now: number, maxMs = 60_000): number {
  if (nextAt === null) return maxMs;
  return Math.max(0, Math.min(maxMs, nextAt - now));
}

/** The remembered set with entries added, and those too old to matter dropped (keeps localStorage small). */
export function rememberFired(fired: FiredReminders, keys: Iterable<string>, now: number, keepMs = 30 * DAY): FiredReminders {
  const next: FiredReminders = {};
  for (const [key, at] of Object.entries(fired)) if (at >= now - keepMs) next[key] = at;
  for (const key of keys) next[key] = Number(key.slice(key.lastIndexOf('@') + 1));
  return next;
}
