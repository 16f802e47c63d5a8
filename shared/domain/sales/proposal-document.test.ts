import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../pdf/render-pdf';
import { priceDealLine, type LinePolicy, type LineProduct } from './deal-lines';
import { buildProposalDocument, type ProposalDocumentInput } from './proposal-document';
import { nextProposalVersion, type ProposalLanguage, type ProposalVersion } from './proposals';

/** The text of every page, read back by a real PDF parser (pdf.js), items joined by spaces. */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  // Intl writes "R$ 1.234,56" with a no-break space; pdf.js hands it back as it was written.
  return { pages, text: parts.join(' ').replace(/\u00a0/g, ' ') };
}

const policy: LinePolicy = { date: '2026-12-01', discountCeilingBp: 2_000, currency: 'BRL' };
const conditions = { priceListId: 'tabela-a', discountBp: 0, loyaltyTier: 'none' as const };
const product = (id: string, name: string, amount: number, unit: LineProduct['unit'] = 'cx'): LineProduct => ({
  id,
  sku: id.toUpperCase(),
  name,
  unit,
  prices: [{ priceListId: 'tabela-a', amount, currency: 'BRL' }],
});
const priced = (p: LineProduct, quantity: number, discountBp = 0, bonus = false) => {
  const r = priceDealLine(p, conditions, { quantity, discountBp, bonus }, policy);
  if (!r.ok) throw new Error(r.issues.join());
  return r.line;
};

function proposal(
  language: ProposalLanguage,
  lines = [
    priced(product('epi-01', 'Luvas de proteção nitrílicas', 61_728), 2),
    priced(product('epi-02', 'Óculos de segurança com lente antiembaçante', 1_500), 1, 0, true),
  ],
): ProposalVersion {
  const r = nextProposalVersion([{ number: 2 }], {
    lines,
    today: '2026-12-20',
    validityDays: 15,
    issuedAt: 1,
    issuedBy: 'ana',
    language,
    paymentTerms: 'Boleto em 30/60 dias, sem juros',
    conditions: 'Frete por conta do fornecedor para pedidos acima de R$ 5.000,00. Preços sujeitos à disponibilidade de estoque.',
  });
  if (!r.ok) throw new Error(r.issue);
  return r.version;
}

const input = (p: ProposalVersion): ProposalDocumentInput => ({
  company: {
    name: 'Distribuidora Açores & Cia Ltda.',
    taxId: '12.345.678/0001-90',
    addressLines: ['Rua da Conceição, 120 — São Paulo/SP'],
    email: 'vendas@acores.com.br',
  },
  account: {
    name: 'Construtora Paraná São João',
    taxId: '98.765.432/0001-10',
    contactName: 'João Gonçalves',
    addressLines: ['Av. Brigadeiro Faria Lima, 1500'],
  },
  conditions: { priceListName: 'Tabela A — atacado', accountDiscountBp: 500, loyaltyTier: 'gold', bonuses: 'Uma caixa de óculos a cada dez de luvas' },
  dealTitle: 'Renovação de EPIs das obras',
  proposal: p,
  creationDate: new Date('2026-12-20T12:00:00Z'),
});

// pdf.js and pdfmake load ~3 MB on the first test; a shared, loaded CI machine needs more than the default 30 s.
describe('proposal PDF', { timeout: 120_000 }, () => {
  it('reads back in pt-BR with its accents, lines, validity and totals as R$ 1.234,56', async () => {
    const p = proposal('pt-BR');
    expect(p.totals.net).toBe(123_456);
    const bytes = await renderPdf(buildProposalDocument(input(p)));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    // The font travels inside the file (a Roboto subset), so the PDF reads the same on any machine.
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto/);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('Proposta comercial');
    expect(text).toContain('Proposta nº 3');
    for (const word of ['Conceição', 'Gonçalves', 'São João', 'Açores', 'proteção', 'Óculos', 'antiembaçante', 'Paraná', 'Bonificação'])
      expect(text).toContain(word);
    expect(text).toContain('R$ 1.234,56'); // the total
    expect(text).toContain('R$ 617,28'); // a unit price
    expect(text).toContain('R$ 15,00'); // the bonus' list value
    expect(text).toContain('20 de dezembro de 2026');
    expect(text).toContain('válida até 4 de janeiro de 2027');
    expect(text).toContain('Boleto em 30/60 dias, sem juros');
    expect(text).toContain('Ouro');
    expect(text).toContain('Página 1 de 1');
  });

  it('speaks pt-PT and English with the same figures in their formats', async () => {
    const pt = (await pdfText(await renderPdf(buildProposalDocument(input(proposal('pt-PT')))))).text;
    expect(pt).toContain('Proposta n.º 3');
    expect(pt).toContain('Oferta');
    expect(pt).toMatch(/1\s?234,56 R\$/);
    const en = (await pdfText(await renderPdf(buildProposalDocument(input(proposal('en')))))).text;
    expect(en).toContain('Commercial proposal');
    expect(en).toContain('Proposal no. 3');
    expect(en).toContain('R$1,234.56');
    expect(en).toContain('valid until January 4, 2027');
  });

  it('lays a 50-line proposal over several pages, the header row and the page count on each', async () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      priced(product(`sku-${i}`, `Item de catálogo nº ${i + 1} — ação`, 1_000 + i, 'un'), i + 1, i % 3 === 0 ? 500 : 0),
    );
    const p = proposal('pt-BR', lines);
    const bytes = await renderPdf(buildProposalDocument(input(p)));
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    expect(text.split('Preço de tabela').length - 1).toBe(pages);
    expect(text).toContain('Item de catálogo nº 50 — ação');
  });
});
