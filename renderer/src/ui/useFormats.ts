import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBasisPoints, formatInstant, formatIsoDay, formatMoney, formatNumber } from './formats';

/** The safe formatters (see formats.ts) bound to the user's language: a bad value shows "—", never throws. */
export function useFormats() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      /** "01/12/2026 14:30" */
      dateTime: (at: number) => formatInstant(at, locale),
      /** "01/12/2026" */
      date: (at: number) => formatInstant(at, locale, { dateStyle: 'short' }),
      /** "14:30" */
      time: (at: number) => formatInstant(at, locale, { timeStyle: 'short' }),
      /** "terça-feira, 1 de dezembro" */
      longDate: (at: number) => formatInstant(at, locale, { weekday: 'long', day: 'numeric', month: 'long' }),
      instant: (at: number, options: Intl.DateTimeFormatOptions) => formatInstant(at, locale, options),
      /** An ISO calendar day ('' → "—"). */
      isoDay: (iso: string) => formatIsoDay(iso, locale),
      money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
      pct: (bp: number) => formatBasisPoints(bp, locale),
    }),
    [locale],
  );
}
