import { describe, expect, it } from 'vitest';
import { INT_MAX, activitySchema, type Activity } from '../models';
import { activityAtInv, dayBounds, defaultDueAt, dueAtPatch, newActivityFields } from './activity-fields';
import { createDoc } from './documents';

const at = (h: number, m = 0, day = 27) => new Date(2026, 10, day, h, m).getTime();

describe('activity fields', () => {
  it('inverts the time like the sample data, so ascending atInv lists newest first', () => {
    expect(activityAtInv(1_700_000_000_000)).toBe(INT_MAX - 1_700_000_000_000);
    const times = [at(9), at(15), at(11)];
    const newestFirst = [...times].sort((a, b) => activityAtInv(a) - activityAtInv(b));
    expect(newestFirst).toEqual([at(15), at(11), at(9)]);
  });

  it('builds a valid call with the quick-log defaults: now, no task, owner stamped', () => {
    const fields = newActivityFields({ type: 'call', summary: '  Ligação ', accountId: 'acc1' }, at(10), 'ana');
    expect(fields).toMatchObject({
      type: 'call',
      summary: 'Ligação',
      accountId: 'acc1',
      contactId: '',
      at: at(10),
      atInv: INT_MAX - at(10),
      taskState: 'none',
      dueAt: 0,
      reminderAt: 0,
      ownerId: 'ana',
    });
    expect(() => activitySchema.parse(createDoc<Activity>(fields, 'ana', at(10)))).not.toThrow();
  });

  it('makes a task open, due at its default time, with `at` following the due date', () => {
    const task = newActivityFields({ type: 'task', summary: 'Enviar proposta' }, at(10), 'ana');
    expect(task).toMatchObject({ taskState: 'open', dueAt: at(18), at: at(18), atInv: INT_MAX - at(18) });
    const explicit = newActivityFields({ type: 'task', summary: 'x', dueAt: at(9, 0, 30), reminderAt: at(8, 0, 30) }, at(10), 'ana');
    expect(explicit).toMatchObject({ dueAt: at(9, 0, 30), reminderAt: at(8, 0, 30) });
    expect(dueAtPatch(at(12))).toEqual({ dueAt: at(12), at: at(12), atInv: INT_MAX - at(12) });
  });

  it('defaults a task to today 18:00, or tomorrow 09:00 late in the day', () => {
    expect(defaultDueAt(at(8))).toBe(at(18));
    expect(defaultDueAt(at(17, 45))).toBe(at(9, 0, 28));
    expect(defaultDueAt(at(23, 30))).toBe(at(9, 0, 28));
  });

  it('bounds the local day', () => {
    expect(dayBounds(at(13, 37))).toEqual({ start: at(0), end: at(0, 0, 28) });
  });
});
