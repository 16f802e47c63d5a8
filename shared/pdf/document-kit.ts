import type { Content, ContextPageSize, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The building blocks every Carteira PDF shares (proposals now, reports later): the page, the
 * embedded font, the styles, a header block, tables and money/date/number formats in the document's
 * language through Intl. Pure: it builds pdfmake document definitions (plain objects) and never
 * renders; `renderPdf` (./render-pdf.ts) turns a definition into bytes.
 *
 * The one font is Roboto, embedded from pdfmake's own virtual file system (no network, no system
 * fonts): it carries every Portuguese letter (ç, ã, õ, é, ê, à…) and the currency signs.
 */

export const PDF_FONT = 'Roboto';

/** Text a document shows in its corners: "Página 1 de 3" in the document's language. */
export type PageCounter = (page: number, pages: number) => string;

export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 12] },
  sectionTitle: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
  company: { fontSize: 13, bold: true },
  muted: { fontSize: 8, color: '#666666' },
  tableHeader: { bold: true, fontSize: 8, color: '#333333', fillColor: '#eeeeee' },
  small: { fontSize: 8 },
  totalLabel: { bold: true, alignment: 'right' },
  totalValue: { bold: true, alignment: 'right' },
};

export interface BaseDocumentInput {
  /** Language of the document ("pt-BR", "pt-PT", "en"): its metadata and its formats. */
  locale: string;
  /** Title of the PDF (its metadata and the file's window title). */
  title: string;
  /** Who made it (metadata author: the company). */
  author: string;
  /** The left corner of every page's footer (e.g. the company and the document number). */
  footerText: string;
  pageCounter: PageCounter;
  content: Content[];
  /** Fixed creation time for reproducible files (tests); default now. */
  creationDate?: Date;
}

/** A4, portrait, 15 mm margins, Roboto 9 pt, with the footer on every page. */
export function baseDocument(input: BaseDocumentInput): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [42, 42, 42, 48],
    info: { title: input.title, author: input.author, creator: 'Carteira', producer: 'Carteira', creationDate: input.creationDate },
    language: input.locale,
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.15 },
    styles: PDF_STYLES,
    footer: (page: number, pages: number, _size: ContextPageSize): Content => ({
      margin: [42, 12, 42, 0],
      columns: [
        { text: input.footerText, style: 'muted' },
        { text: input.pageCounter(page, pages), style: 'muted', alignment: 'right' },
      ],
    }),
    content: input.content,
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** Minor units as money in the locale: 123456 BRL in pt-BR → "R$ 1.234,56" (Intl puts a no-break space after R$). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return numberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/** A quantity with up to 3 decimals in the locale ("2,375"). */
export const formatQuantity = (value: number, locale: string): string => numberFormat(locale, { maximumFractionDigits: 3 }).format(value);

/** Basis points as a percentage ("7,5 %" in pt-PT, "7,5%" in pt-BR). */
export const formatBasisPoints = (bp: number, locale: string): string =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);

/** An ISO day in the locale's long form ("20 de dezembro de 2026"); the day never shifts with the time zone. */
export function formatDay(iso: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '—';
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(at);
}

/** "{{name}}" placeholders filled from `values` (the i18next syntax, so the same messages can join its resources). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export interface TableColumn<Row> {
  header: string;
  width: number | '*' | 'auto';
  align?: 'left' | 'right' | 'center';
  cell: (row: Row) => string;
}

/** A zebra-free table with a header row repeated on every page. */
export function dataTable<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: columns.map((c) => c.width),
      body: [
        columns.map((c) => ({ text: c.header, style: 'tableHeader', alignment: c.align ?? 'left' })),
        ...rows.map((r) => columns.map((c) => ({ text: c.cell(r), alignment: c.align ?? 'left' }))),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

/** Label/value pairs in two columns (the account's conditions, a report's filters). */
export function keyValues(pairs: readonly [string, string][]): Content {
  return {
    table: { widths: ['auto', '*'], body: pairs.map(([k, v]) => [{ text: k, bold: true }, { text: v }]) },
    layout: 'noBorders',
  };
}
