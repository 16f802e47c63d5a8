import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface UnsavedChangesGuard {
  /** For a form's own Cancel/Back: true when there is nothing to lose or the user agrees to leave (then the next navigation passes). */
  confirmLeave(): boolean;
  /** Lets the next navigation through without asking (call right before navigating away after a save). */
  allowNavigation(): void;
}

/**
 * Keeps a form with unsaved changes from being left by accident: closing or reloading the window
 * (beforeunload; in Electron main asks, see electron/main/unload-prompt.ts) and any in-app hash
 * navigation (links, the sidebar, the palette, `g` shortcuts, Back) ask first with a translated
 * confirm; answering no puts the address back and the form stays as typed.
 *
 * The hashchange listener is a capture listener on window, so it runs before the router's (a
 * bubbling one on window) and can stop it from seeing a refused change.
 */
export function useUnsavedChangesGuard(dirty: boolean, message?: string): UnsavedChangesGuard {
  const { t } = useTranslation();
  const text = message ?? t('common.unsavedChanges');
  const bypass = useRef(false);

  useEffect(() => {
    if (!dirty) {
      bypass.current = false;
      return;
    }
    let currentHref = window.location.href;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (bypass.current) return;
      event.preventDefault();
      // Older Chromium (and Electron's will-prevent-unload) still look at returnValue.
      event.returnValue = '';
    };
    const onHashChange = (event: HashChangeEvent) => {
      if (bypass.current || window.confirm(text)) {
        bypass.current = false;
        currentHref = window.location.href;
        return;
      }
      event.stopImmediatePropagation();
      // replaceState fires no hashchange, so the router reads the old address as if nothing happened.
      window.history.replaceState(window.history.state, '', event.oldURL || currentHref);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('hashchange', onHashChange, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('hashchange', onHashChange, { capture: true });
    };
  }, [dirty, text]);

  const confirmLeave = useCallback(() => {
    if (!dirty) return true;
    // Once agreed, the navigation that follows is not asked about a second time.
    const leave = window.confirm(text);
    if (leave) bypass.current = true;
    return leave;
  }, [dirty, text]);
  const allowNavigation = useCallback(() => {
    bypass.current = true;
  }, []);
  return { confirmLeave, allowNavigation };
}
