import type { Activity } from '../models';
import { DAY, dayBounds } from './activity-fields';

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

/** Splits the day's data into what My day shows. Pure: the page reads with indexes, this only sorts and filters. */
export function selectMyDay({ recent, openTasks, now, followUpDays = 14 }: MyDayInput): MyDay {
  const { start, end } = dayBounds(now);
  const agenda = recent.filter((a) => AGENDA_TYPES.has(a.type) && a.at >= start && a.at < end).sort((a, b) => a.at - b.at);
  const open = openTasks.filter((t) => t.type === 'task' && t.taskState === 'open' && t.dueAt > 0 && t.dueAt < end);
  const dueToday = open.filter((t) => t.dueAt >= start).sort((a, b) => a.dueAt - b.dueAt);
  const overdue = open.filter((t) => t.dueAt < start).sort((a, b) => a.dueAt - b.dueAt);
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
    .sort((a, b) => b.at - a.at);
}
