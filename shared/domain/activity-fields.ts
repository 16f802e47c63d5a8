import { INT_MAX, type Activity, type ActivityType, type BaseDoc } from '../models';

/** The fields of an activity a caller provides (bookkeeping excluded). */
export type ActivityFields = Omit<Activity, keyof BaseDoc>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The inverted time the activities are indexed by (`['accountId', 'atInv']`): ascending on it lists
 * newest first, which RxDB's free edition cannot serve from an index with a `desc` sort.
 * Same formula as the sample data (shared/sample-data/activities.ts).
 */
export function activityAtInv(at: number): number {
  return INT_MAX - at;
}

/** `at` with its index twin: always set them together. */
export function activityTime(at: number): Pick<Activity, 'at' | 'atInv'> {
  return { at, atInv: activityAtInv(at) };
}

/** Midnight (local time of the machine) of the day holding `at`, and of the next day. */
export function dayBounds(at: number): { start: number; end: number } {
  const d = new Date(at);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const end = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  return { start, end };
}

/** When a new task is due unless the user says otherwise: today at 18:00, or tomorrow at 09:00 once that has passed. */
export function defaultDueAt(now: number): number {
  const d = new Date(now);
  const today18 = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 18).getTime();
  if (now < today18 - 30 * MINUTE) return today18;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9).getTime();
}

export interface NewActivityInput {
  type: ActivityType;
  summary: string;
  accountId?: string;
  contactId?: string;
  dealId?: string;
  /** When it happened (default: now). For a task, `at` follows the due date so it sorts among the rest. */
  at?: number;
  body?: string;
  outcome?: Activity['outcome'];
  durationMin?: number;
  dueAt?: number;
  reminderAt?: number;
}

/** A complete new activity from what the user typed, with the defaults the quick log promises. */
export function newActivityFields(input: NewActivityInput, now: number, ownerId: string): ActivityFields {
  const isTask = input.type === 'task';
  const dueAt = isTask ? input.dueAt || defaultDueAt(now) : 0;
  const at = isTask ? dueAt : (input.at ?? now);
  return {
    type: input.type,
    accountId: input.accountId ?? '',
    contactId: input.contactId ?? '',
    dealId: input.dealId ?? '',
    ...activityTime(at),
    summary: input.summary.trim().slice(0, 300),
    body: input.body ?? '',
    outcome: input.outcome ?? '',
    durationMin: Math.max(0, Math.round(input.durationMin ?? 0)),
    taskState: isTask ? 'open' : 'none',
    dueAt,
    reminderAt: input.reminderAt ?? 0,
    ownerId: ownerId.slice(0, 80),
  };
}

/** The patch for a new due date: `at` (and its index twin) follow it. */
export function dueAtPatch(dueAt: number): Pick<Activity, 'dueAt' | 'at' | 'atInv'> {
  return { dueAt, ...activityTime(dueAt) };
}
