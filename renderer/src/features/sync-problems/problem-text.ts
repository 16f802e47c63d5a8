import { keyUnder } from '../../i18n/app-messages';
import type { TFunction } from 'i18next';
import type { IncomingIssue } from '@shared/domain/incoming-document';
import { fieldLabel } from '../conflicts';
import { formatInstant, formatNumber } from '../../ui/formats';

/**
 * One refusal reason as a person reads it: the field (its translated name, the exact path when
 * it is inside a list or an object) and what is wrong, with the bound in the user's formats.
 */
export function issueText(collection: string, issue: IncomingIssue, t: TFunction, language: string, exists: (key: string) => boolean): string {
  const top = issue.path.split(/[.[]/)[0] ?? '';
  const field = issue.path === '' ? t('syncProblems.wholeDocument') : fieldLabel(collection, top, t, exists);
  const where = issue.path !== '' && issue.path !== top ? `${field} (${issue.path})` : issue.path === top && field !== top ? `${field} (${top})` : field;
  const limit =
    issue.limit === undefined
      ? ''
      : issue.code === 'time_out_of_range'
        ? formatInstant(issue.limit, language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
        : formatNumber(issue.limit, language);
  return `${where}: ${t(`syncProblems.issues.${issue.code}`, { limit })}`;
}

const STATUS_KEYS: Record<string, string> = { forbidden: 'forbidden', unauthorized: 'unauthorized', too_large: 'too_large', bad_request: 'bad_request' };

/** What kind of refusal a rejected change met, from CouchDB's error name. */
export function refusalText(error: string, status: number, t: TFunction): string {
  const key = STATUS_KEYS[error];
  return key ? t(keyUnder('syncProblems.statuses', key)) : t('syncProblems.statuses.other', { status });
}
