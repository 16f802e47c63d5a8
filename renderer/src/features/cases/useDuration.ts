import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, CaseSeverity } from '@shared/models';
import { caseDuration, durationParts, isOverdueCase } from '@shared/domain/cases';
import { useFormats } from '../../ui/useFormats';

/** "3 dias" / "5 horas" in the user's language (Intl's units carry the plural). */
export function useDurationText(): (ms: number) => string {
  const f = useFormats();
  return useCallback(
    (ms: number) => {
      const p = durationParts(ms);
      return f.number(p.count, { style: 'unit', unit: p.unit === 'days' ? 'day' : 'hour', unitDisplay: 'long' });
    },
    [f],
  );
}

/** A case's time open (while open) or time to resolve, as a sentence, and whether it is overdue. */
export function useCaseTime(): (c: Case, now: number) => { text: string; overdue: boolean } {
  const { t } = useTranslation();
  const duration = useDurationText();
  return useCallback(
    (c: Case, now: number) => {
      const d = caseDuration(c, now);
      const time = duration(d.ms);
      return { text: d.running ? t('cases.duration.open', { time }) : t('cases.duration.resolved', { time }), overdue: isOverdueCase(c, now) };
    },
    [t, duration],
  );
}

/** The badge color of a severity. */
export const severityColor = (s: CaseSeverity): string => ({ critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' })[s];
