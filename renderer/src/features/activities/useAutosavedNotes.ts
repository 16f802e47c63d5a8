import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Activity } from '@shared/models';
import { mergeText } from '@shared/domain/text-merge';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { recordConflicts } from '../../sync/conflict-log';
import { bodyTime, clearJournal, journalIsNewer, readJournal, writeJournal } from './notes-journal';
import { useFlushOnLeave } from './useFlushOnLeave';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';
/** What happened to an edit of the notes made elsewhere while typing here (shown to the user). */
export type NotesNotice = 'merged' | 'conflict' | 'journalKept' | null;

/** How long typing may pause before the notes are written to the database. */
export const AUTOSAVE_DELAY_MS = 300;

/** How one write resolves the stored notes against the typed ones. */
type Resolution = { body: string; kind: 'plain' | 'merged' } | { body: string; kind: 'conflict'; lost: string; lostAt: number; lostBy: string; keptBy: string };

/**
 * The meeting notes of one activity, autosaved: each change is journalled to localStorage at once,
 * written to the database after a short pause, and flushed on blur, when the page is hidden or
 * unloaded, and when the editor unmounts. On load, notes the journal holds and the database lacks
 * (the page was killed mid-typing) are written back.
 *
 * Never overwrites an edit made elsewhere: each write compares the stored notes with the text the
 * typing started from (`written`); when another edit (a sync pull, another window) came in between,
 * the two are merged three-way, and where both changed the same words the later edit stays in the
 * field and the other is kept in the conflict log, restorable.
 */
export function useAutosavedNotes(id: string, doc: Activity | null | undefined) {
  const repo = useRepository('activities');
  const { db, author } = useDatabaseContext();
  const [text, setText] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState('');
  const [restored, setRestored] = useState(false);
  const [notice, setNotice] = useState<NotesNotice>(null);
  const pending = useRef<string | null>(null);
  /** The stored notes the text on screen derives from: the merge base of the next write. */
  const written = useRef<string | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  /** A restored journal older than the stored notes: on a clash the stored notes stay. */
  const storedWins = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const loadedFor = useRef<string | null>(null);
  /**
   * Set while the text was replaced (an edit from elsewhere taken in) but the screen still shows
   * the old one: a keystroke made meanwhile is computed on `text`, and is rebased onto the new text
   * instead of overwriting it. `base` is the merge base of that old text.
   */
  const staleScreen = useRef<{ text: string; base: string } | null>(null);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const value = pending.current;
      if (value === null) return;
      pending.current = null;
      const base = written.current ?? '';
      const resolve = (stored: Activity): Resolution => {
        if (stored.body === base || stored.body === value) return { body: value, kind: 'plain' };
        const merged = mergeText(base, value, stored.body);
        if (merged.clean) return { body: merged.text, kind: 'merged' };
        return storedWins.current
          ? { body: stored.body, kind: 'conflict', lost: value, lostAt: Date.now(), lostBy: author(), keptBy: stored.updatedBy }
          : { body: value, kind: 'conflict', lost: stored.body, lostAt: bodyTime(stored), lostBy: stored.updatedBy, keptBy: author() };
      };
      const record = (r: Resolution & { kind: 'conflict' }) =>
        recordConflicts(db, [
          {
            collection: 'activities',
            docId: id,
            field: 'body',
            keptValue: r.body,
            lostValue: r.lost,
            keptAt: Date.now(),
            lostAt: r.lostAt,
            keptBy: r.keptBy,
            lostBy: r.lostBy,
          },
        ]);
      try {
        // The losing text goes to the conflict log before the notes are written, so no failure
        // in between can lose it; a clash that appears only at write time is recorded after.
        const before = await repo.get(id);
        const first = before ? resolve(before) : null;
        if (first?.kind === 'conflict') await record(first);
        let final: Resolution = { body: value, kind: 'plain' };
        const saved = await repo.update(id, (stored) => {
          final = resolve(stored);
          return { body: final.body };
        });
        const outcome = final as Resolution;
        if (outcome.kind === 'conflict' && (first?.kind !== 'conflict' || first.lost !== outcome.lost || first.body !== outcome.body)) await record(outcome);
        const keptStored = storedWins.current;
        storedWins.current = false;
        written.current = saved.body;
        if (outcome.kind !== 'plain') {
          // A restored journal that lost to newer stored notes reads as "kept in Conflicts".
          setNotice(outcome.kind === 'conflict' && keptStored ? 'journalKept' : outcome.kind);
          // Show what was stored; keystrokes typed since this write began are merged over it.
          const typedSince = current.current ?? value;
          const shown =
            typedSince === value
              ? saved.body
              : (() => {
                  const m = mergeText(value, typedSince, saved.body);
                  return m.clean ? m.text : typedSince;
                })();
          if (shown !== typedSince) staleScreen.current = { text: staleScreen.current?.text ?? typedSince, base };
          current.current = shown;
          setText(shown);
          if (shown !== saved.body) {
            pending.current = shown;
            writeJournal(localStorage, id, shown, Date.now(), saved.body);
          }
        }
        if (pending.current === null) {
          clearJournal(localStorage, id, value);
          if (outcome.kind !== 'plain') clearJournal(localStorage, id);
          setStatus('saved');
        } else {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
        }
      } catch (err) {
        pending.current ??= value; // retried on the next change or flush; the journal still holds it
        setError((err as Error).message);
        setStatus('error');
      }
    });
    return chain.current;
  }, [id, repo, db, author]);

  // First load: the document's body, unless the journal holds notes it lacks.
  useEffect(() => {
    if (!doc || loadedFor.current === id) return;
    loadedFor.current = id;
    const entry = readJournal(localStorage, id);
    const show = (value: string) => {
      current.current = value;
      setText(value);
    };
    if (entry && entry.text !== doc.body && (entry.base !== undefined || journalIsNewer(entry, doc))) {
      // Typed here and never saved: written back, merged with whatever was stored since.
      written.current = entry.base ?? doc.body;
      storedWins.current = entry.at < bodyTime(doc);
      show(entry.text);
      setRestored(true);
      pending.current = entry.text;
      setStatus('saving');
      void flush();
      return;
    }
    written.current = doc.body;
    show(doc.body);
    if (!entry) return;
    if (entry.text === doc.body) {
      clearJournal(localStorage, id);
      return;
    }
    // An old entry (from before the journal kept its base) that the stored notes replaced since:
    // it goes to the conflict log, restorable, before the journal lets it go.
    void recordConflicts(db, [
      {
        collection: 'activities',
        docId: id,
        field: 'body',
        keptValue: doc.body,
        lostValue: entry.text,
        keptAt: bodyTime(doc),
        lostAt: entry.at,
        keptBy: doc.updatedBy,
        lostBy: author(),
      },
    ]).then(
      () => {
        clearJournal(localStorage, id, entry.text);
        setNotice('journalKept');
      },
      () => {},
    );
  }, [doc, id, flush, db, author]);

  // Notes edited elsewhere (another window, sync): shown at once when nothing is being typed here,
  // merged into what is being typed otherwise.
  const remoteBody = doc?.body;
  useEffect(() => {
    if (remoteBody === undefined || loadedFor.current !== id || remoteBody === written.current) return;
    if (pending.current !== null) {
      void flush();
    } else if (current.current === written.current) {
      staleScreen.current = { text: staleScreen.current?.text ?? current.current ?? '', base: written.current ?? '' };
      written.current = remoteBody;
      current.current = remoteBody;
      setText(remoteBody);
    }
  }, [remoteBody, id, flush]);

  // Once the screen shows the text held here, keystrokes are computed on it again.
  useLayoutEffect(() => {
    if (text === current.current) staleScreen.current = null;
  }, [text]);

  const onChange = useCallback(
    (typed: string) => {
      let value = typed;
      const stale = staleScreen.current;
      if (stale !== null && current.current !== undefined) {
        // Typed on a screen not yet redrawn with the text taken in: the keystroke moves onto it.
        const rebased = mergeText(stale.text, typed, current.current);
        if (rebased.clean) value = rebased.text;
        // Both changed the same words: the write merges from what was typed on, and a clash is logged.
        else written.current = stale.base;
        staleScreen.current = rebased.clean ? { text: typed, base: stale.base } : null;
      }
      current.current = value;
      setText(value);
      writeJournal(localStorage, id, value, Date.now(), written.current);
      pending.current = value;
      setStatus('saving');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [id, flush],
  );

  useFlushOnLeave(flush);

  return { text, onChange, flush, status, error, restored, notice };
}
