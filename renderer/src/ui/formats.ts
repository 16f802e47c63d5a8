/**
 * Dates, numbers and money in the user's language, through Intl, that never throw: a value no
 * calendar or currency can show (a timestamp past year 275 760, NaN, an unknown currency code
 * from a bad import) renders as "—" instead of taking its screen down. Pure (no React), so
 * hooks, workers and notification texts share them.
 */
export const NO_VALUE = '—';

/** The largest time a JavaScript Date holds (±100 million days from 1970), in ms. */
const MAX_DATE_MS = 8.64e15;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: 'date' | 'number', locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

/** Whether `at` (epoch ms) is a time a Date can hold. */
export const isValidInstant = (at: unknown): at is number => typeof at === 'number' && Number.isFinite(at) && Math.abs(at) <= MAX_DATE_MS;

/** An instant (epoch ms) as short date and time by default ("01/12/2026 14:30"); "—" when no calendar has it. */
export function formatInstant(at: number, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' }): string {
  if (!isValidInstant(at)) return NO_VALUE;
  try {
    return dateFormat(locale, options).format(at);
  } catch {
    return NO_VALUE;
  }
}

/** A calendar day stored as ISO `YYYY-MM-DD` ("05/11/2026"); '' or anything else → "—". */
export function formatIsoDay(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'short' }): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return NO_VALUE;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(y, m - 1, d);
  const date = new Date(at);
  // 2026-02-31 would roll over to March: a day that does not exist is not shown as another one.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return NO_VALUE;
  return formatInstant(at, locale, { ...options, timeZone: 'UTC' });
}

/** A number in the locale ("1.234,5"); NaN or ±Infinity → "—". */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NO_VALUE;
  try {
    return numberFormat(locale, options).format(value);
  } catch {
    return NO_VALUE;
  }
}

/** Minor units → "R$ 1.234,50" / "1234,50 €" / "$1,234.50", with the currency's own decimals; a bad amount or code → "—". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return NO_VALUE;
  try {
    const format = numberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    return NO_VALUE;
  }
}

/** Basis points → "12,5 %" in the locale. */
export function formatBasisPoints(bp: number, locale: string): string {
  return formatNumber(bp / 10_000, locale, { style: 'percent', maximumFractionDigits: 2 });
}
