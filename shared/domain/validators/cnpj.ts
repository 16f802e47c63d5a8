import { alphanumericOnly } from '../text';

/**
 * Brazilian CNPJ, numeric and alphanumeric. From July 2026 the Receita Federal issues CNPJs whose
 * first 12 characters may be letters (A–Z) or digits; the two check digits stay numeric. The check
 * digit algorithm is unchanged except that each character is worth its ASCII code minus 48
 * ('0'→0 … '9'→9, 'A'→17 … 'Z'→42), so old numeric CNPJs keep validating.
 */

const BASE_LENGTH = 12;
const CNPJ_LENGTH = 14;
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
/** What a user may type: the characters plus the usual punctuation (dots, slash, dash, spaces). */
const TYPED = /^[0-9A-Za-z.\-/\s]*$/;
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function checkDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i]!;
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits of a 12-character CNPJ base (root + branch), e.g. "12ABC34501DE" → "35". */
export function cnpjCheckDigits(base: string): string {
  const chars = alphanumericOnly(base);
  if (!/^[0-9A-Z]{12}$/.test(chars)) throw new Error('A CNPJ base has 12 letters or digits');
  const first = checkDigit(chars, FIRST_WEIGHTS);
  const second = checkDigit(chars + first, SECOND_WEIGHTS);
  return `${first}${second}`;
}

/** The 14 upper-case characters of a CNPJ without punctuation; '' when the input is not shaped like one. */
export function normalizeCnpj(value: string): string {
  if (!TYPED.test(value)) return '';
  const chars = alphanumericOnly(value);
  return SHAPE.test(chars) ? chars : '';
}

/** True for a well-formed CNPJ (numeric or alphanumeric, with or without punctuation) whose check digits match. */
export function isValidCnpj(value: string): boolean {
  const chars = normalizeCnpj(value);
  if (!chars) return false;
  // "00000000000000", "11111111111111"… pass the arithmetic but are never issued.
  if (/^(.)\1+$/.test(chars)) return false;
  return cnpjCheckDigits(chars.slice(0, BASE_LENGTH)) === chars.slice(BASE_LENGTH);
}

/** "12ABC34501DE35" → "12.ABC.345/01DE-35"; input that is not 14 CNPJ characters comes back unchanged. */
export function formatCnpj(value: string): string {
  const c = normalizeCnpj(value);
  if (c.length !== CNPJ_LENGTH) return value;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/** True when the CNPJ uses letters (the format issued from July 2026). */
export function isAlphanumericCnpj(value: string): boolean {
  return /[A-Z]/.test(normalizeCnpj(value));
}

export type CnpjOptions = {
  /** Make an alphanumeric CNPJ (letters in the root) instead of a numeric one. */
  alphanumeric?: boolean;
  /** Branch number (the 4 characters after the slash); headquarters is 1 → "0001". */
  branch?: number;
};

/**
 * A valid, formatted CNPJ from a random source (`random()` returns [0, 1), like Math.random or a
 * seeded PRNG), for sample data and tests.
 */
export function generateCnpj(random: () => number, options: CnpjOptions = {}): string {
  const pool = options.alphanumeric ? ALNUM : ALNUM.slice(0, 10);
  let root = '';
  for (let i = 0; i < 8; i++) root += pool[Math.floor(random() * pool.length)];
  // An alphanumeric CNPJ must show at least one letter, or it is just a numeric one.
  if (options.alphanumeric && !/[A-Z]/.test(root)) {
    const at = Math.floor(random() * 8);
    root = root.slice(0, at) + ALNUM[10 + Math.floor(random() * 26)] + root.slice(at + 1);
  }
  // A root of one repeated character is rejected by isValidCnpj; nudge it.
  if (/^(.)\1+$/.test(root)) root = (root[0] === '1' ? '2' : '1') + root.slice(1);
  const branch = String(options.branch ?? 1)
    .padStart(4, '0')
    .slice(-4);
  const base = root + branch;
  return formatCnpj(base + cnpjCheckDigits(base));
}
