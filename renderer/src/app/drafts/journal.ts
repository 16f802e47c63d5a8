import type { Draft } from '@shared/domain/drafts';

/**
 * The crash journal behind every editor: entries mirrored synchronously to localStorage on each
 * change, so a window killed between a keystroke and a save loses nothing. The database stays the
 * source of truth; the journal only fills the gap until the save (or the user discards it).
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Writes one entry now; false when the store refuses it (quota), so callers can still save. */
export function writeEntry(store: KeyValueStore, key: string, entry: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** The entry under `key`, or null when absent, corrupt or not of the expected shape. */
export function readEntry<T>(store: KeyValueStore, key: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const raw = store.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export function removeEntry(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // a store that cannot remove cannot have written either
  }
}

/** One editor's draft of one record (`new` for a record not created yet). */
export const draftKey = (form: string, recordId: string) => `carteira.draft.${form}.${recordId}`;

const isDraft = (v: unknown): v is Draft<never> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Draft<never>).at === 'number' &&
  typeof (v as Draft<never>).started === 'object' &&
  typeof (v as Draft<never>).values === 'object' &&
  (v as Draft<never>).started !== null &&
  (v as Draft<never>).values !== null;

export function writeDraft<V>(store: KeyValueStore, key: string, draft: Draft<V>): boolean {
  return writeEntry(store, key, draft);
}

export function readDraft<V>(store: KeyValueStore, key: string): Draft<V> | null {
  return readEntry(store, key, isDraft) as Draft<V> | null;
}
