import { digitsOnly } from '../text';

/** Brazilian CPF (individuals): 9 digits + 2 mod-11 check digits. */

const TYPED = /^[0-9.\-\s]*$/;

function checkDigit(digits: string, firstWeight: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (firstWeight - i);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits of a 9-digit CPF base. */
export function cpfCheckDigits(base: string): string {
  if (!/^\d{9}$/.test(base)) throw new Error('A CPF base has 9 digits');
  const first = checkDigit(base, 10);
  const second = checkDigit(base + first, 11);
  return `${first}${second}`;
}

/** The 11 digits of a CPF; '' when the input is not shaped like one. */
export function normalizeCpf(value: string): string {
  if (!TYPED.test(value)) return '';
  const digits = digitsOnly(value);
  return digits.length === 11 ? digits : '';
}

/** True for an 11-digit CPF (punctuation optional) whose check digits match. */
export function isValidCpf(value: string): boolean {
  const digits = normalizeCpf(value);
  if (!digits) return false;
  // Repeated digits pass the arithmetic but are never issued.
  if (/^(\d)\1+$/.test(digits)) return false;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

/** "52998224725" → "529.982.247-25"; anything else comes back unchanged. */
export function formatCpf(value: string): string {
  const d = normalizeCpf(value);
  if (!d) return value;
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/** A valid, formatted CPF from a random source returning [0, 1). */
export function generateCpf(random: () => number): string {
  let base = '';
  for (let i = 0; i < 9; i++) base += Math.floor(random() * 10);
  if (/^(\d)\1+$/.test(base)) base = (base[0] === '1' ? '2' : '1') + base.slice(1);
  return formatCpf(base + cpfCheckDigits(base));
}
