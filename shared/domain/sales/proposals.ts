import type { ProposalLanguage, ProposalLineSnapshot, ProposalVersion } from '../../models/deals';
import { addDays, daysBetween } from './days';
import { dealTotals, type PricedLine } from './deal-lines';

/**
 * Proposals are versions kept on the deal (no collection of their own): each one sent is frozen
 * with its number, day, validity, totals and a snapshot of its lines, so the negotiation's history
 * stays readable after prices and the catalogue change.
 */

// The schemas of a proposal version live with the deal that keeps them (shared/models/deals.ts).
export { PROPOSAL_LANGUAGES, proposalLineSnapshot, proposalTotals, proposalVersionSchema } from '../../models/deals';
export type { ProposalLanguage, ProposalLineSnapshot, ProposalVersion } from '../../models/deals';

export type ProposalIssue = 'no_lines' | 'validity_before_date' | 'bad_date' | 'mixed_currencies';

export interface NewProposal {
  lines: readonly PricedLine[];
  /** The local day of issue (`localIsoDay()`). */
  today: string;
  /** Days the prices hold, counting from today (default 15): validUntil = today + days. */
  validityDays?: number;
  issuedAt: number;
  issuedBy: string;
  language: ProposalLanguage;
  paymentTerms: string;
  conditions?: string;
}

/** The snapshot of a priced line that a proposal keeps (no catalogue reference needed to show it again). */
export function snapshotLine(l: PricedLine): ProposalLineSnapshot {
  return {
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    bonus: l.bonus,
    listPrice: l.listPrice,
    discountBp: l.discountBp,
    unitPrice: l.unitPrice,
    gross: l.gross,
    discount: l.discount,
    total: l.total,
    bonusValue: l.bonusValue,
  };
}

/** The next version to keep on the deal: numbered after the highest one there (numbers are never reused). */
export function nextProposalVersion(
  existing: readonly Pick<ProposalVersion, 'number'>[],
  input: NewProposal,
): { ok: true; version: ProposalVersion } | { ok: false; issue: ProposalIssue } {
  if (input.lines.length === 0) return { ok: false, issue: 'no_lines' };
  const validUntil = addDays(input.today, input.validityDays ?? 15);
  if (validUntil === null) return { ok: false, issue: 'bad_date' };
  if ((input.validityDays ?? 15) < 0) return { ok: false, issue: 'validity_before_date' };
  const currencies = new Set(input.lines.map((l) => l.currency));
  if (currencies.size > 1) return { ok: false, issue: 'mixed_currencies' };
  const number = existing.reduce((n, v) => Math.max(n, v.number), 0) + 1;
  return {
    ok: true,
    version: {
      number,
      date: input.today,
      validUntil,
      issuedAt: input.issuedAt,
      issuedBy: input.issuedBy,
      language: input.language,
      currency: input.lines[0]!.currency,
      paymentTerms: input.paymentTerms,
      conditions: input.conditions ?? '',
      lines: input.lines.map(snapshotLine),
      totals: dealTotals(input.lines),
    },
  };
}

/** Whether a proposal's prices still hold on `today` (the validity day included). */
export const proposalValidOn = (p: Pick<ProposalVersion, 'validUntil'>, today: string): boolean => (daysBetween(today, p.validUntil) ?? -1) >= 0;

/** What moved from one version to the next: the history line of the negotiation. */
export interface ProposalChange {
  from: number;
  to: number;
  /** to.net − from.net, minor units (negative: the client was given a better price). */
  netChange: number;
  added: string[];
  removed: string[];
  /** Products whose quantity, discount, price or bonus changed. */
  changed: string[];
}

export function proposalChange(a: ProposalVersion, b: ProposalVersion): ProposalChange {
  const key = (l: ProposalLineSnapshot) => `${l.productId}|${l.bonus ? 'bonus' : 'sold'}`;
  const before = new Map(a.lines.map((l) => [key(l), l]));
  const after = new Map(b.lines.map((l) => [key(l), l]));
  const same = (x: ProposalLineSnapshot, y: ProposalLineSnapshot) => x.quantity === y.quantity && x.discountBp === y.discountBp && x.unitPrice === y.unitPrice;
  return {
    from: a.number,
    to: b.number,
    netChange: b.totals.net - a.totals.net,
    added: [...after.keys()].filter((k) => !before.has(k)).map((k) => after.get(k)!.productId),
    removed: [...before.keys()].filter((k) => !after.has(k)).map((k) => before.get(k)!.productId),
    changed: [...after.keys()].filter((k) => before.has(k) && !same(before.get(k)!, after.get(k)!)).map((k) => after.get(k)!.productId),
  };
}
