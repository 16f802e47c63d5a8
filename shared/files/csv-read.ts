import { decodeWindows1252 } from './windows-1252';

/** How a CSV file's bytes were written. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';
/** The separators files in the wild use: `,` (RFC 4180, Google), `;` (Excel in Brazil/Portugal), tab (Excel "Unicode text"), `|`. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The first record. */
  headers: string[];
  /** Every other record, as written (short or long rows are kept for the caller to report). */
  rows: string[][];
}

/**
 * Which encoding the bytes are in: a BOM says so; otherwise valid UTF-8 is UTF-8 (text in Windows-1252
 * with any accent is almost never valid UTF-8), and anything else is taken as Windows-1252, what
 * Excel in Portuguese writes.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The text of the bytes, in the encoding detected (or the one given), without the BOM. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding = detectEncoding(bytes)): string {
  switch (encoding) {
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(bytes.subarray(3));
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    case 'windows-1252':
      // Not TextDecoder: Node 20's maps 0x80–0x9F to control characters.
      return decodeWindows1252(bytes);
    default: {
      const text = new TextDecoder('utf-8').decode(bytes);
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    }
  }
}

/**
 * Records of a CSV text (RFC 4180, tolerant as spreadsheets are): fields quoted with `"` may hold
 * the delimiter, `""` and line breaks; records end with CRLF, LF or CR; a last empty line is no
 * record; `limit` stops after that many records.
 */
export function parseCsv(text: string, delimiter: string, limit = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < n && records.length < limit) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) endRecord();
  return records;
}

/**
 * The delimiter of a CSV text: of the candidates, the one that splits the first records into the
 * same number (2 or more) of fields most consistently, more fields breaking a tie. `,` when
 * nothing splits (a one-column file).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const records = parseCsv(sample, delimiter, 20).filter((r) => r.length > 1 || r[0] !== '');
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = records.filter((r) => r.length === width).length;
    const score = (consistent / records.length) * 1000 + Math.min(width, 999);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/** A cell our own export marked as text (`'=1+1`, `'+55 …`, see csv-write) back to what was typed. */
export function restoreNeutralisedCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A CSV file read whole: encoding and delimiter detected unless given; blank lines dropped. */
export function readCsv(input: Uint8Array | string, options: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): CsvTable {
  const encoding = typeof input === 'string' ? 'utf-8' : (options.encoding ?? detectEncoding(input));
  let text = typeof input === 'string' ? input : decodeText(input, encoding);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records = parseCsv(text, delimiter).filter((r) => r.length > 1 || r[0]!.trim() !== '');
  return { encoding, delimiter, headers: records[0] ?? [], rows: records.slice(1) };
}
