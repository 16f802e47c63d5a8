import { INT_MAX, type Activity } from '../models';
import { DAY, HOUR, MINUTE, businessTime, startOfDay } from './dates';
import { meetingNotes, shortBody, SUMMARIES, TOPICS } from './activity-texts';
import { stampDoc } from './context';
import { contactFirstName } from './contacts';
import { contactOf } from './plan';
import { weightedPicker, type Random } from './random';
import { sampleDocId } from './marker';
import type { World } from './world';

const pickType = weightedPicker(
  ['call', 'email', 'meeting', 'visit', 'chat', 'task', 'note', 'presentation', 'letter'] as const,
  [25, 22, 10, 8, 10, 18, 4, 2, 1],
);
const DURATION: Partial<Record<Activity['type'], readonly [number, number]>> = {
  call: [2, 30],
  meeting: [30, 120],
  visit: [45, 180],
  presentation: [30, 90],
  chat: [0, 10],
};
const SCHEDULED = new Set<Activity['type']>(['meeting', 'visit', 'presentation', 'call']);

/** When a task is due, relative to now: overdue, today or ahead, as a real task list looks. */
function taskTiming(random: Random, now: number): { dueAt: number; state: Activity['taskState'] } {
  if (random.chance(0.5)) return { dueAt: businessTime(now - random.between(1, 365) * DAY, random.next()), state: 'done' };
  const r = random.next();
  if (r < 0.3) return { dueAt: businessTime(now - random.between(1, 20) * DAY, random.next()), state: 'open' };
  if (r < 0.45) return { dueAt: startOfDay(now) + random.between(8, 18) * HOUR, state: 'open' };
  return { dueAt: businessTime(now + random.between(1, 30) * DAY, random.next()), state: 'open' };
}

function fill(template: string, first: string, city: string, random: Random): string {
  return template.replace('{first}', first).replace('{topic}', random.pick(TOPICS)).replace('{city}', city);
}

/** Activity `index`: a third tied to a deal (and so to its account), the rest to an account of the base. */
export function activityAt(world: World, index: number): Activity {
  const { ctx, plan } = world;
  const { now } = ctx;
  const random = ctx.random('activity', index);
  const deals = ctx.counts.deals;
  const d = deals > 0 && random.chance(0.3) ? random.int(deals) : -1;
  const a =
    ctx.counts.accounts === 0
      ? -1
      : d >= 0
        ? plan.dealAccount[d]!
        : random.chance(0.6)
          ? plan.buyingAccounts[random.int(plan.buyingAccounts.length)]!
          : random.int(ctx.counts.accounts);
  const account = a >= 0 ? world.account(a) : null;
  const c = random.chance(0.8) ? contactOf(plan, a, random) : -1;
  const ownerId = account?.ownerId ?? ctx.owner(index);
  const type = pickType(random);

  let at: number;
  let createdAt: number;
  let taskState: Activity['taskState'] = 'none';
  let dueAt = 0;
  let reminderAt = 0;
  if (type === 'task') {
    const timing = taskTiming(random, now);
    taskState = timing.state;
    at = dueAt = timing.dueAt;
    createdAt = Math.min(now, dueAt - random.between(1, 14) * DAY);
    if (taskState === 'open' && random.chance(0.6)) reminderAt = dueAt - HOUR;
  } else if (SCHEDULED.has(type) && random.chance(0.12)) {
    // Booked ahead: the next three weeks of meetings and visits.
    at = businessTime(now + random.between(1, 21) * DAY, random.next());
    createdAt = now - random.between(0, 10) * DAY - random.int(DAY);
    reminderAt = at - 30 * MINUTE;
  } else {
    const since = account ? Math.max(account.createdAt, now - 730 * DAY) : now - 730 * DAY;
    at = businessTime(since + (now - since) * random.next() ** 0.7, random.next());
    if (at > now) at -= DAY;
    createdAt = at + random.int(2 * HOUR);
    if (createdAt > now) createdAt = now;
  }

  const first = c >= 0 ? contactFirstName(world, c) : 'cliente';
  const summary = fill(random.pick(SUMMARIES[type]!), first, account?.city?.name ?? account?.ptCity?.name ?? '', random);
  const body =
    type === 'meeting' || type === 'visit' || type === 'presentation'
      ? meetingNotes(random, [ownerId, account ? `${first} (${account.tradeName})` : first])
      : type === 'task'
        ? ''
        : shortBody(random);
  const [min, max] = DURATION[type] ?? [0, 0];
  const past = at <= now;
  const outcome: Activity['outcome'] =
    !past || type === 'task' || type === 'note'
      ? ''
      : type === 'call' && random.chance(0.2)
        ? 'no_answer'
        : random.pick(['positive', 'positive', 'neutral', 'neutral', 'negative', 'follow_up'] as const);

  return stampDoc<Activity>(
    {
      type,
      accountId: account?.id ?? '',
      contactId: world.id('contacts', c),
      dealId: world.id('deals', d),
      at,
      atInv: INT_MAX - at,
      summary,
      body,
      outcome,
      durationMin: random.between(min, max),
      taskState,
      dueAt,
      reminderAt,
      ownerId,
    },
    { id: sampleDocId(createdAt, random), createdAt },
    ownerId,
    taskState === 'done' ? { at: Math.min(now, dueAt + random.int(2 * DAY)), fields: ['taskState'] } : undefined,
  );
}
