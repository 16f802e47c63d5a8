import type { Account, AccountStatus, Activity } from '../models';
import { ACCOUNT_SOURCES, ID_MAX } from '../models';
import { newActivityFields, type ActivityFields } from './activity-fields';

/**
 * Referrals (issue 10, item 6), without a collection nor a new accounts schema (100k+ documents):
 *
 * - **Who referred whom** stays on the referred account: `source: 'referral'` and `referredBy` (the
 *   referring account's id), as the account form and the 360° page already use them.
 * - **The contact who did it and the outcome** live in an activity on the *referring* account: a
 *   `note` whose id is derived from the referred account's id (`referralRecordId`), with
 *   `contactId` = the contact who referred. Its outcome is not stored twice: it is read from the
 *   referred account's status (`referralOutcome`: a lead or prospect is pending, a client won, a
 *   lost or inactive account did not convert), so it follows the account as it moves.
 * - **Asking for a referral** is a task ("Pedir indicação") on the account, created automatically
 *   after a contract is signed or a case is resolved well (satisfaction ≥ 4). Its id is derived
 *   from what caused it (`referralAskId`), so two laptops asking for the same reason write the same
 *   document and sync merges them instead of showing two tasks.
 */

export type ReferralAskReason = 'contract' | 'case';

const ASK_PREFIX: Record<ReferralAskReason, string> = { contract: 'refask-k-', case: 'refask-c-' };
const RECORD_PREFIX = 'referral-';

/** Derived ids stay within ID_MAX: a long source id keeps its end (where sample ids say `-sample`) and a short hash of the rest. */
function derivedId(prefix: string, sourceId: string): string {
  const id = prefix + sourceId;
  if (id.length <= ID_MAX) return id;
  let h = 0;
  for (let i = 0; i < sourceId.length; i++) h = (Math.imul(h, 31) + sourceId.charCodeAt(i)) | 0;
  const hash = (h >>> 0).toString(36);
  return prefix + hash + '-' + sourceId.slice(-(ID_MAX - prefix.length - hash.length - 1));
}

/** The id of the "ask for a referral" task a contract or case causes: the same on every laptop. */
export const referralAskId = (reason: ReferralAskReason, sourceId: string): string => derivedId(ASK_PREFIX[reason], sourceId);

/** The id of the referral record a referred account causes on the referring account. */
export const referralRecordId = (referredAccountId: string): string => derivedId(RECORD_PREFIX, referredAccountId);

export interface ReferralAskInput {
  accountId: string;
  reason: ReferralAskReason;
  /** The contract's or the case's id. */
  sourceId: string;
  dueAt: number;
  /** The contract's referral clause, when it has one: it goes into the task's body. */
  terms?: string;
  /** The task's title in the user's language (the screen translates it); pt-BR by default. */
  summary?: string;
  /** The body's text besides the terms (e.g. the case's subject), already translated. */
  body?: string;
  ownerId?: string;
  contactId?: string;
  now?: number;
}

/** The fields of the "Pedir indicação" task, and the stable id to create it under. */
export function referralAskTask(input: ReferralAskInput): { id: string; fields: ActivityFields } {
  const now = input.now ?? Date.now();
  const body = [input.body?.trim(), input.terms?.trim()].filter(Boolean).join('\n\n');
  const fields = newActivityFields(
    {
      type: 'task',
      summary: input.summary ?? 'Pedir indicação',
      accountId: input.accountId,
      contactId: input.contactId ?? '',
      body,
      dueAt: input.dueAt,
    },
    now,
    input.ownerId ?? '',
  );
  return { id: referralAskId(input.reason, input.sourceId), fields };
}

export type ReferralOutcome = 'pending' | 'converted' | 'not_converted';

/** What became of a referred account, from its status. */
export function referralOutcome(status: AccountStatus): ReferralOutcome {
  if (status === 'client' || status === 'key') return 'converted';
  if (status === 'lost' || status === 'inactive') return 'not_converted';
  return 'pending';
}

export interface ReferralRecordInput {
  /** The account that was referred (its `referredBy` names the referring one). */
  referred: Pick<Account, 'id' | 'name' | 'referredBy'>;
  /** The contact of the referring account who made the referral ('' when unknown). */
  contactId: string;
  summary?: string;
  ownerId: string;
  now: number;
}

/** The note on the referring account that says who referred whom, and its stable id; null without a referrer. */
export function referralRecord(input: ReferralRecordInput): { id: string; fields: ActivityFields } | null {
  if (!input.referred.referredBy) return null;
  const fields = newActivityFields(
    {
      type: 'note',
      summary: input.summary ?? `Indicou ${input.referred.name}`,
      accountId: input.referred.referredBy,
      contactId: input.contactId,
      outcome: 'positive',
    },
    input.now,
    input.ownerId,
  );
  return { id: referralRecordId(input.referred.id), fields };
}

/** Whether an activity is an automatic "ask for a referral" task. */
export const isReferralAsk = (a: Pick<Activity, 'id' | 'type'>): boolean => a.type === 'task' && a.id.startsWith('refask-');

/** How many accounts came from each lead source (every source present, 0 when none): what reports count. */
export function countBySource(accounts: Iterable<Pick<Account, 'source'>>): Record<Account['source'], number> {
  const counts = Object.fromEntries(ACCOUNT_SOURCES.map((s) => [s, 0])) as Record<Account['source'], number>;
  for (const a of accounts) if (a.source in counts) counts[a.source]++;
  return counts;
}
