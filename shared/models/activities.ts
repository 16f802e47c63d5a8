import { z } from 'zod';
import { baseFields, ref, text, timestamp } from './common';

export const ACTIVITY_TYPES = ['call', 'meeting', 'visit', 'email', 'chat', 'letter', 'presentation', 'note', 'task'] as const;
export const TASK_STATES = ['none', 'open', 'done'] as const;
export const ACTIVITY_OUTCOMES = ['', 'positive', 'neutral', 'negative', 'no_answer', 'follow_up'] as const;

/**
 * A call, meeting, visit, message, note — or a task (taskState open/done with a due date).
 * `atInv` is `INT_MAX - at`: an ascending index on it lists newest first without a `desc` sort,
 * which RxDB's free edition cannot serve from an index.
 */
export const activitySchema = z.object({
  ...baseFields,
  type: z.enum(ACTIVITY_TYPES),
  accountId: ref(),
  contactId: ref(),
  dealId: ref(),
  at: timestamp(),
  atInv: timestamp(),
  summary: text(300),
  /** Meeting notes or the body of the message; autosaved as typed. */
  body: text(200_000),
  outcome: z.enum(ACTIVITY_OUTCOMES),
  durationMin: z.number().int().min(0).max(100_000),
  taskState: z.enum(TASK_STATES),
  dueAt: timestamp(),
  reminderAt: timestamp(),
  ownerId: text(80),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityIndexes = [
  ['accountId', 'atInv'],
  ['taskState', 'dueAt'],
  ['ownerId', 'at'],
];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
