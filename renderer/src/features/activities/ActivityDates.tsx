import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { reminderPresets } from '@shared/domain/activity-reminders';
import { formatInstant } from '../../ui/formats';

/** Mantine's date pickers in the user's language (dayjs locale names differ from ours). */
export function ActivityDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'pt-BR' ? 'pt-br' : i18n.language === 'pt-PT' ? 'pt' : 'en';
  return <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'en' ? 0 : 1 }}>{children}</DatesProvider>;
}

/** Mantine dates' `YYYY-MM-DD HH:mm:ss` string ⇄ epoch milliseconds (local time). */
export const toPickerValue = (at: number): string | null => (at > 0 ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : null);
export const fromPickerValue = (value: string | null | undefined): number => (value ? dayjs(value).valueOf() : 0);

/** Dates and times in the user's language, through Intl; a time no calendar holds shows "—" (ui/formats). */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    dateTime: (at: number) => formatInstant(at, lang),
    time: (at: number) => formatInstant(at, lang, { timeStyle: 'short' }),
    longDate: (at: number) => formatInstant(at, lang, { weekday: 'long', day: 'numeric', month: 'long' }),
  };
}

/** How the date pickers show a date and time, as people write them in the user's language. */
export function usePickerFormat(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'MM/DD/YYYY h:mm A' : 'DD/MM/YYYY HH:mm';
}

/** Reminder shortcuts for an event at `eventAt` ("at the time", "15 min before"…), as the date pickers' presets. */
export function useReminderPresets(eventAt: number): { value: string; label: string }[] | undefined {
  const { t } = useTranslation();
  const label = (m: number) =>
    m === 0
      ? t('activities.reminders.presetAtTime')
      : m === 60
        ? t('activities.reminders.presetHour')
        : m === 24 * 60
          ? t('activities.reminders.presetDay')
          : t('activities.reminders.presetBefore', { count: m });
  const presets = reminderPresets(eventAt, Date.now()).map((p) => ({ value: toPickerValue(p.at)!, label: label(p.minutesBefore) }));
  return presets.length ? presets : undefined; // an empty list would still take the picker's side column
}
