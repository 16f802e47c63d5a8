import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from './activity-fields';
import {
  EVENT_GRACE,
  REMINDER_AHEAD,
  REMINDER_LOOKBACK,
  REMINDER_REREAD,
  placeReminder,
  planReminders,
  reminderPresets,
  rememberFired,
  reminderKey,
  reminderWindows,
  wakeDelay,
  windowCovers,
  type FiredReminders,
  type ReminderCandidate,
} from './activity-reminders';

const T0 = Date.UTC(2026, 10, 27, 12);
const task = (id: string, reminderAt: number, extra: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id,
  type: 'task',
  summary: `Tarefa ${id}`,
  taskState: 'open',
  reminderAt,
  dueAt: reminderAt + HOUR,
  at: reminderAt + HOUR,
  accountId: '',
  ...extra,
});
const meeting = (id: string, at: number, reminderAt = at - 30 * MINUTE, extra: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id,
  type: 'meeting',
  summary: `Reunião ${id}`,
  taskState: 'none',
  reminderAt,
  dueAt: 0,
  at,
  accountId: '',
  ...extra,
});

/** A fake clock driving the scheduler loop the way the app does: plan, notify, remember, sleep until nextAt. */
function runClock(tasks: ReminderCandidate[], from: number, until: number, fired: FiredReminders = {}) {
  const notified: { at: number; ids: string[] }[] = [];
  let now = from;
  for (let guard = 0; guard < 1000 && now <= until; guard++) {
    const plan = planReminders(tasks, fired, now);
    const ids = plan.summary ? [`summary:${plan.summary.count}`] : plan.fire.map((r) => r.id);
    if (ids.length) notified.push({ at: now, ids });
    fired = rememberFired(fired, plan.remember, now);
    now += wakeDelay(plan.nextAt, now);
  }
  return { notified, fired };
}

describe('reminder scheduling', () => {
  it('fires each reminder once, at its time, and sleeps until the next one', () => {
    const tasks = [task('a', T0 + 10 * MINUTE), task('b', T0 + 2 * HOUR)];
    const first = planReminders(tasks, {}, T0);
    expect(first.fire).toEqual([]);
    expect(first.nextAt).toBe(T0 + 10 * MINUTE);
    expect(wakeDelay(first.nextAt, T0)).toBe(60_000); // capped: a sleeping laptop is noticed within a minute
    expect(wakeDelay(first.nextAt, T0 + 9.5 * MINUTE)).toBe(30_000);

    const { notified } = runClock(tasks, T0, T0 + 3 * HOUR);
    expect(notified).toEqual([
      { at: T0 + 10 * MINUTE, ids: ['a'] },
      { at: T0 + 2 * HOUR, ids: ['b'] },
    ]);
  });

  it('fires missed reminders once at startup and never again', () => {
    const tasks = [task('a', T0 - 3 * HOUR), task('b', T0 - HOUR)];
    const startup = planReminders(tasks, {}, T0);
    expect(startup.fire.map((r) => r.id)).toEqual(['a', 'b']);
    const fired = rememberFired({}, startup.remember, T0);
    expect(planReminders(tasks, fired, T0 + MINUTE).fire).toEqual([]);
    // A restart reads the same remembered set.
    expect(planReminders(tasks, JSON.parse(JSON.stringify(fired)), T0 + DAY).fire).toEqual([]);
  });

  it('fires again when the reminder is moved, not when the task is done', () => {
    const fired = rememberFired({}, [reminderKey(task('a', T0 - HOUR))], T0);
    expect(planReminders([task('a', T0 - 10 * MINUTE)], fired, T0).fire.map((r) => r.id)).toEqual(['a']);
    expect(planReminders([task('d', T0 - HOUR, { taskState: 'done' })], {}, T0).fire).toEqual([]);
    expect(planReminders([task('z', 0)], {}, T0)).toMatchObject({ fire: [], nextAt: null });
  });

  it("fires a meeting's (visit's, call's) reminder at its time, like a task's", () => {
    const m = meeting('m', T0 + HOUR);
    const { notified } = runClock(
      [m, meeting('v', T0 + 3 * HOUR, T0 + 2 * HOUR, { type: 'visit' }), meeting('c', T0 + 5 * HOUR, T0 + 4 * HOUR, { type: 'call' })],
      T0,
      T0 + 6 * HOUR,
    );
    expect(notified).toEqual([
      { at: T0 + 30 * MINUTE, ids: ['m'] },
      { at: T0 + 2 * HOUR, ids: ['v'] },
      { at: T0 + 4 * HOUR, ids: ['c'] },
    ]);
    expect(planReminders([meeting('done', T0, T0 - MINUTE, { taskState: 'done' })], {}, T0).fire).toEqual([]);
  });

  it('drops a missed reminder before a meeting that is over, but keeps one set for after it', () => {
    const over = meeting('over', T0 - EVENT_GRACE - MINUTE);
    const started = meeting('started', T0 - 10 * MINUTE);
    const after = meeting('after', T0 - 3 * HOUR, T0 - MINUTE); // "write the minutes" an hour after
    const plan = planReminders([over, started, after], {}, T0);
    expect(plan.fire.map((r) => r.id)).toEqual(['started', 'after']);
    expect(plan.remember).toContain(reminderKey(over));
  });

  it('turns many missed reminders into one summary and drops stale ones silently', () => {
    const tasks = [task('old', T0 - 30 * DAY), ...['a', 'b', 'c', 'd'].map((id, i) => task(id, T0 - (i + 1) * HOUR))];
    const plan = planReminders(tasks, {}, T0);
    expect(plan.fire).toEqual([]);
    expect(plan.summary).toMatchObject({ count: 4, latest: { id: 'a' }, titles: ['Tarefa a', 'Tarefa b', 'Tarefa c'] });
    expect(plan.remember.sort()).toEqual(tasks.map(reminderKey).sort());
  });

  it('holds a second wave of missed reminders right after a summary and gathers it into one later notice', () => {
    const wave1 = ['a', 'b', 'c', 'd'].map((id, i) => task(id, T0 - (i + 1) * HOUR));
    const first = planReminders(wave1, {}, T0);
    expect(first.summary?.count).toBe(4);
    const fired = rememberFired({}, first.remember, T0);
    const wave2 = [...wave1, ...['e', 'f', 'g', 'h'].map((id, i) => task(id, T0 - (i + 1) * HOUR))];
    const held = planReminders(wave2, fired, T0 + 5_000, { lastSummaryAt: T0 });
    expect(held).toMatchObject({ fire: [], summary: null, remember: [], nextAt: T0 + 60_000 });
    const later = planReminders(wave2, fired, T0 + 60_000, { lastSummaryAt: T0 });
    expect(later.summary?.count).toBe(4);
  });

  it('forgets remembered reminders after a month so localStorage stays small', () => {
    const fired = rememberFired({ 'x@1': T0 - 40 * DAY, 'y@2': T0 - DAY }, ['z@' + T0], T0);
    expect(Object.keys(fired).sort()).toEqual(['y@2', `z@${T0}`]);
  });
});

describe('what the reminder scheduler reads', () => {
  it('reads open tasks due from a week ago and other activities from a little ago, both up to two days ahead', () => {
    expect(reminderWindows(T0)).toEqual({
      tasks: { from: T0 - REMINDER_LOOKBACK, to: T0 + REMINDER_AHEAD },
      others: { from: T0 - EVENT_GRACE, to: T0 + REMINDER_AHEAD },
    });
  });

  it('knows which reminders the periodic window reads load in time, and which it must keep itself', () => {
    expect(windowCovers(task('a', T0))).toBe(true); // an hour before due
    expect(windowCovers(meeting('m', T0 + DAY, T0))).toBe(true); // the day before
    expect(windowCovers(meeting('m', T0 + REMINDER_AHEAD - REMINDER_REREAD, T0))).toBe(true);
    expect(windowCovers(meeting('m', T0 + REMINDER_AHEAD - REMINDER_REREAD + MINUTE, T0))).toBe(false); // a week ahead
    expect(windowCovers(task('t', T0, { dueAt: T0 + 30 * DAY }))).toBe(false);
    expect(windowCovers(task('t', T0, { dueAt: T0 - 6 * DAY }))).toBe(true); // an overdue task reminded again
    expect(windowCovers(task('t', T0, { dueAt: T0 - 8 * DAY }))).toBe(false);
    expect(windowCovers(meeting('after', T0 - DAY, T0))).toBe(false);

    // Every covered reminder is in some read at or before its time, whatever the phase of the reads.
    for (const r of [
      task('a', T0),
      task('b', T0, { dueAt: T0 + REMINDER_AHEAD - REMINDER_REREAD }),
      task('c', T0, { dueAt: T0 - REMINDER_LOOKBACK }),
      meeting('m', T0 + REMINDER_AHEAD - REMINDER_REREAD, T0),
      meeting('n', T0 - EVENT_GRACE, T0),
    ]) {
      expect(windowCovers(r)).toBe(true);
      for (let phase = 0; phase < REMINDER_REREAD; phase += REMINDER_REREAD / 7) {
        const lastRead = r.reminderAt - phase;
        const w = reminderWindows(lastRead)[r.type === 'task' ? 'tasks' : 'others'];
        const event = r.type === 'task' ? r.dueAt : r.at;
        expect(event >= w.from && event <= w.to).toBe(true);
      }
    }
  });

  it('places what it reads or sees change: watched, left to a later read, kept across restarts, deferred or dropped', () => {
    const now = T0;
    const live = { now, live: true, updatedAt: now, startedAt: now - HOUR };
    expect(placeReminder(meeting('soon', now + HOUR), live)).toEqual({ place: 'pending', keep: false });
    expect(placeReminder(meeting('next week', now + 7 * DAY), live)).toEqual({ place: 'later', keep: false });
    expect(placeReminder(meeting('next week, reminded tomorrow', now + 7 * DAY, now + DAY), live)).toEqual({ place: 'pending', keep: true });
    expect(placeReminder(task('done', now + HOUR, { taskState: 'done' }), live)).toEqual({ place: 'drop', keep: false });
    expect(placeReminder(meeting('none', now + HOUR, 0), live)).toEqual({ place: 'drop', keep: false });
    // Synced or imported with a reminder already past: left to the next startup; typed now: at once.
    expect(placeReminder(task('old', now - MINUTE), { ...live, updatedAt: now - DAY })).toEqual({ place: 'defer', keep: false });
    expect(placeReminder(task('typed', now - MINUTE), live)).toEqual({ place: 'pending', keep: false });
    // What a read returns is watched.
    expect(placeReminder(meeting('read', now + 7 * DAY), { ...live, live: false })).toEqual({ place: 'pending', keep: false });
  });

  it('offers reminder shortcuts before an event, leaving out those already past', () => {
    expect(reminderPresets(T0 + 2 * DAY, T0).map((p) => [p.minutesBefore, p.at])).toEqual([
      [0, T0 + 2 * DAY],
      [15, T0 + 2 * DAY - 15 * MINUTE],
      [60, T0 + 2 * DAY - HOUR],
      [24 * 60, T0 + DAY],
    ]);
    expect(reminderPresets(T0 + 30 * MINUTE, T0).map((p) => p.minutesBefore)).toEqual([0, 15]);
    expect(reminderPresets(T0, T0 + 30_000).map((p) => p.minutesBefore)).toEqual([0]); // "now": at the time still makes sense
    expect(reminderPresets(0, T0)).toEqual([]);
  });
});
