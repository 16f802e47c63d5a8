/**
 * File formats, pure (no DOM, no Node): what Carteira writes and reads. CSV in two dialects
 * (UTF-8 with BOM; "Excel Brasil/Portugal": `;`, decimal comma, Windows-1252) with formula-safe
 * cells; CSV reading with encoding and delimiter detection; vCard 2.1/3.0/4.0 and MeCard reading,
 * vCard 4.0 writing; iCalendar of meetings and tasks with time zones.
 */
export * from './csv-write';
export * from './csv-read';
export * from './windows-1252';
export * from './wall-clock';
export * from './vcard';
export * from './ics';
export { foldLine, unfold, escapeText, unescapeText } from './content-lines';
