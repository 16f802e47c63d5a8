import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface UnsavedChangesGuard {
  /** For a form's own Cancel/Back: true when there is nothing to lose or the user agrees to leave (then the next navigation passes). */
  confirmLeave(): boolean;
  /** Lets the next navigation through without asking (call right before navigating away after a save). */
  allowNavigation(): void;
}

/** One mounted form with unsaved changes. */
interface ActiveGuard {
  message: string;
  /** Set by allowNavigation/confirmLeave: the next navigation passes without asking. */
  bypass: boolean;
}

const active = new Set<ActiveGuard>();

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (![...active].some((g) => !g.bypass)) return;
  event.preventDefault();
  // Older Chromium (and Electron's will-prevent-unload) still look at returnValue.
  event.returnValue = '';
}

/** The slice of the Navigation API (Chromium, Electron) used to tell a new entry from Back/Forward. */
interface NavigationLike {
  currentEntry: { index: number } | null;
}
function navigationApi(): NavigationLike | undefined {
  return (window as { navigation?: NavigationLike }).navigation;
}
function entryIndex(): number | undefined {
  return navigationApi()?.currentEntry?.index;
}

/** The history index of the page the user is on (as far as the guard let them go). */
let lastIndex: number | undefined;
/** Set while the guard steps history back to where the user was; that hashchange is swallowed. */
let restoringTo: string | null = null;

function onHashChange(event: HashChangeEvent): void {
  if (restoringTo !== null) {
    const restored = window.location.href === restoringTo;
    restoringTo = null;
    if (restored) {
      event.stopImmediatePropagation();
      lastIndex = entryIndex();
      return;
    }
  }
  const guards = [...active];
  const asking = guards.filter((g) => !g.bypass);
  if (asking.length === 0 || window.confirm(asking[0]!.message)) {
    // This navigation passes; a form that stays mounted (and dirty) guards the next one again.
    for (const g of guards) g.bypass = true;
    setTimeout(() => {
      for (const g of guards) g.bypass = false;
    }, 0);
    lastIndex = entryIndex();
    return;
  }
  // The router never hears of the change, so the form stays as typed; then the address goes back.
  event.stopImmediatePropagation();
  const index = entryIndex();
  if (index !== undefined && lastIndex !== undefined && index !== lastIndex) {
    // Step over the entry just made (a link) or taken (Back/Forward), so history keeps no duplicate
    // of the form and Back still means "the page before the form".
    restoringTo = event.oldURL;
    window.history.go(lastIndex - index);
  } else {
    // No Navigation API (or nothing to step over): put the old address in place; this fires no hashchange.
    window.history.replaceState(window.history.state, '', event.oldURL);
  }
}

let installed = false;

/**
 * Puts the app-wide listeners in place. It must run before the router subscribes: Chromium calls
 * hashchange listeners on window in the order they were added, whatever their phase, and after the
 * router's listener React may already have rendered the next screen (unmounting the form). Called
 * at module load and by App; calling it again does nothing.
 */
export function installNavigationGuard(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  lastIndex = entryIndex();
  window.addEventListener('hashchange', onHashChange, { capture: true });
  window.addEventListener('beforeunload', onBeforeUnload);
}
installNavigationGuard();

/**
 * Keeps a form with unsaved changes from being left by accident: closing or reloading the window
 * (beforeunload; in Electron main asks, see electron/main/unload-prompt.ts) and any in-app hash
 * navigation (links, the sidebar, the palette, `g` shortcuts, Back) ask first with a translated
 * confirm; answering no puts the address back and the form stays as typed.
 */
export function useUnsavedChangesGuard(dirty: boolean, message?: string): UnsavedChangesGuard {
  const { t } = useTranslation();
  const text = message ?? t('common.unsavedChanges');
  const guard = useRef<ActiveGuard>({ message: text, bypass: false });
  guard.current.message = text;

  useEffect(() => {
    const current = guard.current;
    if (!dirty) {
      current.bypass = false;
      return;
    }
    active.add(current);
    return () => void active.delete(current);
  }, [dirty]);

  const confirmLeave = useCallback(() => {
    if (!dirty || guard.current.bypass) return true;
    // Once agreed, the navigation that follows is not asked about a second time.
    const leave = window.confirm(guard.current.message);
    if (leave) guard.current.bypass = true;
    return leave;
  }, [dirty]);
  const allowNavigation = useCallback(() => {
    guard.current.bypass = true;
  }, []);
  return { confirmLeave, allowNavigation };
}
