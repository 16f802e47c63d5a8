import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity } from '@shared/models';
import { useRepository } from '../../db/DatabaseProvider';
import { clearJournal, journalIsNewer, readJournal, writeJournal } from './notes-journal';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/** How long typing may pause before the notes are written to the database. */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * The meeting notes of one activity, autosaved: each change is journalled to localStorage at once,
 * written to the database after a short pause, and flushed on blur, when the page is hidden or
 * unloaded, and when the editor unmounts. On load, notes the journal holds and the database lacks
 * (the page was killed mid-typing) are written back.
 */
export function useAutosavedNotes(id: string, doc: Activity | null | undefined) {
  const repo = useRepository('activities');
  const [text, setText] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState('');
  const [restored, setRestored] = useState(false);
  const pending = useRef<string | null>(null);
  const written = useRef<string | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const loadedFor = useRef<string | null>(null);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const value = pending.current;
      if (value === null) return;
      pending.current = null;
      try {
        await repo.update(id, { body: value });
        written.current = value;
        if (pending.current === null) {
          clearJournal(localStorage, id, value);
          setStatus('saved');
        }
      } catch (err) {
        pending.current ??= value; // retried on the next change or flush; the journal still holds it
        setError((err as Error).message);
        setStatus('error');
      }
    });
    return chain.current;
  }, [id, repo]);

  // First load: the document's body, unless the journal holds newer notes.
  useEffect(() => {
    if (!doc || loadedFor.current === id) return;
    loadedFor.current = id;
    const entry = readJournal(localStorage, id);
    if (entry && journalIsNewer(entry, doc)) {
      current.current = entry.text;
      written.current = doc.body;
      setText(entry.text);
      setRestored(true);
      pending.current = entry.text;
      setStatus('saving');
      void flush();
    } else {
      if (entry) clearJournal(localStorage, id);
      current.current = doc.body;
      written.current = doc.body;
      setText(doc.body);
    }
  }, [doc, id, flush]);

  // Notes edited elsewhere (another window, sync) show up when nothing is being typed here.
  const remoteBody = doc?.body;
  useEffect(() => {
    if (remoteBody === undefined || loadedFor.current !== id || pending.current !== null) return;
    if (remoteBody !== written.current && current.current === written.current) {
      written.current = remoteBody;
      current.current = remoteBody;
      setText(remoteBody);
    }
  }, [remoteBody, id]);

  const onChange = useCallback((value: string) => {
    current.current = value;
    setText(value);
    writeJournal(localStorage, id, value, Date.now());
    pending.current = value;
    setStatus('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [id, flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      void flush(); // leaving the page (route change): write what is pending
    };
  }, [flush]);

  return { text, onChange, flush, status, error, restored };
}
