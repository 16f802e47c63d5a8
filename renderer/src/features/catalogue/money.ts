import { formatBasisPoints, formatIsoDay as safeIsoDay, formatMoney as safeMoney } from '../../ui/formats';
import type { ProductPrice } from '@shared/models';

/** Minor units → "R$ 1.234,50" / "1234,50 €" / "$1,234.50", with the currency's own number of decimals ("—" for a bad amount or code). */
export function formatMoney(amount: number, currency: ProductPrice['currency'] | string, locale: string): string {
  return safeMoney(amount, currency, locale);
}

/** Basis points → "12,5 %" in the locale. */
export function formatBp(bp: number, locale: string): string {
  return formatBasisPoints(bp, locale);
}

/** Today as the pricing rules take it: the local calendar day (now in shared/, for every area). */
export { localIsoDay } from '@shared/domain/local-day';

/** An ISO day shown in the locale's short date ("05/11/2026"). */
export function formatIsoDay(day: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return safeIsoDay(day, locale);
}
