import type { Contract } from '../../models';
import { addDays, daysBetween, isIsoDay, localTimeOn } from './days';

/**
 * A contract's life, pure: which status may follow which, what each needs, the terms of two
 * versions compared, and the reminders before it expires and before its renewal date.
 *
 *   draft ⇄ negotiation → signed → active → expired
 *   draft → signed;  signed → terminated;  active → terminated
 *
 * A draft may be signed as it is; negotiation may go back to draft. Signed and active contracts can
 * be terminated early; expired and terminated are final (a renewal is a new version while active,
 * or a new contract).
 */

export type ContractStatus = Contract['status'];

export const CONTRACT_TRANSITIONS: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  draft: ['negotiation', 'signed'],
  negotiation: ['draft', 'signed'],
  signed: ['active', 'terminated'],
  active: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

export const canTransition = (from: ContractStatus, to: ContractStatus): boolean => CONTRACT_TRANSITIONS[from].includes(to);

export type ContractIssue =
  | 'transition_not_allowed'
  | 'dates_required'
  | 'dates_out_of_order'
  | 'renewal_after_end'
  | 'not_started_yet'
  | 'not_ended_yet'
  | 'value_negative'
  | 'termination_reason_required';

export type TransitionContract = Pick<Contract, 'status' | 'startDate' | 'endDate' | 'value' | 'signedAt' | 'renewalDate'>;

/** The problems of the dates and value, whatever the status: the form shows them as typed. */
export function contractTermIssues(c: Pick<Contract, 'startDate' | 'endDate' | 'value' | 'renewalDate'>): ContractIssue[] {
  const issues: ContractIssue[] = [];
  if (c.value.amount < 0) issues.push('value_negative');
  if (c.startDate && c.endDate && isIsoDay(c.startDate) && isIsoDay(c.endDate) && c.endDate < c.startDate) issues.push('dates_out_of_order');
  if (c.renewalDate && c.endDate && isIsoDay(c.renewalDate) && isIsoDay(c.endDate) && c.renewalDate > c.endDate) issues.push('renewal_after_end');
  return issues;
}

/**
 * Moves a contract to `to` on the local day `today` at `now` (epoch ms). Signing needs the start
 * and end dates in order and stamps `signedAt` (kept if already set); activating needs the start day
 * reached; expiring needs the end day passed; terminating needs a reason.
 */
export function transitionContract(
  c: TransitionContract,
  to: ContractStatus,
  context: { today: string; now: number; reason?: string },
): { ok: true; changes: Pick<Contract, 'status' | 'signedAt'> } | { ok: false; issues: ContractIssue[] } {
  if (!canTransition(c.status, to)) return { ok: false, issues: ['transition_not_allowed'] };
  const issues = contractTermIssues(c);
  const needsDates = to === 'signed' || to === 'active' || to === 'expired';
  if (needsDates && (!isIsoDay(c.startDate) || !isIsoDay(c.endDate))) issues.push('dates_required');
  if (to === 'active' && isIsoDay(c.startDate) && c.startDate > context.today) issues.push('not_started_yet');
  if (to === 'expired' && isIsoDay(c.endDate) && c.endDate >= context.today) issues.push('not_ended_yet');
  if (to === 'terminated' && !(context.reason ?? '').trim()) issues.push('termination_reason_required');
  if (issues.length > 0) return { ok: false, issues };
  const signedAt = to === 'signed' && !c.signedAt ? context.now : c.signedAt;
  return { ok: true, changes: { status: to, signedAt } };
}

/** The status the calendar says a contract should be in on `today` (a signed one whose start came is active; an active one past its end expired); null when it is right. */
export function statusDue(c: Pick<Contract, 'status' | 'startDate' | 'endDate'>, today: string): ContractStatus | null {
  if (c.status === 'signed' && isIsoDay(c.startDate) && c.startDate <= today) {
    return isIsoDay(c.endDate) && c.endDate < today ? 'expired' : 'active';
  }
  if (c.status === 'active' && isIsoDay(c.endDate) && c.endDate < today) return 'expired';
  return null;
}

// ── Versions ──────────────────────────────────────────────────────────────────────────────

/** What a version of a contract fixes: the terms the parties agreed on. */
export type ContractTerms = Pick<Contract, 'title' | 'value' | 'startDate' | 'endDate' | 'termMonths' | 'clauses' | 'renewalDate'>;
export const TERM_FIELDS = ['title', 'value', 'startDate', 'endDate', 'termMonths', 'renewalDate'] as const;

/** The terms of a contract as they stand (what a version snapshots); no renewal day is ''. */
export function termsOf(c: ContractTerms): Required<ContractTerms> {
  return {
    title: c.title,
    value: { ...c.value },
    startDate: c.startDate,
    endDate: c.endDate,
    termMonths: c.termMonths,
    renewalDate: c.renewalDate ?? '',
    clauses: c.clauses.map((cl) => ({ ...cl })),
  };
}

export type TermChange =
  | { kind: 'field'; field: (typeof TERM_FIELDS)[number]; before: unknown; after: unknown }
  | { kind: 'clause_added' | 'clause_removed'; clauseId: string; clauseKind: Contract['clauses'][number]['kind']; text: string }
  | { kind: 'clause_changed'; clauseId: string; clauseKind: Contract['clauses'][number]['kind']; before: string; after: string };

/** Every difference between two versions' terms: fields first (in TERM_FIELDS order), then clauses (by id, in b's order, removed ones last). */
export function diffContractTerms(a: ContractTerms, b: ContractTerms): TermChange[] {
  const changes: TermChange[] = [];
  for (const field of TERM_FIELDS) {
    // An absent optional field (renewalDate of an older version) is the same as an empty one.
    const before = a[field] ?? '';
    const after = b[field] ?? '';
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ kind: 'field', field, before, after });
  }
  const old = new Map(a.clauses.map((c) => [c.id, c]));
  const now = new Set(b.clauses.map((c) => c.id));
  for (const c of b.clauses) {
    const was = old.get(c.id);
    if (!was) changes.push({ kind: 'clause_added', clauseId: c.id, clauseKind: c.kind, text: c.text });
    else if (was.text !== c.text || was.kind !== c.kind)
      changes.push({ kind: 'clause_changed', clauseId: c.id, clauseKind: c.kind, before: was.text, after: c.text });
  }
  for (const c of a.clauses) if (!now.has(c.id)) changes.push({ kind: 'clause_removed', clauseId: c.id, clauseKind: c.kind, text: c.text });
  return changes;
}

/**
 * A one-line, language-neutral summary of the changes for `contractVersion.summary` (the schema's
 * text field): field names and clause kinds with +, − or ~ ("value, endDate, +referral, ~discount").
 * Screens translate its parts; the full diff comes from comparing the versions' terms.
 */
export function summarizeTermChanges(changes: readonly TermChange[]): string {
  const part = (c: TermChange): string => {
    if (c.kind === 'field') return c.field;
    const sign = c.kind === 'clause_added' ? '+' : c.kind === 'clause_removed' ? '−' : '~';
    return `${sign}${c.clauseKind}`;
  };
  return changes.map(part).join(', ').slice(0, 1000);
}

/** The next entry for `contract.versions` when the terms changed from `before`, carrying the new terms; null when nothing did. */
export function nextContractVersion(
  versions: Contract['versions'],
  before: ContractTerms,
  after: ContractTerms,
  by: string,
  at: number,
): { entry: Contract['versions'][number]; changes: TermChange[] } | null {
  const changes = diffContractTerms(before, after);
  if (changes.length === 0) return null;
  const version = versions.reduce((n, v) => Math.max(n, v.version), 0) + 1;
  return { entry: { version, at, by, summary: summarizeTermChanges(changes), terms: termsOf(after) }, changes };
}

// ── Reminders ─────────────────────────────────────────────────────────────────────────────

export interface ContractReminderOptions {
  /** The user's local day (`localIsoDay()`). */
  today: string;
  /** Days before the end day to remind of the expiry (default 30). */
  expiryLeadDays?: number;
  /** The day the renewal must be decided (a notice date); default: the end day. */
  renewalDate?: string;
  /** Days before the renewal day to remind of it (default 60). */
  renewalLeadDays?: number;
  /** The local hour the reminder rings on its day (default 9). */
  hour?: number;
}

export interface ContractReminder {
  kind: 'expiry' | 'renewal';
  /** The day it is about: the end day or the renewal day. */
  eventDay: string;
  /** The local day to remind on: lead days before the event, or today when that day is already past. */
  remindOn: string;
  /** `hour`:00 local time on `remindOn`, epoch ms (what the reminder scheduler and My day take). */
  reminderAt: number;
  /** Days from today to the event (0 = today). */
  daysLeft: number;
}

/**
 * The reminders of a signed or active contract: before its end day and before its renewal day,
 * each only while its day is today or ahead. A reminder whose day passed unseen (the laptop was
 * off) is moved to today, so it is never lost; drafts, expired and terminated contracts have none.
 */
export function contractReminders(c: Pick<Contract, 'status' | 'endDate'>, options: ContractReminderOptions): ContractReminder[] {
  if (c.status !== 'signed' && c.status !== 'active') return [];
  const { today, hour = 9 } = options;
  const out: ContractReminder[] = [];
  const add = (kind: ContractReminder['kind'], eventDay: string | undefined, lead: number) => {
    if (!eventDay || !isIsoDay(eventDay) || !isIsoDay(today)) return;
    const daysLeft = daysBetween(today, eventDay)!;
    if (daysLeft < 0) return;
    const due = addDays(eventDay, -Math.max(0, Math.trunc(lead)))!;
    const remindOn = due < today ? today : due;
    out.push({ kind, eventDay, remindOn, reminderAt: localTimeOn(remindOn, hour)!, daysLeft });
  };
  add('expiry', c.endDate, options.expiryLeadDays ?? 30);
  add('renewal', options.renewalDate ?? c.endDate, options.renewalLeadDays ?? 60);
  return out.sort((x, y) => x.reminderAt - y.reminderAt || x.kind.localeCompare(y.kind));
}
