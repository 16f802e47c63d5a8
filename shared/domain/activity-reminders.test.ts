import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from './activity-fields';
import { planReminders, rememberFired, reminderKey, wakeDelay, type FiredReminders, type ReminderCandidate } from './activity-reminders';

const T0 = Date.UTC(2026, 10, 27, 12);
const task = (id: string, reminderAt: number, extra: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id, type: 'task', summary: `Tarefa ${id}`, taskState: 'open', reminderAt, dueAt: reminderAt + HOUR, accountId: '', ...extra,
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

  it('fires again when the reminder is moved, not when the task is done or not a task', () => {
    const fired = rememberFired({}, [reminderKey(task('a', T0 - HOUR))], T0);
    expect(planReminders([task('a', T0 - 10 * MINUTE)], fired, T0).fire.map((r) => r.id)).toEqual(['a']);
    expect(planReminders([task('d', T0 - HOUR, { taskState: 'done' })], {}, T0).fire).toEqual([]);
    expect(planReminders([task('m', T0 - HOUR, { type: 'meeting', taskState: 'none' })], {}, T0).fire).toEqual([]);
    expect(planReminders([task('z', 0)], {}, T0)).toMatchObject({ fire: [], nextAt: null });
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
