import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LoyaltyTier } from '../pricing';
import { baseDocument, dataTable, fill, formatBasisPoints, formatDay, formatMoney, formatQuantity, keyValues, type TableColumn } from '../../pdf/document-kit';
import { PROPOSAL_MESSAGES } from './proposal-messages';
import type { ProposalLineSnapshot, ProposalVersion } from './proposals';

/**
 * The proposal PDF's document definition, pure: the company's header, the account and its
 * conditions, the lines with their discounts and bonuses, the totals, the validity, the payment
 * terms and the general conditions, in the proposal's language with its money and dates through
 * Intl. Everything printed comes from the frozen proposal version, so re-printing version 2 a month
 * later gives the same figures. `renderPdf` (shared/pdf/render-pdf.ts) makes the bytes.
 */

export interface ProposalParty {
  name: string;
  taxId?: string;
  addressLines?: readonly string[];
  phone?: string;
  email?: string;
  website?: string;
}

export interface ProposalDocumentInput {
  company: ProposalParty;
  account: ProposalParty & { contactName?: string };
  /** The account's commercial conditions as they were when the proposal was issued. */
  conditions: { priceListName: string; accountDiscountBp: number; loyaltyTier: LoyaltyTier; bonuses: string };
  dealTitle: string;
  proposal: ProposalVersion;
  /** Fixed PDF creation time (reproducible files in tests); default now. */
  creationDate?: Date;
}

export function buildProposalDocument(input: ProposalDocumentInput): TDocumentDefinitions {
  const { proposal, company, account, conditions } = input;
  const locale = proposal.language;
  const t = PROPOSAL_MESSAGES[locale];
  const money = (minor: number) => formatMoney(minor, proposal.currency, locale);
  const number = String(proposal.number);

  const partyLines = (p: ProposalParty): string[] =>
    [p.taxId ? fill(t.taxId, { taxId: p.taxId }) : '', ...(p.addressLines ?? []), [p.phone, p.email, p.website].filter(Boolean).join(' · ')].filter(Boolean);

  const header: Content = {
    columns: [
      { width: '*', stack: [{ text: company.name, style: 'company' }, ...partyLines(company).map((text) => ({ text, style: 'muted' }))] },
      {
        width: 'auto',
        alignment: 'right',
        stack: [
          { text: t.title, style: 'title' },
          { text: fill(t.number, { number }), bold: true },
          { text: fill(t.issued, { date: formatDay(proposal.date, locale) }) },
        ],
      },
    ],
    margin: [0, 0, 0, 12],
  };

  const to: Content = {
    stack: [
      { text: t.to, style: 'sectionTitle' },
      { text: account.name, bold: true },
      ...(account.contactName ? [{ text: fill(t.contact, { name: account.contactName }) }] : []),
      ...partyLines(account).map((text) => ({ text })),
      ...(input.dealTitle ? [{ text: fill(t.deal, { title: input.dealTitle }), margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
    ],
  };

  const conditionPairs: [string, string][] = [
    [t.priceList, conditions.priceListName || '—'],
    [t.accountDiscount, formatBasisPoints(conditions.accountDiscountBp, locale)],
    [t.loyalty, t.loyaltyTier[conditions.loyaltyTier] ?? conditions.loyaltyTier],
  ];
  if (conditions.bonuses.trim()) conditionPairs.push([t.bonuses, conditions.bonuses.trim()]);

  const columns: TableColumn<ProposalLineSnapshot>[] = [
    { header: t.columns.sku, width: 'auto', cell: (l) => l.sku },
    { header: t.columns.name, width: '*', cell: (l) => l.name },
    { header: t.columns.quantity, width: 'auto', align: 'right', cell: (l) => `${formatQuantity(l.quantity, locale)} ${t.unit[l.unit] ?? l.unit}` },
    { header: t.columns.listPrice, width: 'auto', align: 'right', cell: (l) => money(l.listPrice) },
    { header: t.columns.discount, width: 'auto', align: 'right', cell: (l) => (l.bonus ? '—' : discountOnList(l, locale)) },
    { header: t.columns.unitPrice, width: 'auto', align: 'right', cell: (l) => (l.bonus ? '—' : money(l.unitPrice)) },
    { header: t.columns.total, width: 'auto', align: 'right', cell: (l) => (l.bonus ? t.bonusLine : money(l.total)) },
  ];

  const totalRows: [string, string, boolean][] = [
    [t.totals.gross, money(proposal.totals.gross), false],
    [t.totals.discount, proposal.totals.discount > 0 ? `− ${money(proposal.totals.discount)}` : money(0), false],
    [t.totals.net, money(proposal.totals.net), true],
  ];
  if (proposal.totals.bonusValue > 0) totalRows.push([t.totals.bonus, money(proposal.totals.bonusValue), false]);
  const totals: Content = {
    margin: [0, 8, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          body: totalRows.map(([label, value, strong]) => [
            { text: label, alignment: 'right', bold: strong },
            { text: value, alignment: 'right', bold: strong, fontSize: strong ? 11 : 9 },
          ]),
        },
        layout: 'noBorders',
      },
    ],
  };

  const content: Content[] = [
    header,
    to,
    { text: t.conditions, style: 'sectionTitle' },
    keyValues(conditionPairs),
    { text: t.lines, style: 'sectionTitle' },
    dataTable(columns, proposal.lines),
    totals,
    { text: t.validity, style: 'sectionTitle' },
    { text: fill(t.validUntil, { date: formatDay(proposal.validUntil, locale) }) },
    { text: t.paymentTerms, style: 'sectionTitle' },
    { text: proposal.paymentTerms || '—' },
  ];
  if (proposal.conditions.trim()) content.push({ text: t.terms, style: 'sectionTitle' }, { text: proposal.conditions.trim() });

  return baseDocument({
    locale,
    title: `${t.title} ${fill(t.number, { number })} — ${account.name}`,
    author: company.name,
    footerText: fill(t.footer, { company: company.name, number }),
    pageCounter: (page, pages) => fill(t.page, { page, pages }),
    content,
    creationDate: input.creationDate,
  });
}

/** The whole discount of a line on its list price (account conditions and the line's own), as shown to the client. */
function discountOnList(l: ProposalLineSnapshot, locale: string): string {
  if (l.listPrice === 0) return formatBasisPoints(0, locale);
  return formatBasisPoints(Math.round(((l.listPrice - l.unitPrice) * 10_000) / l.listPrice), locale);
}
