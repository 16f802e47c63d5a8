import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import { useTranslation } from 'react-i18next';

/** dayjs's names for the app's languages. */
const DAYJS_LOCALES: Record<string, string> = { 'pt-BR': 'pt-br', 'pt-PT': 'pt', en: 'en' };

/**
 * Props that put a Mantine date input in the user's language: month and weekday names, the week
 * starting on Monday in Portuguese, and dates shown and typed day first (dd/mm/aaaa), as the
 * contact form's birthday does.
 */
export function useDatesLocale() {
  const { i18n } = useTranslation();
  const locale = DAYJS_LOCALES[i18n.language] ?? 'pt-br';
  return { locale, firstDayOfWeek: locale === 'en' ? (0 as const) : (1 as const), valueFormat: 'DD/MM/YYYY' };
}
