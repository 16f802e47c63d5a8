import { INT_MAX, type Activity } from '../models';
import { DAY, HOUR, dayBounds } from './activity-fields';

/** Types that take the user somewhere at a set time: they make the day's agenda. */
export const AGENDA_TYPES: ReadonlySet<Activity['type']> = new Set(['meeting', 'visit', 'presentation']);

export interface MyDay {
  /** Today's meetings, visits and presentations, by time. */
  agenda: Activity[];
  /** Open tasks due today, by due time. */
  dueToday: Activity[];
  /** Open tasks due before today, most overdue first. */
  overdue: Activity[];
  /** Recent activities that asked for a follow-up nothing has answered yet, newest first. */
  followUps: Activity[];
}

export interface MyDayInput {
  /** Activities from `followUpDays` ago onwards (what the ['ownerId', 'at'] index serves), in any order. */
  recent: readonly Activity[];
  /** Open tasks due up to the end of today (the ['taskState', 'dueAt'] index), in any order. */
  openTasks: readonly Activity[];
  now: number;
  followUpDays?: number;
}

/** Where My day starts reading: the oldest activity a follow-up can come from. */
export const followUpSince = (now: number, days = 14) => now - days * DAY;
/** How far ahead an activity answers a follow-up (a meeting booked for next week does). */
export const FOLLOW_UP_AHEAD = 14 * DAY;

/** Newest first; the id breaks ties so every read lists the same way. */
export const newestFirst = (a: Activity, b: Activity) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Oldest first by a time field, then by id. */
export const oldestFirstBy = (field: 'at' | 'dueAt') => (a: Activity, b: Activity) => a[field] - b[field] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Splits the day's data into what My day shows. Pure: the page reads with indexes, this only sorts and filters. */
export function selectMyDay({ recent, openTasks, now, followUpDays = 14 }: MyDayInput): MyDay {
  const { start, end } = dayBounds(now);
  const agenda = recent.filter((a) => AGENDA_TYPES.has(a.type) && a.at >= start && a.at < end).sort(oldestFirstBy('at'));
  const open = openTasks.filter((t) => t.type === 'task' && t.taskState === 'open' && t.dueAt > 0 && t.dueAt < end);
  const dueToday = open.filter((t) => t.dueAt >= start).sort(oldestFirstBy('dueAt'));
  const overdue = open.filter((t) => t.dueAt < start).sort(oldestFirstBy('dueAt'));
  return { agenda, dueToday, overdue, followUps: selectFollowUps(recent, now, followUpDays) };
}

/**
 * Activities with outcome 'follow_up' in the last `days` days whose account has had no later
 * activity (a call back, a booked meeting, a task): the balls the user still has to pick up.
 * Activities without an account are compared with nothing and stay until answered on the same item.
 */
export function selectFollowUps(recent: readonly Activity[], now: number, days = 14): Activity[] {
  const since = followUpSince(now, days);
  const latestByAccount = new Map<string, number>();
  for (const a of recent) {
    if (!a.accountId) continue;
    const latest = latestByAccount.get(a.accountId);
    if (latest === undefined || a.at > latest) latestByAccount.set(a.accountId, a.at);
  }
  return recent
    .filter((a) => a.outcome === 'follow_up' && a.at >= since && a.at <= now)
    .filter((a) => !a.accountId || latestByAccount.get(a.accountId) === a.at)
    .sort(newestFirst);
}

/**
 * The time slices My day reads follow-ups in, newest first (the last `first` ms, then twice as much
 * each time, up to `days`): it stops as soon as it has the follow-ups it shows, so a busy team reads a
 * few hours, not two weeks. Each is `[from, to)`; together they cover `[followUpSince(now, days), now]` once.
 */
export function followUpSlices(now: number, days = 14, first = 2 * HOUR): { from: number; to: number }[] {
  const since = followUpSince(now, days);
  const slices: { from: number; to: number }[] = [];
  let to = now + 1; // `now` itself is in
  for (let edge = now, width = first; to > since; edge -= width, width *= 2) {
    const from = Math.max(since, edge - width);
    slices.push({ from, to });
    to = from;
  }
  return slices;
}

/**
 * The range of the ['accountId', 'atInv'] index holding what answers follow-up `a`: a later activity
 * on its account (up to `FOLLOW_UP_AHEAD` from now), as `atInv` bounds (both exclusive).
 */
export function answerRange(a: Pick<Activity, 'at'>, now: number): { atInvAbove: number; atInvBelow: number } {
  return { atInvAbove: INT_MAX - (now + FOLLOW_UP_AHEAD), atInvBelow: INT_MAX - a.at };
}

/**
 * Several sorted lists (one per owner, each read with `limit + 1`) merged into the first `limit`, and
 * how many more there are: exact when no list was cut at `limit + 1`, null ("at least one") otherwise.
 */
export function mergeCapped(
  lists: readonly (readonly Activity[])[],
  limit: number,
  order: (a: Activity, b: Activity) => number,
): { items: Activity[]; more: number | null } {
  const all = lists.flat().sort(order);
  const cut = lists.some((l) => l.length > limit);
  return { items: all.slice(0, limit), more: cut ? null : Math.max(0, all.length - limit) };
}
