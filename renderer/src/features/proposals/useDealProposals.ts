import { useCallback } from 'react';
import type { Account, Deal } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { buildProposalDocument } from '@shared/domain/sales/proposal-document';
import { planProposal, proposalFileName, type LineProblem } from '@shared/domain/sales/proposal-plan';
import type { ProposalIssue, ProposalLanguage, ProposalVersion } from '@shared/domain/sales/proposals';
import { renderPdf } from '@shared/pdf/render-pdf';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { productsByIds, productsOf } from '../../db/collections/products';
import { saveExportFile } from '../../platform/external';
import { useCompanyStore } from './company-store';

export interface ProposalRequest {
  language: ProposalLanguage;
  validityDays: number;
  paymentTerms: string;
  conditions: string;
}

export type IssueOutcome =
  | { ok: true; version: ProposalVersion; saved: boolean }
  | { ok: false; issue: ProposalIssue | 'save_failed' | 'pdf_failed' }
  | { ok: false; lines: LineProblem[] };

const PDF = 'application/pdf';

/** Issuing a proposal from a deal (kept on the deal, then its PDF saved), and re-downloading any version sent. */
export function useDealProposals(deal: Deal, account: Account) {
  const { db, author } = useDatabaseContext();
  const repo = useRepository('deals');
  const company = useCompanyStore((s) => s.company);

  const pdfOf = useCallback(
    async (version: ProposalVersion) => {
      const addressLines = account.addresses.slice(0, 1).map((a) => [a.street, a.number, a.city, a.state].filter(Boolean).join(', '));
      const doc = buildProposalDocument({
        company: {
          name: company.name,
          taxId: company.taxId || undefined,
          addressLines: company.address ? [company.address] : [],
          phone: company.phone || undefined,
          email: company.email || undefined,
          website: company.website || undefined,
        },
        account: {
          name: account.name,
          taxId: account.taxId || undefined,
          addressLines,
          phone: account.phones[0]?.number,
          email: account.emails[0]?.address,
        },
        conditions: {
          priceListName: account.conditions.priceListId,
          accountDiscountBp: account.conditions.discountBp,
          loyaltyTier: account.conditions.loyaltyTier,
          bonuses: account.conditions.bonuses,
        },
        dealTitle: deal.title,
        proposal: version,
      });
      return renderPdf(doc);
    },
    [account, company, deal.title],
  );

  const download = useCallback(
    async (version: ProposalVersion): Promise<boolean> => {
      const bytes = await pdfOf(version);
      return saveExportFile({ fileName: proposalFileName(deal.title, version), mimeType: PDF, content: bytes });
    },
    [pdfOf, deal.title],
  );

  const issue = useCallback(
    async (request: ProposalRequest): Promise<IssueOutcome> => {
      const products = await productsByIds(
        productsOf(db),
        deal.lines.map((l) => l.productId),
      );
      const plan = planProposal({
        deal,
        account,
        products,
        policy: DEFAULT_COMMERCIAL_POLICY,
        today: localIsoDay(),
        issuedAt: Date.now(),
        issuedBy: author(),
        ...request,
      });
      if (!plan.ok) return plan;
      let bytes: Uint8Array;
      try {
        bytes = await pdfOf(plan.version);
      } catch {
        return { ok: false, issue: 'pdf_failed' };
      }
      try {
        // Kept on the deal first: the version sent is the negotiation's record even if the save dialog is cancelled.
        await repo.update(deal.id, (current) => ({ proposals: [...(current.proposals ?? []), plan.version] }));
      } catch {
        return { ok: false, issue: 'save_failed' };
      }
      const saved = await saveExportFile({ fileName: proposalFileName(deal.title, plan.version), mimeType: PDF, content: bytes });
      return { ok: true, version: plan.version, saved };
    },
    [db, deal, account, author, pdfOf, repo],
  );

  return { issue, download };
}
