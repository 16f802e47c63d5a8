import { dynamicKey } from '../../i18n/app-messages';
import type { TFunction } from 'i18next';
import { META_FIELDS } from '@shared/models';
import { DELETED_FIELD } from '@shared/domain/sync-merge';
import { AREAS } from '../../app/areas';
import { formatNumber } from '../../ui/formats';

/** A value of the conflict log as a person reads it; `block` values keep their line breaks. */
export interface ShownValue {
  text: string;
  block: boolean;
}

/** Account fields whose stored codes have translated names (`status.client` → "Cliente"). */
const ACCOUNT_CODE_FIELDS = new Set(['status', 'segment', 'source', 'taxIdKind', 'country']);

/** The sidebar's name of the area that holds a collection, so the log speaks the app's words. */
export function collectionLabel(collectionName: string, t: TFunction): string {
  const area = AREAS.find((a) => a.collection === collectionName);
  return area ? t(`nav.${area.id}`) : collectionName;
}

export function fieldLabel(collectionName: string, field: string, t: TFunction, exists: (key: string) => boolean): string {
  if (field === DELETED_FIELD) return t('conflicts.deletionField');
  const key = `${collectionName}.fields.${field}`;
  return exists(key) ? t(dynamicKey(key)) : field;
}

/**
 * Pretty-prints a JSON value from the log in the current language. For deletion vs edit the values
 * are `true` (deleted), `false` (kept) or the edited document a deletion overrode.
 */
export function showValue(collectionName: string, field: string, json: string, t: TFunction, language: string, exists: (key: string) => boolean): ShownValue {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { text: json, block: json.includes('\n') };
  }
  if (field === DELETED_FIELD) {
    if (value === true) return { text: t('conflicts.deletedValue'), block: false };
    if (value === false) return { text: t('conflicts.existingValue'), block: false };
    return { text: JSON.stringify(withoutMeta(value), null, 2), block: true };
  }
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return { text: t('common.none'), block: false };
  if (typeof value === 'string') {
    const code = `${field}.${value}`;
    if (collectionName === 'accounts' && ACCOUNT_CODE_FIELDS.has(field) && exists(code)) return { text: t(dynamicKey(code)), block: false };
    return { text: value, block: value.includes('\n') };
  }
  if (typeof value === 'number') return { text: formatNumber(value, language), block: false };
  if (typeof value === 'boolean') return { text: t(value ? 'common.yes' : 'common.no'), block: false };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return { text: value.join(', '), block: false };
  return { text: JSON.stringify(value, null, 2), block: true };
}

/** The edited document minus bookkeeping (ids, edit times) nobody needs to read. */
function withoutMeta(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !(META_FIELDS as readonly string[]).includes(k)));
}
