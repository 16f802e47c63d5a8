import { useCallback, useEffect, useRef } from 'react';

/**
 * Unsaved-changes guard for an editor page: the browser asks before unloading while `dirty`, and
 * `confirmLeave` asks before an in-app navigation (cancel). Generic: any editor can use it.
 */
export function useLeaveGuard(message: string) {
  const dirty = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);
  const confirmLeave = useCallback(() => !dirty.current || window.confirm(message), [message]);
  return { setDirty, confirmLeave, isDirty: () => dirty.current };
}
