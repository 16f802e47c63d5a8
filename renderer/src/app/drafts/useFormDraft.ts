import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn, FieldValues } from 'react-hook-form';
import { changedFields, restoreDraft } from '@shared/domain/drafts';
import { draftKey, readDraft, removeEntry, writeDraft } from './journal';

/** One editor session's draft: what it opened with, what to restore, and the journal's writes. */
export interface FormDraft<V> {
  /** The stored values the editor opened with: the baseline of "what the user changed". */
  started: V;
  /** What the editor shows instead, restored from a draft (stored values + the user's changes), or null. */
  restored: V | null;
  /** Changes when the draft is discarded: key the editor with it so it starts over. */
  generation: number;
  /** Journals the values as typed (synchronously); drops the entry when they equal `started`. */
  record(values: V): void;
  /** After a save: the entry goes, and `saved` (when given) becomes the baseline. */
  clear(saved?: V): void;
  /** Drops the draft and restarts the editor from the record as stored now. */
  discard(): void;
}

interface Session<V> {
  recordId: string;
  started: V;
  restored: V | null;
}

/**
 * The draft of one editor (`form`) for one record. `stored` is the record's values as stored now
 * (null while loading); the first time it arrives for `recordId`, a draft left by a killed window
 * is restored over it — only the fields the user had changed, so newer stored data is never
 * silently overwritten.
 */
export function useFormDraft<V extends object>(form: string, recordId: string, stored: V | null): FormDraft<V> | null {
  const session = useRef<Session<V> | null>(null);
  const latest = useRef(stored);
  latest.current = stored;
  const [generation, setGeneration] = useState(0);
  const key = draftKey(form, recordId);

  if (stored && session.current?.recordId !== recordId) {
    const draft = readDraft<V>(localStorage, key);
    const restored = draft ? restoreDraft(stored, draft) : null;
    if (draft && !restored) removeEntry(localStorage, key); // the record already holds it
    session.current = { recordId, started: stored, restored: restored?.values ?? null };
  }

  const record = useCallback(
    (values: V) => {
      const s = session.current;
      if (!s) return;
      if (changedFields(s.started, values).length === 0) removeEntry(localStorage, key);
      else writeDraft(localStorage, key, { at: Date.now(), started: s.started, values });
    },
    [key],
  );
  const clear = useCallback(
    (saved?: V) => {
      removeEntry(localStorage, key);
      if (session.current && saved) session.current = { ...session.current, started: saved };
    },
    [key],
  );
  const discard = useCallback(() => {
    removeEntry(localStorage, key);
    const s = session.current;
    if (s) session.current = { ...s, started: latest.current ?? s.started, restored: null };
    setGeneration((g) => g + 1);
  }, [key]);

  // One object per record, reading the session as it is now (a save moves the baseline without
  // a render), so callers can keep it in their callbacks' dependencies.
  const generationRef = useRef(generation);
  generationRef.current = generation;
  const api = useMemo(
    (): FormDraft<V> => ({
      get started() {
        return session.current!.started;
      },
      get restored() {
        return session.current!.restored;
      },
      get generation() {
        return generationRef.current;
      },
      record,
      clear,
      discard,
    }),
    [record, clear, discard],
  );
  const s = session.current;
  if (!stored || !s || s.recordId !== recordId) return null;
  return api;
}

/**
 * Binds a react-hook-form editor to its draft: shows the restored values once on mount (keeping the
 * opened-with values as defaults, so the form counts as changed and the leave guard asks), and
 * journals every change as it happens (watch's callback runs within the keystroke's event).
 */
export function useDraftBinding<V extends FieldValues>(
  form: UseFormReturn<V>,
  restored: V | null | undefined,
  onValuesChange: ((values: V) => void) | undefined,
): void {
  const { reset, watch } = form;
  const restoredOnMount = useRef(restored);
  useEffect(() => {
    if (restoredOnMount.current) reset(restoredOnMount.current, { keepDefaultValues: true });
  }, [reset]);
  useEffect(() => {
    if (!onValuesChange) return;
    const sub = watch((values) => onValuesChange(values as V));
    return () => sub.unsubscribe();
  }, [watch, onValuesChange]);
}
