import type { Activity } from '../models';
import { DAY, HOUR } from './activity-fields';

/** What the scheduler needs of an activity (a task, a meeting, a call…) to remind about it. */
export type ReminderCandidate = Pick<Activity, 'id' | 'type' | 'summary' | 'taskState' | 'reminderAt' | 'dueAt' | 'at' | 'accountId'>;

/** Missed reminders older than this are dropped silently; the scheduler reads open tasks due this far back. */
export const REMINDER_LOOKBACK = 7 * DAY;
/** A missed reminder before a meeting (visit, call…) is dropped once the meeting began this long ago; the scheduler reads other activities from this far back. */
export const EVENT_GRACE = 2 * HOUR;
/** The scheduler reads what happens up to this far ahead… */
export const REMINDER_AHEAD = 2 * DAY;
/** …and reads again this often, so every reminder up to `REMINDER_AHEAD - REMINDER_REREAD` before its event is loaded in time. */
export const REMINDER_REREAD = 6 * HOUR;

/** When what the reminder is about happens: a task's due date, any other activity's time. */
export const reminderEventAt = (r: Pick<ReminderCandidate, 'type' | 'dueAt' | 'at'>): number => (r.type === 'task' ? r.dueAt : r.at);

/** How far back (by event time) the scheduler reads: open tasks a week (overdue ones still want their reminder), the rest a little. */
const readsBack = (type: Activity['type']) => (type === 'task' ? REMINDER_LOOKBACK : EVENT_GRACE);

/**
 * The event-time ranges the scheduler reads at `now` with the indexes there are (none on `reminderAt`):
 * open tasks by due date (['taskState', 'dueAt']) and every other activity by time (['ownerId', 'at']).
 */
export function reminderWindows(now: number): { tasks: { from: number; to: number }; others: { from: number; to: number } } {
  return {
    tasks: { from: now - REMINDER_LOOKBACK, to: now + REMINDER_AHEAD },
    others: { from: now - EVENT_GRACE, to: now + REMINDER_AHEAD },
  };
}

/**
 * Whether reading `reminderWindows` every `REMINDER_REREAD` is sure to load this reminder before it is
 * due: its event lies between `readsBack` before the reminder and `REMINDER_AHEAD - REMINDER_REREAD`
 * after it. Reminders set further from their event (a task due in a month with a reminder next week)
 * are not, and the scheduler keeps them itself.
 */
export function windowCovers(r: Pick<ReminderCandidate, 'type' | 'dueAt' | 'at' | 'reminderAt'>): boolean {
  const event = reminderEventAt(r);
  return event > 0 && event >= r.reminderAt - readsBack(r.type) && event <= r.reminderAt + REMINDER_AHEAD - REMINDER_REREAD;
}

/** The remembered reminders: key (`id@reminderAt`) → reminderAt, so a moved reminder fires again. */
export type FiredReminders = Record<string, number>;

export const reminderKey = (r: Pick<ReminderCandidate, 'id' | 'reminderAt'>) => `${r.id}@${r.reminderAt}`;

export interface ReminderOptions {
  /** Missed reminders older than this are dropped silently (the task is on My day as overdue anyway). */
  staleAfterMs?: number;
  /** A missed reminder before a meeting (not a task) is dropped silently once the meeting began this long ago. */
  eventGraceMs?: number;
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

/**
 * Whether an activity still wants its reminder: a reminder time, not yet fired, and not finished — a
 * task while open, any other activity (meeting, visit, call…) unless marked done.
 */
export function wantsReminder(r: ReminderCandidate, fired: FiredReminders): boolean {
  if (!(r.reminderAt > 0) || reminderKey(r) in fired) return false;
  return r.type === 'task' ? r.taskState === 'open' : r.taskState !== 'done';
}

/** A reminder set before a meeting (visit, call…) that began more than `graceMs` ago: too late to be of use. */
export const eventIsOver = (r: ReminderCandidate, now: number, graceMs = EVENT_GRACE): boolean =>
  r.type !== 'task' && r.at > 0 && r.reminderAt <= r.at && r.at < now - graceMs;

/** The reminder shortcuts offered for an event: minutes before it (0: at the time). */
export const REMINDER_PRESETS_MIN = [0, 15, 60, 24 * 60] as const;

/** The shortcuts for an event at `eventAt` that are not already past at `now` (a minute of slack for "at the time"). */
export function reminderPresets(eventAt: number, now: number): { minutesBefore: number; at: number }[] {
  if (!(eventAt > 0)) return [];
  return REMINDER_PRESETS_MIN.map((m) => ({ minutesBefore: m, at: eventAt - m * 60_000 })).filter((p) => p.at >= now - 60_000);
}

/** What the scheduler does with an activity it read or saw change. */
export interface ReminderPlacement {
  /** drop: no reminder wanted; defer: left to the next startup; pending: watch it now; later: a later window read loads it in time. */
  place: 'drop' | 'defer' | 'pending' | 'later';
  /** Keep its id across restarts (the window reads would not find it in time). */
  keep: boolean;
}

/**
 * Where an activity goes: `live` when it came through the change stream (written or synced while the
 * app runs), `startedAt` when this session began. Old documents arriving with a reminder already past
 * (sample data, a team's first sync) are deferred to the next startup instead of interrupting now;
 * this session's edits count at once.
 */
export function placeReminder(
  r: ReminderCandidate,
  { now, live, updatedAt, startedAt }: { now: number; live: boolean; updatedAt: number; startedAt: number },
): ReminderPlacement {
  if (!wantsReminder(r, {})) return { place: 'drop', keep: false };
  const keep = !windowCovers(r);
  if (live && r.reminderAt <= now && updatedAt < startedAt) return { place: 'defer', keep };
  if (live && !keep && r.reminderAt > now + REMINDER_AHEAD) return { place: 'later', keep };
  return { place: 'pending', keep };
}

/** Which reminders are due at `now`, which were missed too long ago to be useful, and the next wake-up. */
export function planReminders(candidates: Iterable<ReminderCandidate>, fired: FiredReminders, now: number, options: ReminderOptions = {}): ReminderPlan {
  const { staleAfterMs = REMINDER_LOOKBACK, eventGraceMs = EVENT_GRACE, maxIndividual = 3, lastSummaryAt = -Infinity, summaryGapMs = 60_000 } = options;
  const due: ReminderCandidate[] = [];
  const remember: string[] = [];
  let nextAt: number | null = null;
  for (const r of candidates) {
    if (!wantsReminder(r, fired)) continue;
    if (r.reminderAt > now) {
      if (nextAt === null || r.reminderAt < nextAt) nextAt = r.reminderAt;
    } else if (r.reminderAt < now - staleAfterMs || eventIsOver(r, now, eventGraceMs)) {
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
    return {
      fire: [],
      summary: {
        count: due.length,
        latest: due[due.length - 1]!,
        titles: due
          .slice(-maxIndividual)
          .reverse()
          .map((r) => r.summary),
      },
      remember,
      nextAt,
    };
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
