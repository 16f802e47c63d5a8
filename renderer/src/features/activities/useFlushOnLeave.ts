import { useEffect } from 'react';

/**
 * Writes what an autosaving editor holds whenever the person may be leaving it: the window is
 * hidden (a laptop lid, another app), the page is being unloaded or closed, or the editor unmounts
 * (a route change). The journal already holds every keystroke; this puts it in the database too.
 */
export function useFlushOnLeave(flush: () => Promise<unknown>): void {
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
      void flush();
    };
  }, [flush]);
}
