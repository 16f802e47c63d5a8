import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity } from '@shared/models';
import { changedFields } from '@shared/domain/drafts';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { useRepository } from '../../db/DatabaseProvider';
import { AUTOSAVE_DELAY_MS } from './useAutosavedNotes';
import { useFlushOnLeave } from './useFlushOnLeave';

/** The activity's typed details, as typed (strings, so nothing is coerced away mid-typing). */
export interface DetailValues {
  summary: string;
  durationMin: string;
}

const detailsOf = (a: Activity): DetailValues => ({ summary: a.summary, durationMin: a.durationMin ? String(a.durationMin) : '' });

/** The stored fields for what the user changed; an emptied summary is not stored (the field requires one). */
function detailsPatch(changed: (keyof DetailValues)[], values: DetailValues): Partial<Activity> {
  const patch: Partial<Activity> = {};
  if (changed.includes('summary') && values.summary.trim()) patch.summary = values.summary.trim();
  if (changed.includes('durationMin')) patch.durationMin = Math.min(100_000, Math.max(0, Math.round(Number(values.durationMin.replace(',', '.')) || 0)));
  return patch;
}

/**
 * The activity page's typed details (summary, duration), autosaved as the notes are: every change
 * goes to the draft journal at once and to the database after a short pause, on blur and when the
 * page is hidden or left. The pickers and selects beside them save on every change already.
 * A draft left by a killed window is shown again and written back — only the fields the user had
 * changed, over the activity as stored now; "discard" writes back what was stored before.
 */
export function useAutosavedDetails(activity: Activity) {
  const repo = useRepository('activities');
  const stored = detailsOf(activity);
  const draft = useFormDraft<DetailValues>('activity-details', activity.id, stored)!;
  const [values, setValues] = useState<DetailValues>(() => draft.restored ?? draft.started);
  const [restored, setRestored] = useState(() => draft.restored !== null);
  const latest = useRef(values);
  const beforeRestore = useRef(draft.restored ? draft.started : null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const dirty = useRef(draft.restored !== null);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      const typed = latest.current;
      const patch = detailsPatch(changedFields(draft.started, typed), typed);
      try {
        if (Object.keys(patch).length) await repo.update(activity.id, patch);
        // What is stored now is the baseline; a blank summary stays in the draft until it is filled.
        if (!dirty.current && (patch.summary !== undefined || !changedFields(draft.started, typed).includes('summary'))) draft.clear(typed);
      } catch {
        dirty.current = true; // the draft still holds it; retried on the next change or flush
      }
    });
    return chain.current;
  }, [activity.id, repo, draft]);

  const change = useCallback(
    (field: keyof DetailValues, value: string) => {
      const next = { ...latest.current, [field]: value };
      latest.current = next;
      setValues(next);
      draft.record(next);
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [draft, flush],
  );

  const discard = useCallback(() => {
    const previous = beforeRestore.current;
    setRestored(false);
    if (!previous) return;
    latest.current = previous;
    setValues(previous);
    dirty.current = true;
    draft.record(previous);
    void flush();
  }, [draft, flush]);

  // A restored draft is written back at once, as restored notes are.
  useEffect(() => {
    if (dirty.current) void flush();
  }, [flush]);

  // Edits made elsewhere show up in the fields nobody is typing in.
  const remote = `${stored.summary}\u0000${stored.durationMin}`;
  useEffect(() => {
    if (dirty.current) return;
    const now = detailsOf(activity);
    const shown = latest.current;
    const next = { ...shown };
    for (const key of Object.keys(now) as (keyof DetailValues)[]) if (sameTyped(shown, draft.started, key)) next[key] = now[key];
    if (next.summary !== shown.summary || next.durationMin !== shown.durationMin) {
      latest.current = next;
      setValues(next);
      draft.clear(now);
    }
    // `remote` stands for the stored values
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [remote]);

  useFlushOnLeave(flush);

  return { values, change, flush, restored, discard };
}

/** Whether the field still shows the baseline (not typed in since the last save). */
function sameTyped(shown: DetailValues, started: DetailValues, key: keyof DetailValues): boolean {
  return shown[key] === started[key];
}
