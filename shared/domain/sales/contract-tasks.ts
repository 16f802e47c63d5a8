import type { Contract } from '../../models';
import { ID_MAX } from '../../models/common';
import { contractReminders, type ContractReminder } from './contracts';
import { addDays, daysBetween, isIsoDay, localTimeOn } from './days';

/**
 * The tasks a contract puts in its owner's day, pure: a reminder before it expires, one before its
 * renewal day, and — once it is signed — a task to ask the client for a referral. Each has an id
 * derived from the contract's id and its kind, so two laptops that sign or edit the same contract
 * write the same task (the sync merges it) instead of two.
 */

export const CONTRACT_TASK_KINDS = ['expiry', 'renewal', 'referral'] as const;
export type ContractTaskKind = (typeof CONTRACT_TASK_KINDS)[number];

/** The id of a contract's task of `kind` (within the id length every collection accepts). */
export function contractTaskId(contractId: string, kind: ContractTaskKind): string {
  const suffix = `~${kind}`;
  return contractId.slice(0, ID_MAX - suffix.length) + suffix;
}

/** Days after signing to ask for the referral when the contract's referral clause names none. */
export const DEFAULT_REFERRAL_DELAY_DAYS = 30;
/** The local hour contract tasks are due at. */
export const CONTRACT_TASK_HOUR = 9;

/** The first referral clause's text ('' when the contract has none). */
export const referralClauseText = (c: Pick<Contract, 'clauses'>): string => c.clauses.find((cl) => cl.kind === 'referral')?.text.trim() ?? '';

/**
 * The delay a referral clause's text states ("o cliente indicará 2 empresas após 90 dias",
 * "after 60 days", "em 3 meses", "within 2 weeks"), in days; null when it states none.
 */
export function referralDelayDays(text: string): number | null {
  const match = /(\d{1,4})\s*(dias?|days?|semanas?|weeks?|m[eê]s(?:es)?|months?)\b/iu.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  if (unit.startsWith('d')) return n;
  if (unit.startsWith('s') || unit.startsWith('w')) return n * 7;
  return n * 30;
}

export interface ReminderTaskPlan {
  kind: 'expiry' | 'renewal';
  id: string;
  /** The day the task is about (the end day, the renewal day). */
  eventDay: string;
  /** When it is due and rings: on the reminder's day, so My day lists it that day and the scheduler reads it. */
  dueAt: number;
  reminderAt: number;
  daysLeft: number;
}

/**
 * The expiry and renewal reminder tasks a contract should have on `today`: those of
 * `contractReminders` (signed or active contracts, days not yet gone); `remove` are the kinds it
 * should not have (a draft, an ended contract, a passed day). Without a renewal day of its own the
 * renewal is decided by the end day (earlier lead than the expiry's, see contractReminders).
 */
export function planReminderTasks(
  c: Pick<Contract, 'id' | 'status' | 'endDate' | 'renewalDate'>,
  today: string,
): { upsert: ReminderTaskPlan[]; remove: ('expiry' | 'renewal')[] } {
  const renewalDate = c.renewalDate && isIsoDay(c.renewalDate) ? c.renewalDate : undefined;
  const reminders: ContractReminder[] = contractReminders(c, { today, renewalDate, hour: CONTRACT_TASK_HOUR });
  const upsert = reminders.map((r) => ({
    kind: r.kind,
    id: contractTaskId(c.id, r.kind),
    eventDay: r.eventDay,
    dueAt: r.reminderAt,
    reminderAt: r.reminderAt,
    daysLeft: r.daysLeft,
  }));
  const kept = new Set(upsert.map((u) => u.kind));
  return { upsert, remove: (['expiry', 'renewal'] as const).filter((k) => !kept.has(k)) };
}

export interface ReferralTaskPlan {
  id: string;
  /** The day to ask: the clause's delay (or DEFAULT_REFERRAL_DELAY_DAYS) after the signing day. */
  dueDay: string;
  dueAt: number;
  /** The referral clause's terms ('' when the contract has none). */
  clauseText: string;
}

/** The referral task of a contract signed on the local day `signedDay`. */
export function planReferralTask(c: Pick<Contract, 'id' | 'clauses'>, signedDay: string): ReferralTaskPlan | null {
  if (!isIsoDay(signedDay)) return null;
  const clauseText = referralClauseText(c);
  const delay = referralDelayDays(clauseText) ?? DEFAULT_REFERRAL_DELAY_DAYS;
  const dueDay = addDays(signedDay, delay)!;
  return { id: contractTaskId(c.id, 'referral'), dueDay, dueAt: localTimeOn(dueDay, CONTRACT_TASK_HOUR)!, clauseText };
}

/** Days from `today` to the contract's end day (negative once past); null without an end day. */
export function daysToExpiry(c: Pick<Contract, 'endDate'>, today: string): number | null {
  return c.endDate ? daysBetween(today, c.endDate) : null;
}

/** Whether a signed or active contract ends within `days` of `today` (today included). */
export function expiresWithin(c: Pick<Contract, 'status' | 'endDate'>, today: string, days: number): boolean {
  if (c.status !== 'signed' && c.status !== 'active') return false;
  const left = daysToExpiry(c, today);
  return left !== null && left >= 0 && left <= days;
}
