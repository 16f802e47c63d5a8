import { encodeWindows1252 } from './windows-1252';

/**
 * How a CSV is written.
 * - `utf8`: `,` between fields, `.` in numbers, UTF-8 with a BOM (so Excel reads accents right).
 * - `excel-pt`: what Excel in Brazil and Portugal opens on a double click: `;` between fields,
 *   decimal comma, Windows-1252.
 */
export type CsvDialect = 'utf8' | 'excel-pt';
export const CSV_DIALECTS: readonly CsvDialect[] = ['utf8', 'excel-pt'];

/** One cell: text, or a number the spreadsheet can sum. */
export type CsvCell = string | number | null | undefined;

/**
 * Spreadsheets run a cell starting with one of these as a formula (tab and CR too: Excel strips
 * them and looks at what follows).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that would start a formula gets a leading
 * apostrophe, the "this is text" mark Excel, LibreOffice and Sheets hide. So `=1+1` stays text, and
 * a phone `+55 11 98765-4321` shows as typed instead of being computed (#NAME?). Our own import
 * takes the mark off again (`restoreNeutralisedCell` in csv-read).
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as the dialect's spreadsheet reads it: no grouping, `.` or `,` for decimals. */
function numberText(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return dialect === 'excel-pt' ? text.replace('.', ',') : text;
}

export const csvDelimiter = (dialect: CsvDialect) => (dialect === 'excel-pt' ? ';' : ',');

/** One field, quoted when it holds the delimiter, a quote or a line break (RFC 4180), or starts/ends with a space. */
function field(cell: CsvCell, dialect: CsvDialect, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? numberText(cell, dialect) : neutraliseCell(cell);
  if (text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The CSV text (no BOM), CRLF between records, a header row first. */
export function csvText(headers: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  const delimiter = csvDelimiter(dialect);
  const line = (cells: readonly CsvCell[]) => cells.map((c) => field(c, dialect, delimiter)).join(delimiter);
  const lines = [line(headers)];
  for (const row of rows) lines.push(line(row));
  return lines.join('\r\n');
}

/**
 * The file: for `utf8`, text starting with a BOM (written as UTF-8 by whoever saves it); for
 * `excel-pt`, Windows-1252 bytes (characters the code page lacks become '?').
 */
export function csvFile(headers: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string | Uint8Array {
  const text = csvText(headers, rows, dialect);
  return dialect === 'excel-pt' ? encodeWindows1252(text) : `\uFEFF${text}`;
}
