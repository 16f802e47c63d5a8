import { generateSampleData } from '@shared/sample-data';
import type { Account, Deal, Product } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { DEFAULT_COMMERCIAL_POLICY, discountCeilingFor } from '@shared/domain/sales/commercial-policy';
import { priceDealLine, storedDealValue, toStoredLine } from '@shared/domain/sales/deal-lines';
import { buildProposalDocument } from '@shared/domain/sales/proposal-document';
import { planProposal } from '@shared/domain/sales/proposal-plan';
import { renderPdf } from '@shared/pdf/render-pdf';
import type { ProposalPdfArgs, ProposalPdfResult } from '../protocol';

/**
 * A deal of the dataset's first account with `lines` catalogue products priced for it, as the deal
 * page stores them. Products the account cannot buy (no price in its list, another currency) are
 * skipped, so every line is one the screen would accept.
 */
function dealWithLines({ size, seed, now, lines }: ProposalPdfArgs): { deal: Deal; account: Account; products: Map<string, Product> } {
  const data = generateSampleData({ size, seed, now });
  const account = data.doc('accounts', 0) as unknown as Account;
  const deal = data.doc('deals', 0) as unknown as Deal;
  const today = localIsoDay(new Date(now));
  const policy = { date: today, discountCeilingBp: discountCeilingFor(DEFAULT_COMMERCIAL_POLICY, account), currency: deal.value.currency };
  const products = new Map<string, Product>();
  const stored: Deal['lines'] = [];
  for (let i = 0; stored.length < lines && i < data.counts.products; i++) {
    const product = data.doc('products', i) as unknown as Product;
    const priced = priceDealLine(product, account.conditions, { quantity: (i % 7) + 1, discountBp: i % 3 === 0 ? 250 : 0, bonus: i % 10 === 9 }, policy);
    if (!priced.ok) continue;
    products.set(product.id, product);
    stored.push(toStoredLine(priced.line, `bench-line-${i}`));
  }
  if (stored.length < lines) throw new Error(`only ${stored.length} of ${lines} products can be priced for the account`);
  return { deal: { ...deal, lines: stored, value: { ...deal.value, amount: storedDealValue(stored) }, proposals: [] }, account, products };
}

/**
 * ms from "Gerar e salvar PDF" to the PDF's bytes, as the deal page does it (useDealProposals):
 * the lines priced again (planProposal), the document laid out, the PDF written with its fonts
 * embedded. The first run also loads pdfmake and its fonts, as a manager's first proposal does.
 */
export async function proposalPdf(args: ProposalPdfArgs): Promise<ProposalPdfResult> {
  const { deal, account, products } = dealWithLines(args);
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < args.runs; run++) {
    const start = performance.now();
    const plan = planProposal({
      deal,
      account,
      products,
      policy: DEFAULT_COMMERCIAL_POLICY,
      today: localIsoDay(new Date(args.now)),
      issuedAt: args.now,
      issuedBy: 'bench',
      language: 'pt-BR',
      validityDays: 15,
      paymentTerms: '30/60/90 dias',
      conditions: 'Preços válidos para pagamento em dia.',
    });
    if (!plan.ok) throw new Error(`the bench proposal was refused: ${JSON.stringify(plan)}`);
    const pdf = await renderPdf(
      buildProposalDocument({
        company: { name: 'Distribuidora Bench Ltda.', addressLines: ['Av. Paulista, 1000 — São Paulo'] },
        account: { name: account.name, taxId: account.taxId || undefined, addressLines: [] },
        conditions: {
          priceListName: account.conditions.priceListId,
          accountDiscountBp: account.conditions.discountBp,
          loyaltyTier: account.conditions.loyaltyTier,
          bonuses: account.conditions.bonuses,
        },
        dealTitle: deal.title,
        proposal: plan.version,
      }),
    );
    times.push(performance.now() - start);
    bytes = pdf.byteLength;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { times, lines: deal.lines.length, bytes };
}
