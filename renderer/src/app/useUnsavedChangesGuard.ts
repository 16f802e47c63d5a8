import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form gets from the guard. */
export interface UnsavedChangesGuard {
  /**
   * Reports whether the form has unsaved changes, for forms that learn it through a callback
   * (`onDirtyChange`); no re-render. Forms that compute it each render pass it to the hook instead.
   */
  setDirty(dirty: boolean): void;
  isDirty(): boolean;
  /** For a form's own Cancel/Back: true when there is nothing to lose or the user agrees to leave (then the next navigation passes). */
  confirmLeave(): boolean;
  /**
   * After a successful save: nothing is left to lose, so no navigation and no unload asks until the
   * form reports a change of dirtiness again. Call it before navigating away.
   */
  allowNavigation(): void;
}

/** One mounted form. */
interface ActiveGuard {
  message: string;
  dirty: boolean;
  /** Saved (allowNavigation): nothing to lose until the form's dirtiness changes again. */
  released: boolean;
  /** The user agreed to leave, or a navigation was let through: the navigation under way passes. */
  passing: boolean;
}

const active = new Set<ActiveGuard>();

const asks = (g: ActiveGuard) => g.dirty && !g.released && !g.passing;

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (![...active].some(asks)) return;
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
  const asking = guards.filter(asks);
  if (asking.length === 0 || window.confirm(asking[0]!.message)) {
    // This navigation passes; a form that stays mounted (and dirty) guards the next one again.
    for (const g of guards) g.passing = true;
    setTimeout(() => {
      for (const g of guards) g.passing = false;
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

function setGuardDirty(g: ActiveGuard, dirty: boolean): void {
  if (g.dirty === dirty) return;
  g.dirty = dirty;
  // Changed after a save (or back to the saved state): the release is over.
  g.released = false;
}

/**
 * The app's one unsaved-changes guard. While the form is dirty, closing or reloading the window
 * (beforeunload; in Electron main asks, see electron/main/unload-prompt.ts) and any in-app hash
 * navigation (links, the sidebar, the palette, `g` shortcuts, Back, a typed address) ask first with
 * a translated confirm; answering no puts the address back and the form stays as typed. Nothing
 * asks when nothing changed, nor after `allowNavigation()` (a successful save).
 *
 * `dirty`: pass it when the component knows it on every render; leave it out and call `setDirty`
 * when the form reports it through a callback. `message` defaults to `common.unsavedChanges`.
 */
export function useUnsavedChangesGuard(dirty?: boolean, message?: string): UnsavedChangesGuard {
  const { t } = useTranslation();
  const text = message ?? t('common.unsavedChanges');
  const guard = useRef<ActiveGuard>(null);
  guard.current ??= { message: text, dirty: false, released: false, passing: false };
  guard.current.message = text;

  useEffect(() => {
    const current = guard.current!;
    active.add(current);
    return () => void active.delete(current);
  }, []);
  useEffect(() => {
    if (dirty !== undefined) setGuardDirty(guard.current!, dirty);
  }, [dirty]);

  const setDirty = useCallback((d: boolean) => setGuardDirty(guard.current!, d), []);
  const isDirty = useCallback(() => guard.current!.dirty, []);
  const confirmLeave = useCallback(() => {
    const g = guard.current!;
    if (!asks(g)) return true;
    // Once agreed, the navigation that follows is not asked about a second time.
    const leave = window.confirm(g.message);
    if (leave) g.passing = true;
    return leave;
  }, []);
  const allowNavigation = useCallback(() => {
    guard.current!.released = true;
  }, []);
  return { setDirty, isDirty, confirmLeave, allowNavigation };
}
