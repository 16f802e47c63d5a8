import { alphanumericOnly, digitsOnly, normalizeText } from '../domain/text';

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

/**
 * The keys a phone number is found by, so any way of typing it matches by prefix: the full digits
 * (with country code), the national number (without +55 / +351 or a trunk 0) and, for Brazil, the
 * local number without the area code. "+55 (11) 98765-4321" → 5511987654321, 11987654321, 987654321.
 */
export function phoneKeys(number: string): string[] {
  const digits = digitsOnly(number);
  if (digits.length < 4) return [];
  const keys = new Set([digits]);
  let national = digits;
  if (digits.startsWith('55') && digits.length >= 12) national = digits.slice(2);
  else if (digits.startsWith('351') && digits.length === 12) national = digits.slice(3);
  else if (digits.startsWith('0') && digits.length >= 11) national = digits.slice(1);
  keys.add(national);
  // Brazilian numbers with the area code (DDD): 10 digits landline, 11 mobile.
  if (national !== digits || digits.length === 10 || digits.length === 11) {
    if (national.length === 10 || national.length === 11) keys.add(national.slice(2));
  }
  return [...keys];
}

/** An e-mail's keys: the whole address (to paste one) and the words of its local part and domain name. */
export function emailKeys(address: string): string[] {
  const normalized = normalizeText(address).replace(/\s+/g, '');
  if (!normalized) return [];
  const at = normalized.indexOf('@');
  if (at < 0) return [normalized, ...words(normalized)];
  const local = normalized.slice(0, at);
  const domainName = normalized.slice(at + 1).split('.')[0] ?? '';
  return [normalized, ...words(local), ...words(domainName)];
}

/** How a query reads: its words, and the single key it could be when it looks like a code, phone or e-mail. */
export interface ParsedQuery {
  words: string[];
  /** Letters and digits only, when the query holds digits (tax id, phone, SKU typed with punctuation). */
  code?: string;
  /** The whole query without spaces, when it holds an '@'. */
  email?: string;
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: words(query).slice(0, 8) };
  const code = codeKey(query);
  if (/\d/.test(code) && code.length >= 3 && code !== parsed.words[0]) parsed.code = code;
  if (query.includes('@')) parsed.email = normalizeText(query).replace(/\s+/g, '');
  return parsed;
}
