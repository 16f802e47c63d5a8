import { digitsOnly } from '../text';

/**
 * Portuguese NIF (número de identificação fiscal): 9 digits, the first one or two telling the kind
 * of taxpayer, the last a mod-11 check digit (weights 9…2).
 */

/** Leading digits the Autoridade Tributária issues (one digit, or two when the first is 4, 7 or 9). */
export const NIF_PREFIXES = [
  '1',
  '2',
  '3', // individuals
  '45', // non-resident individuals
  '5', // companies (pessoas coletivas)
  '6', // public bodies
  '70',
  '74',
  '75', // estates, other entities
  '71', // non-resident companies
  '72', // investment funds
  '77', // assigned ex officio
  '78',
  '79', // non-residents without own NIF, exceptional regime
  '8', // sole traders (no longer issued, still in use)
  '90',
  '91', // condominiums, irregular companies
  '98', // non-residents without permanent establishment
  '99', // civil partnerships without legal personality
] as const;

/** Companies and other legal persons, for sample data. */
const COMPANY_PREFIXES = ['5', '5', '5', '5', '6', '70', '71', '72', '90', '98', '99'];
const PERSON_PREFIXES = ['1', '2', '2', '3', '45'];

/** Optional "PT" VAT prefix, digits and the spaces, dots or dashes people type between them. */
const TYPED = /^\s*(PT)?[0-9.\-\s]*$/i;

export function nifCheckDigit(base: string): number {
  if (!/^\d{8}$/.test(base)) throw new Error('A NIF base has 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(base[i]) * (9 - i);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The 9 digits of a NIF ("PT 123 456 789" → "123456789"); '' when not shaped like one. */
export function normalizeNif(value: string): string {
  if (!TYPED.test(value)) return '';
  const digits = digitsOnly(value);
  return digits.length === 9 ? digits : '';
}

export function hasValidNifPrefix(digits: string): boolean {
  return NIF_PREFIXES.some((prefix) => digits.startsWith(prefix));
}

/** True for a 9-digit NIF with an issued prefix and a matching check digit. */
export function isValidNif(value: string): boolean {
  const digits = normalizeNif(value);
  if (!digits || !hasValidNifPrefix(digits)) return false;
  return nifCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
}

/** "123456789" → "123 456 789", the way the AT prints it; anything else comes back unchanged. */
export function formatNif(value: string): string {
  const d = normalizeNif(value);
  if (!d) return value;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

/** A valid, formatted NIF from a random source returning [0, 1): a company's by default. */
export function generateNif(random: () => number, kind: 'company' | 'person' = 'company'): string {
  const prefixes = kind === 'company' ? COMPANY_PREFIXES : PERSON_PREFIXES;
  let base = prefixes[Math.floor(random() * prefixes.length)]!;
  while (base.length < 8) base += Math.floor(random() * 10);
  return formatNif(base + nifCheckDigit(base));
}
