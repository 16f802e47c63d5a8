import { formatIsoDay as safeIsoDay } from '../../ui/formats';

/** Today as the pricing rules take it: the local calendar day (now in shared/, for every area). */
export { localIsoDay } from '@shared/domain/local-day';

/** An ISO day shown in the locale's short date ("05/11/2026"). */
export function formatIsoDay(day: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return safeIsoDay(day, locale);
}
