import { ACCOUNT_STATUSES, LEGACY_DEAL_STAGES, type LegacyDealStage } from '../models';
import { accountStatusAt, STATUS } from './accounts';
import type { GeneratorContext } from './context';
import { weightedPicker, type Random } from './random';

/**
 * Who belongs to whom, decided once for the whole data set in compact typed arrays (a few MB at size
 * L): which account each contact, deal, order and contract belongs to, which deals were won and
 * which orders and contracts came from them. Documents are then generated one at a time from this.
 */
export type Plan = {
  accountStatus: Uint8Array;
  /** Contacts of account a are the indexes [contactStart[a], contactStart[a + 1]). */
  contactStart: Uint32Array;
  /** Accounts that buy (client, key). */
  buyingAccounts: Int32Array;
  dealAccount: Int32Array;
  dealStage: Uint8Array;
  wonDeals: Int32Array;
  orderAccount: Int32Array;
  /** The won deal an order came from, or -1. */
  orderDeal: Int32Array;
  contractAccount: Int32Array;
  contractDeal: Int32Array;
  /** The latest contract of each account, or -1. */
  accountContract: Int32Array;
};

const STAGE = Object.fromEntries(LEGACY_DEAL_STAGES.map((s, i) => [s, i])) as Record<LegacyDealStage, number>;
const stagePickers: Record<string, (random: Random) => LegacyDealStage> = {
  lead: weightedPicker(['lead', 'qualified', 'lost'] as const, [60, 30, 10]),
  prospect: weightedPicker(['lead', 'qualified', 'proposal', 'negotiation', 'lost'] as const, [15, 30, 30, 15, 10]),
  client: weightedPicker(['qualified', 'proposal', 'negotiation', 'won', 'lost'] as const, [10, 15, 15, 45, 15]),
  key: weightedPicker(['qualified', 'proposal', 'negotiation', 'won', 'lost'] as const, [8, 15, 17, 50, 10]),
  inactive: weightedPicker(['won', 'lost'] as const, [40, 60]),
  lost: weightedPicker(['lost'] as const, [1]),
};
/** How much more often each status gets extra contacts: key accounts know many people there. */
const CONTACT_WEIGHT = [0.35, 0.6, 1, 1, 0.4, 0.3];

export function buildPlan(ctx: GeneratorContext): Plan {
  const { accounts, contacts, deals, orders, contracts } = ctx.counts;
  const random = ctx.random('plan', 0);

  const accountStatus = new Uint8Array(accounts);
  for (let a = 0; a < accounts; a++) accountStatus[a] = STATUS[accountStatusAt(ctx, a)];
  const buying: number[] = [];
  for (let a = 0; a < accounts; a++) if (accountStatus[a] === STATUS.client || accountStatus[a] === STATUS.key) buying.push(a);
  // With tiny custom counts there may be no buying account; fall back to any account.
  const buyingAccounts = Int32Array.from(buying.length ? buying : Array.from({ length: accounts }, (_, a) => a));

  const contactStart = spreadContacts(random, accountStatus, contacts);

  const dealAccount = new Int32Array(deals);
  const dealStage = new Uint8Array(deals);
  const won: number[] = [];
  for (let d = 0; d < deals && accounts > 0; d++) {
    const a = random.chance(0.65) ? buyingAccounts[random.int(buyingAccounts.length)]! : random.int(accounts);
    dealAccount[d] = a;
    const stage = stagePickers[ACCOUNT_STATUSES[accountStatus[a]!]!]!(random);
    dealStage[d] = STAGE[stage];
    if (stage === 'won') won.push(d);
  }
  const wonDeals = Int32Array.from(won);

  const orderAccount = new Int32Array(orders).fill(-1);
  const orderDeal = new Int32Array(orders).fill(-1);
  // Most won deals became one order; the rest of the orders are repeat purchases of buying accounts.
  const fromDeals = Math.min(orders, Math.floor(won.length * 0.85));
  for (let o = 0; o < orders && accounts > 0; o++) {
    if (o < fromDeals) {
      const d = won[o]!;
      orderDeal[o] = d;
      orderAccount[o] = dealAccount[d]!;
    } else {
      orderAccount[o] = buyingAccounts[random.int(buyingAccounts.length)]!;
    }
  }

  const contractAccount = new Int32Array(contracts).fill(-1);
  const contractDeal = new Int32Array(contracts).fill(-1);
  const accountContract = new Int32Array(accounts).fill(-1);
  const contractsFromDeals = Math.min(contracts, Math.floor(won.length * 0.4));
  for (let c = 0; c < contracts && accounts > 0; c++) {
    // Take won deals from the end so they are not all the deals whose orders come first.
    const d = c < contractsFromDeals ? won[won.length - 1 - c]! : -1;
    const a = d >= 0 ? dealAccount[d]! : buyingAccounts[random.int(buyingAccounts.length)]!;
    contractDeal[c] = d;
    contractAccount[c] = a;
    accountContract[a] = c;
  }

  return {
    accountStatus,
    contactStart,
    buyingAccounts,
    dealAccount,
    dealStage,
    wonDeals,
    orderAccount,
    orderDeal,
    contractAccount,
    contractDeal,
    accountContract,
  };
}

/** One contact per account where there are enough, the rest spread at random, more at bigger clients. */
function spreadContacts(random: Random, accountStatus: Uint8Array, total: number): Uint32Array {
  const accounts = accountStatus.length;
  const perAccount = new Uint32Array(accounts);
  let left = total;
  if (accounts === 0) return new Uint32Array(1);
  if (total >= accounts) {
    perAccount.fill(1);
    left -= accounts;
  }
  while (left > 0) {
    const a = random.int(accounts);
    if (random.next() < CONTACT_WEIGHT[accountStatus[a]!]!) {
      perAccount[a]!++;
      left--;
    }
  }
  const start = new Uint32Array(accounts + 1);
  for (let a = 0; a < accounts; a++) start[a + 1] = start[a]! + perAccount[a]!;
  return start;
}

/** The account contact `c` belongs to (binary search over contactStart). */
export function accountOfContact(plan: Plan, c: number): number {
  let lo = 0;
  let hi = plan.contactStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.contactStart[mid]! <= c) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A contact of account `a`, or -1 when it has none. */
export function contactOf(plan: Plan, a: number, random: Random): number {
  if (a < 0) return -1;
  const from = plan.contactStart[a]!;
  const count = plan.contactStart[a + 1]! - from;
  return count > 0 ? from + random.int(count) : -1;
}

export function contactCount(plan: Plan, a: number): number {
  return a < 0 ? 0 : plan.contactStart[a + 1]! - plan.contactStart[a]!;
}
