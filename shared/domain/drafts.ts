import { sameValue } from './documents';

/**
 * An editor's unsaved state: the values it opened with (`started`, the stored record then) and the
 * values as typed. Kept so a killed window loses nothing, and so a restore can tell what the user
 * changed from what merely was stored when the editor opened.
 */
export interface Draft<V> {
  at: number;
  started: V;
  values: V;
}

/** The fields the user changed (structural comparison, so lists of phones compare by content). */
export function changedFields<V extends object>(started: V, values: V): (keyof V)[] {
  return (Object.keys(values) as (keyof V)[]).filter((k) => !sameValue(started[k], values[k]));
}

/**
 * What a restored editor shows: the record as stored now, with only the fields the user had
 * changed taken from the draft. A field the user never touched keeps whatever was stored since
 * (a sync, another window). Null when the draft holds nothing that differs from the stored record.
 */
export function restoreDraft<V extends object>(stored: V, draft: Draft<V>): { values: V; fields: (keyof V)[] } | null {
  const fields = changedFields(draft.started, draft.values).filter((k) => k in stored && !sameValue(stored[k], draft.values[k]));
  if (fields.length === 0) return null;
  const values = { ...stored };
  for (const k of fields) values[k] = draft.values[k];
  return { values, fields };
}
