import type { Activity } from '@shared/models';
import { readEntry, removeEntry, writeEntry, type KeyValueStore } from '../../app/drafts/journal';

/**
 * The crash journal of meeting notes, on the app's draft journal: every keystroke is mirrored
 * synchronously to localStorage (one key per activity, with the time and the stored text it was
 * typed over), so a page killed between a keystroke and the database write loses nothing, and a
 * restore can merge with what was stored since instead of overwriting it.
 */
export interface JournalEntry {
  text: string;
  at: number;
  /** The stored notes the typing started from (absent in entries written before it was kept). */
  base?: string;
}

export const journalKey = (activityId: string) => `carteira.notes-journal.${activityId}`;

const isEntry = (v: unknown): v is JournalEntry =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as JournalEntry).text === 'string' &&
  typeof (v as JournalEntry).at === 'number' &&
  ((v as JournalEntry).base === undefined || typeof (v as JournalEntry).base === 'string');

/** False when the store refuses (quota): the debounced database write still follows. */
export function writeJournal(store: KeyValueStore, activityId: string, text: string, at: number, base?: string): boolean {
  return writeEntry(store, journalKey(activityId), base === undefined ? { text, at } : { text, at, base });
}

export function readJournal(store: KeyValueStore, activityId: string): JournalEntry | null {
  return readEntry(store, journalKey(activityId), isEntry);
}

/** Drops the journal once the database holds `text` (not if a newer keystroke was journalled since). */
export function clearJournal(store: KeyValueStore, activityId: string, text?: string): void {
  if (text !== undefined && readJournal(store, activityId)?.text !== text) return;
  removeEntry(store, journalKey(activityId));
}

/** When the stored notes were last edited. */
export const bodyTime = (doc: Pick<Activity, 'fieldTimes' | 'updatedAt'>) => doc.fieldTimes.body ?? doc.updatedAt;

/** Whether the journal holds notes the document lacks: written after the body's last edit, and different. */
export function journalIsNewer(entry: JournalEntry, doc: Pick<Activity, 'body' | 'fieldTimes' | 'updatedAt'>): boolean {
  return entry.text !== doc.body && entry.at > bodyTime(doc);
}
