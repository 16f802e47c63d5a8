import type { Account, Deal, DealLine } from '../../models';
import { discountCeilingFor, type CommercialPolicy } from './commercial-policy';
import { priceDealLine, type LineIssue, type LineProduct, type PricedLine } from './deal-lines';
import { nextProposalVersion, type ProposalIssue, type ProposalLanguage, type ProposalVersion } from './proposals';

/**
 * A new proposal from a deal as it is now: each stored line priced again from the catalogue for
 * the account (the prices of today, within the ceiling of today), then frozen as the next version.
 * Pure: the screen reads the deal, the account and the products and saves what this returns.
 */

export interface ProposalPlanInput {
  deal: Pick<Deal, 'lines' | 'value'> & { proposals?: readonly Pick<ProposalVersion, 'number'>[] };
  account: Pick<Account, 'id' | 'segment' | 'conditions'>;
  /** The catalogue's products of the lines, by id (a product no longer there blocks the proposal). */
  products: ReadonlyMap<string, LineProduct>;
  policy: Pick<CommercialPolicy, 'discountCeilings'>;
  today: string;
  issuedAt: number;
  issuedBy: string;
  language: ProposalLanguage;
  validityDays: number;
  paymentTerms: string;
  conditions: string;
}

export type LineProblem = { line: Pick<DealLine, 'id' | 'sku' | 'name'>; issues: (LineIssue | 'product_missing')[] };

export type ProposalPlan =
  { ok: true; version: ProposalVersion; lines: PricedLine[] } | { ok: false; issue: ProposalIssue } | { ok: false; lines: LineProblem[] };

export function planProposal(input: ProposalPlanInput): ProposalPlan {
  const { deal, account, products } = input;
  const policy = { date: input.today, discountCeilingBp: discountCeilingFor(input.policy, account), currency: deal.value.currency };
  const priced: PricedLine[] = [];
  const problems: LineProblem[] = [];
  for (const line of deal.lines) {
    const product = products.get(line.productId);
    if (!product) {
      problems.push({ line, issues: ['product_missing'] });
      continue;
    }
    const result = priceDealLine(product, account.conditions, { quantity: line.qty, discountBp: line.discountBp, bonus: line.bonus }, policy);
    if (result.ok) priced.push(result.line);
    else problems.push({ line, issues: result.issues });
  }
  if (problems.length) return { ok: false, lines: problems };
  const next = nextProposalVersion(deal.proposals ?? [], {
    lines: priced,
    today: input.today,
    validityDays: input.validityDays,
    issuedAt: input.issuedAt,
    issuedBy: input.issuedBy,
    language: input.language,
    paymentTerms: input.paymentTerms.trim(),
    conditions: input.conditions.trim(),
  });
  return next.ok ? { ok: true, version: next.version, lines: priced } : next;
}

/** "proposta-2-fornecimento-anual-de-luvas.pdf" (the file name in the proposal's language, ASCII, short). */
export function proposalFileName(title: string, version: Pick<ProposalVersion, 'number' | 'language'>): string {
  const word = version.language === 'en' ? 'proposal' : 'proposta';
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${word}-${version.number}${slug ? `-${slug}` : ''}.pdf`;
}
