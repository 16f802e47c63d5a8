import { csvFile } from '@shared/files/csv-write';
import { errorMessage } from '@shared/error-message';

/** One cell of an export: text, or a number the spreadsheet can sum. */
export type ExportCell = string | number;
/** `csv`: UTF-8 with BOM, `,`; `csv-excel-pt`: "Excel (Brasil/Portugal)" — `;`, decimal comma, Windows-1252. */
export type ExportFormat = 'csv' | 'csv-excel-pt' | 'xlsx';
/** A built file: the UTF-8 CSV as text, the Windows-1252 CSV and the XLSX as bytes. */
export type ExportContent = string | Uint8Array;

/** CSV with a header row, formula-safe cells (shared/files/csv-write). */
export function buildCsv(headers: readonly string[], rows: ExportCell[][], dialect: 'utf8' | 'excel-pt' = 'utf8'): string | Uint8Array {
  return csvFile(headers, rows, dialect);
}

/**
 * An .xlsx workbook with one sheet, headers in bold; the writer is loaded on first use. Cells are
 * typed (text is a string cell, never a formula), so `=1+1` or a phone `+55 …` stay as written.
 */
export async function buildXlsx(headers: readonly string[], rows: readonly ExportCell[][], sheet: string): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [headers.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => ({ value })))];
  return blobBytes(await writeXlsxFile(data, { sheet }).toBlob());
}

/** A Blob's bytes; FileReader where Blob#arrayBuffer is missing (older engines, jsdom). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Messages to the file builder (in its worker, or in-thread where there is no Worker). */
export type ToBuilder =
  /** Rows to append, in order; sent in batches as they are read so no single message is huge. */
  { type: 'rows'; rows: ExportCell[][] } | { type: 'build'; format: ExportFormat; headers: string[]; sheet: string };

export type FromBuilder = { type: 'done'; content: ExportContent } | { type: 'failed'; message: string };

/** The builder's side of the protocol, the same in the worker and in-thread: collects rows, then builds the file once. */
export function createExportHost(reply: (message: FromBuilder) => void): (message: ToBuilder) => void {
  let rows: ExportCell[][] = [];
  return (message) => {
    if (message.type === 'rows') {
      for (const row of message.rows) rows.push(row);
      return;
    }
    const all = rows;
    rows = [];
    const built =
      message.format === 'xlsx'
        ? buildXlsx(message.headers, all, message.sheet)
        : Promise.resolve(buildCsv(message.headers, all, message.format === 'csv-excel-pt' ? 'excel-pt' : 'utf8'));
    built.then(
      (content) => reply({ type: 'done', content }),
      (error: unknown) => reply({ type: 'failed', message: errorMessage(error) }),
    );
  };
}
