import type { Case, CaseAction, CaseSeverity, CaseStatus } from '../models';
import { CASE_SEVERITIES } from '../models';
import { DAY, HOUR } from './activity-fields';

/**
 * Cases (complaints, objections, feedback, questions) and how they are worked: pure rules shared by
 * the case screens, My day and the tests. No DOM, no database.
 *
 * Lifecycle (decided here, one place):
 * - `open`, `in_progress` and `waiting_client` are the open statuses; any of them may go to any other.
 * - Resolving (→ `resolved`) needs a resolution text: what was agreed with the client. It stamps
 *   `resolvedAt` (the end of "time to resolve").
 * - Closing (→ `closed`) means resolved and nothing left to follow up. Closing an open case
 *   resolves it in the same step, so it needs the resolution text just as resolving does; closing a
 *   resolved case keeps its `resolvedAt`.
 * - Reopening (a resolved or closed case → an open status) clears `resolvedAt` and the satisfaction
 *   (the client rated a resolution that did not hold); the resolution text stays, as history.
 * - Satisfaction (1–5, 0 = not rated) is the client's rating of the resolution, so it can only be
 *   given to a resolved or closed case. "Resolved well" is a rating of 4 or 5: that is when a
 *   referral is asked for (shared/domain/referrals.ts).
 */

export const OPEN_CASE_STATUSES = ['open', 'in_progress', 'waiting_client'] as const satisfies readonly CaseStatus[];
export const DONE_CASE_STATUSES = ['resolved', 'closed'] as const satisfies readonly CaseStatus[];

export const isOpenCase = (c: Pick<Case, 'status'>): boolean => (OPEN_CASE_STATUSES as readonly string[]).includes(c.status);

/** The lowest rating that counts as "resolved well". */
export const RESOLVED_WELL_MIN_SATISFACTION = 4;
export const RESOLUTION_MAX = 20_000;
export const ACTION_MAX = 5_000;

/**
 * How long a case may stay open before it is overdue, by severity: a critical case the same day
 * (24 h), a high one within 3 days, a medium one within a week, a low one within two weeks.
 */
export const OVERDUE_AFTER_MS: Record<CaseSeverity, number> = {
  critical: 1 * DAY,
  high: 3 * DAY,
  medium: 7 * DAY,
  low: 14 * DAY,
};

export type CaseError =
  | 'resolution_required'
  | 'resolution_too_long'
  | 'satisfaction_invalid'
  | 'satisfaction_needs_resolution'
  | 'action_required'
  | 'action_too_long'
  | 'account_required'
  | 'subject_required'
  | 'subject_too_long';

export type CasePatch = Partial<Pick<Case, 'status' | 'resolution' | 'resolvedAt' | 'satisfaction'>>;
export type CaseResult = { ok: true; patch: CasePatch | null } | { ok: false; error: CaseError };

export interface TransitionInput {
  /** The resolution as typed now (it is saved with the transition). */
  resolution?: string;
  /** The rating as chosen now (0 = none). */
  satisfaction?: number;
}

const validSatisfaction = (s: number) => Number.isInteger(s) && s >= 0 && s <= 5;

/** The patch that moves a case to `to`, or why it cannot move (see the lifecycle above). */
export function caseTransition(c: Case, to: CaseStatus, input: TransitionInput, now: number): CaseResult {
  const resolution = (input.resolution ?? c.resolution).trim();
  const satisfaction = input.satisfaction ?? c.satisfaction;
  if (!validSatisfaction(satisfaction)) return { ok: false, error: 'satisfaction_invalid' };
  if (resolution.length > RESOLUTION_MAX) return { ok: false, error: 'resolution_too_long' };
  const wasDone = !isOpenCase(c);
  const goingDone = !(OPEN_CASE_STATUSES as readonly string[]).includes(to);
  if (goingDone) {
    if (resolution === '') return { ok: false, error: 'resolution_required' };
    const patch: CasePatch = { status: to, resolution, satisfaction, resolvedAt: wasDone && c.resolvedAt > 0 ? c.resolvedAt : now };
    return { ok: true, patch: changed(c, patch) };
  }
  // To an open status: reopening forgets when it was resolved and how the client rated it.
  if (satisfaction > 0 && !wasDone) return { ok: false, error: 'satisfaction_needs_resolution' };
  const patch: CasePatch = wasDone ? { status: to, resolvedAt: 0, satisfaction: 0, resolution } : { status: to };
  return { ok: true, patch: changed(c, patch) };
}

/** The client's rating, given to a resolved or closed case. */
export function rateCase(c: Case, satisfaction: number): CaseResult {
  if (!validSatisfaction(satisfaction)) return { ok: false, error: 'satisfaction_invalid' };
  if (satisfaction > 0 && isOpenCase(c)) return { ok: false, error: 'satisfaction_needs_resolution' };
  return { ok: true, patch: changed(c, { satisfaction }) };
}

function changed(c: Case, patch: CasePatch): CasePatch | null {
  const diff = Object.fromEntries(Object.entries(patch).filter(([k, v]) => c[k as keyof CasePatch] !== v)) as CasePatch;
  return Object.keys(diff).length === 0 ? null : diff;
}

/** Whether the case was resolved (or closed) and the client rated the resolution 4 or 5. */
export const resolvedWell = (c: Pick<Case, 'status' | 'satisfaction'>): boolean => !isOpenCase(c) && c.satisfaction >= RESOLVED_WELL_MIN_SATISFACTION;

/** Whether this change turns a case into a well-resolved one (what triggers the referral ask). */
export const becameResolvedWell = (before: Case, after: Case): boolean => resolvedWell(after) && !resolvedWell(before);

/**
 * Time to resolve: from `openedAt` to `resolvedAt` for a resolved or closed case; for an open one the
 * time it has been open so far (`running`). Milliseconds; formatting is the screen's.
 */
export function caseDuration(c: Pick<Case, 'status' | 'openedAt' | 'resolvedAt'>, now: number): { ms: number; running: boolean } {
  const running = isOpenCase(c) || c.resolvedAt <= 0;
  const end = running ? now : c.resolvedAt;
  return { ms: Math.max(0, end - c.openedAt), running };
}

/** A duration as the screens say it: whole days once a day has passed, whole hours before (at least 0). */
export function durationParts(ms: number): { unit: 'days' | 'hours'; count: number } {
  if (ms >= DAY) return { unit: 'days', count: Math.floor(ms / DAY) };
  return { unit: 'hours', count: Math.floor(Math.max(0, ms) / HOUR) };
}

/** Whether an open case has been open longer than its severity allows (OVERDUE_AFTER_MS). */
export const isOverdueCase = (c: Pick<Case, 'status' | 'severity' | 'openedAt'>, now: number): boolean =>
  isOpenCase(c) && now - c.openedAt > OVERDUE_AFTER_MS[c.severity];

const severityRank = (s: CaseSeverity) => CASE_SEVERITIES.indexOf(s);

/** Most severe first, then the oldest first (the order My day and the account page list open cases). */
export function byUrgency<C extends Pick<Case, 'id' | 'severity' | 'openedAt'>>(a: C, b: C): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A "what was done" entry appended to the case's actions, or why not (empty or too long). */
export function appendAction(
  actions: readonly CaseAction[] | undefined,
  entry: CaseAction,
): { ok: true; actions: CaseAction[] } | { ok: false; error: CaseError } {
  const text = entry.text.trim();
  if (text === '') return { ok: false, error: 'action_required' };
  if (text.length > ACTION_MAX) return { ok: false, error: 'action_too_long' };
  return { ok: true, actions: [...(actions ?? []), { ...entry, text }] };
}

/** The fields a new case is typed with. */
export interface NewCaseInput {
  accountId: string;
  subject: string;
}

/** What keeps a new case from being saved, field by field (empty when it can be saved). */
export function newCaseErrors(input: NewCaseInput): Partial<Record<keyof NewCaseInput, CaseError>> {
  const errors: Partial<Record<keyof NewCaseInput, CaseError>> = {};
  if (!input.accountId) errors.accountId = 'account_required';
  const subject = input.subject.trim();
  if (subject === '') errors.subject = 'subject_required';
  else if (subject.length > 200) errors.subject = 'subject_too_long';
  return errors;
}
