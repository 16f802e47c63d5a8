import type { Activity } from '@shared/models';

/**
 * The crash journal of meeting notes: every keystroke is mirrored synchronously to localStorage
 * (one key per activity, with the time), so a page killed between a keystroke and the database
 * write loses nothing. The database stays the source of truth; the journal only fills the gap.
 */
export interface JournalEntry {
  text: string;
  at: number;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const journalKey = (activityId: string) => `carteira.notes-journal.${activityId}`;

export function writeJournal(store: KeyValueStore, activityId: string, text: string, at: number): boolean {
  try {
    store.setItem(journalKey(activityId), JSON.stringify({ text, at } satisfies JournalEntry));
    return true;
  } catch {
    return false; // quota: the debounced database write still follows
  }
}

export function readJournal(store: KeyValueStore, activityId: string): JournalEntry | null {
  try {
    const raw = store.getItem(journalKey(activityId));
    if (!raw) return null;
    const entry = JSON.parse(raw) as JournalEntry;
    return typeof entry.text === 'string' && typeof entry.at === 'number' ? entry : null;
  } catch {
    return null;
  }
}

/** Drops the journal once the database holds `text` (not if a newer keystroke was journalled since). */
export function clearJournal(store: KeyValueStore, activityId: string, text?: string): void {
  if (text !== undefined && readJournal(store, activityId)?.text !== text) return;
  store.removeItem(journalKey(activityId));
}

/** Whether the journal holds notes the document lacks: written after the body's last edit, and different. */
export function journalIsNewer(entry: JournalEntry, doc: Pick<Activity, 'body' | 'fieldTimes' | 'updatedAt'>): boolean {
  const bodyTime = doc.fieldTimes.body ?? doc.updatedAt;
  return entry.text !== doc.body && entry.at > bodyTime;
}
