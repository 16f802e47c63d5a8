import { alphanumericOnly, digitsOnly, normalizeText } from '../domain/text';

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NON_ASCII = /[^\x00-\x7f]/;

/** Words of a text for the index and for queries: accent- and case-free, split on anything but letters and digits. */
export function words(text: string): string[] {
  // normalizeText's NFD pass is the costliest step of indexing; plain ASCII needs only lower-casing.
  const normalized = NON_ASCII.test(text) ? normalizeText(text) : text.toLowerCase();
  if (!normalized) return [];
  return normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** A tax id, SKU or similar code as one key: letters and digits only, lower-case ("12.ABC.345/01DE-35" → "12abc34501de35"). */
export function codeKey(value: string): string {
  return alphanumericOnly(normalizeText(value)).toLowerCase();
}

/** The national number: without the country code (+55, +351) or a trunk 0. */
function nationalNumber(digits: string, international: boolean): string {
  if (digits.startsWith('55') && (international || digits.length >= 12)) return digits.slice(2);
  if (digits.startsWith('351') && (international || digits.length === 12)) return digits.slice(3);
  if (digits.startsWith('0') && digits.length >= 11) return digits.slice(1);
  return digits;
}

/**
 * The keys a phone number is found by, so any way of typing it matches by prefix: the national
 * number (the query drops a typed +55 / +351 the same way) and, for Brazil, the local number
 * without the area code. "+55 (11) 98765-4321" → 11987654321, 987654321.
 */
export function phoneKeys(number: string): string[] {
  const digits = digitsOnly(number);
  if (digits.length < 4) return [];
  const national = nationalNumber(digits, number.trim().startsWith('+'));
  const keys = new Set([national]);
  // Brazilian numbers with the area code (DDD): 10 digits landline, 11 mobile.
  if (national.length === 10 || national.length === 11) keys.add(national.slice(2));
  return [...keys];
}

/**
 * An e-mail's keys: the words of its local part and of its domain's name ("ana.reis@acme.com.br" →
 * ana, reis, acme). Not the whole address: one unique term per contact would crowd every prefix
 * range of the dictionary; a pasted address is looked up by these same words (parseQuery).
 */
export function emailKeys(address: string): string[] {
  const normalized = normalizeText(address).replace(/\s+/g, '');
  if (!normalized) return [];
  const at = normalized.indexOf('@');
  if (at < 0) return words(normalized);
  const domainName = normalized.slice(at + 1).split('.')[0] ?? '';
  return [...new Set([...words(normalized.slice(0, at)), ...words(domainName)])];
}

/** How a query reads: its words, and the single key it could be when it looks like a code, phone or e-mail. */
export interface ParsedQuery {
  words: string[];
  /** Letters and digits only, when the query holds digits (tax id, phone, SKU typed with punctuation). */
  code?: string;
  /** When it holds an '@': the address's keys (local part and domain name words), as the index keeps them. */
  email?: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: words(query).slice(0, 8) };
  let code = codeKey(query);
  // A typed country code is dropped as phoneKeys drops it.
  if (query.trim().startsWith('+') && /^\+[\d\s()-]*$/.test(query.trim())) code = nationalNumber(code, true);
  if (/\d/.test(code) && code.length >= 3 && code !== parsed.words[0]) parsed.code = code;
  if (query.includes('@')) {
    const keys = emailKeys(query.trim()).slice(0, 8);
    if (keys.length > 0) parsed.email = keys;
  }
  return parsed;
}
