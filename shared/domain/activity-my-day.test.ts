import { describe, expect, it } from 'vitest';
import type { Activity } from '../models';
import { newActivityFields } from './activity-fields';
import { INT_MAX } from '../models';
import { DAY, HOUR } from './activity-fields';
import {
  FOLLOW_UP_AHEAD,
  answerRange,
  followUpSince,
  followUpSlices,
  mergeCapped,
  newestFirst,
  oldestFirstBy,
  selectFollowUps,
  selectMyDay,
} from './activity-my-day';

const at = (day: number, h: number) => new Date(2026, 10, day, h).getTime();
const NOW = at(27, 10);
let n = 0;
function act(fields: Partial<Activity> & Pick<Activity, 'type'>): Activity {
  const base = newActivityFields({ type: fields.type, summary: fields.summary ?? fields.type, dueAt: fields.dueAt }, NOW, 'ana');
  return { ...base, id: `id${++n}`, createdAt: NOW, updatedAt: NOW, updatedBy: 'ana', fieldTimes: {}, ...fields };
}

describe('My day', () => {
  it("lists today's meetings and visits by time, not yesterday's or tomorrow's, nor calls", () => {
    const recent = [
      act({ type: 'visit', summary: 'visita 15h', at: at(27, 15) }),
      act({ type: 'meeting', summary: 'reunião 9h', at: at(27, 9) }),
      act({ type: 'meeting', summary: 'ontem', at: at(26, 15) }),
      act({ type: 'meeting', summary: 'amanhã', at: at(28, 9) }),
      act({ type: 'call', summary: 'ligação', at: at(27, 11) }),
    ];
    expect(selectMyDay({ recent, openTasks: [], now: NOW }).agenda.map((a) => a.summary)).toEqual(['reunião 9h', 'visita 15h']);
  });

  it('splits open tasks into due today and overdue, leaving later and done ones out', () => {
    const openTasks = [
      act({ type: 'task', summary: 'hoje 17h', dueAt: at(27, 17) }),
      act({ type: 'task', summary: 'hoje 8h', dueAt: at(27, 8) }),
      act({ type: 'task', summary: 'semana passada', dueAt: at(20, 9) }),
      act({ type: 'task', summary: 'ontem', dueAt: at(26, 9) }),
      act({ type: 'task', summary: 'amanhã', dueAt: at(28, 9) }),
      act({ type: 'task', summary: 'feita', dueAt: at(26, 9), taskState: 'done' }),
    ];
    const day = selectMyDay({ recent: [], openTasks, now: NOW });
    expect(day.dueToday.map((t) => t.summary)).toEqual(['hoje 8h', 'hoje 17h']);
    expect(day.overdue.map((t) => t.summary)).toEqual(['semana passada', 'ontem']);
  });

  it('keeps follow-ups no later activity on the account answered, within 14 days', () => {
    const recent = [
      act({ type: 'call', summary: 'pendente', accountId: 'A', outcome: 'follow_up', at: at(25, 10) }),
      act({ type: 'email', summary: 'anterior em A', accountId: 'A', at: at(24, 10) }),
      act({ type: 'call', summary: 'respondido', accountId: 'B', outcome: 'follow_up', at: at(20, 10) }),
      act({ type: 'meeting', summary: 'reunião marcada em B', accountId: 'B', at: at(30, 10) }),
      act({ type: 'call', summary: 'velho', accountId: 'C', outcome: 'follow_up', at: at(1, 10) }),
      act({ type: 'visit', summary: 'sem conta', outcome: 'follow_up', at: at(26, 10) }),
      act({ type: 'call', summary: 'positivo', accountId: 'D', outcome: 'positive', at: at(26, 10) }),
    ];
    expect(selectFollowUps(recent, NOW).map((a) => a.summary)).toEqual(['sem conta', 'pendente']);
  });
});

describe('reading My day in small pieces', () => {
  it('reads follow-ups newest first in slices that cover the 14 days once', () => {
    const slices = followUpSlices(NOW);
    expect(slices[0]).toEqual({ from: NOW - 2 * HOUR, to: NOW + 1 });
    for (let i = 1; i < slices.length; i++) {
      expect(slices[i]!.to).toBe(slices[i - 1]!.from);
      expect(slices[i]!.to - slices[i]!.from).toBeLessThanOrEqual(2 * (slices[i - 1]!.to - slices[i - 1]!.from));
    }
    expect(slices.at(-1)!.from).toBe(followUpSince(NOW));
    expect(slices.length).toBe(8); // 2 + 4 + … + 128 hours, and the rest of the 14 days
    expect(followUpSlices(NOW, 1, DAY)).toEqual([{ from: NOW - DAY, to: NOW + 1 }]);
  });

  it('asks the account index for a later activity, up to two weeks ahead', () => {
    const a = act({ type: 'call', at: at(25, 10), accountId: 'A' });
    const { atInvAbove, atInvBelow } = answerRange(a, NOW);
    const answers = (when: number) => INT_MAX - when > atInvAbove && INT_MAX - when < atInvBelow;
    expect(answers(a.at)).toBe(false);
    expect(answers(a.at + 1)).toBe(true);
    expect(answers(NOW + FOLLOW_UP_AHEAD - 1)).toBe(true);
    expect(answers(NOW + FOLLOW_UP_AHEAD)).toBe(false);
  });

  it('merges per-owner lists read with limit + 1 and says how many more there are', () => {
    const list = (owner: string, hours: number[]) => hours.map((h) => act({ type: 'meeting', summary: `${owner}${h}`, at: at(27, h), ownerId: owner }));
    const exact = mergeCapped([list('a', [9, 11]), list('b', [10, 12])], 3, oldestFirstBy('at'));
    expect(exact.items.map((x) => x.summary)).toEqual(['a9', 'b10', 'a11']);
    expect(exact.more).toBe(1);
    // One owner's list came back full (limit + 1): there are more, how many is not known.
    const cut = mergeCapped([list('a', [9, 11, 13, 15]), list('b', [10])], 3, oldestFirstBy('at'));
    expect(cut.items.map((x) => x.summary)).toEqual(['a9', 'b10', 'a11']);
    expect(cut.more).toBeNull();
    expect(mergeCapped([list('a', [9])], 3, oldestFirstBy('at')).more).toBe(0);
  });

  it('orders ties by id so every read lists the same way', () => {
    const x = act({ type: 'call', at: at(26, 9) });
    const y = act({ type: 'call', at: at(26, 9) });
    expect([y, x].sort(newestFirst)).toEqual([x, y].sort(newestFirst));
  });
});
