import type { ProductPrice } from '@shared/models';

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/** Minor units → "R$ 1.234,50" / "1234,50 €" / "$1,234.50", with the currency's own number of decimals. */
export function formatMoney(amount: number, currency: ProductPrice['currency'] | string, locale: string): string {
  const format = currencyFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** Basis points → "12,5 %" in the locale. */
export function formatBp(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Today as the pricing rules take it: the local calendar day (now in shared/, for every area). */
export { localIsoDay } from '@shared/domain/local-day';

/** An ISO day shown in the locale's short date ("05/11/2026"). */
export function formatIsoDay(day: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(new Date(y!, m! - 1, d!));
}
