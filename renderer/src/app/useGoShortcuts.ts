import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { Area } from './areas';
import { paths } from './paths';

/** `g` then one of these letters goes to the area (Gmail/GitHub style). */
export const GO_SHORTCUTS: ReadonlyArray<{ key: string; area: Area['id']; path: string }> = [
  { key: 't', area: 'today', path: paths.today() },
  { key: 'a', area: 'accounts', path: paths.accounts() },
  { key: 'c', area: 'contacts', path: paths.contacts() },
  { key: 'f', area: 'pipeline', path: paths.pipeline() },
  { key: 'p', area: 'catalogue', path: paths.catalogue() },
  { key: 'o', area: 'orders', path: '/orders' },
  { key: 'r', area: 'reports', path: '/reports' },
  { key: 's', area: 'settings', path: paths.settings() },
];

/** How long after `g` the second letter is awaited. */
export const GO_SEQUENCE_MS = 1500;

/** True while the user types: single-letter shortcuts must not steal their keystrokes. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return target.closest('[role="combobox"], [role="textbox"], [role="searchbox"]') !== null;
}

/** Inside an open dialog, letters belong to the dialog (the quick log picks a type with them). */
function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/** A plain key press, eligible for single-key shortcuts (no Ctrl/Cmd/Alt, not typing, not in a dialog, not repeated). */
export function isPlainKey(event: KeyboardEvent): boolean {
  return (
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.repeat &&
    !event.isComposing &&
    !event.defaultPrevented &&
    !isTypingTarget(event.target) &&
    !isInDialog(event.target)
  );
}

/** Listens for `g` + letter anywhere in the app and navigates to that area. */
export function useGoShortcuts(): void {
  const [, navigate] = useLocation();
  useEffect(() => {
    let armedAt: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPlainKey(event)) {
        armedAt = null;
        return;
      }
      const key = event.key.toLowerCase();
      if (armedAt !== null && Date.now() - armedAt <= GO_SEQUENCE_MS) {
        armedAt = null;
        const target = GO_SHORTCUTS.find((s) => s.key === key);
        if (target) {
          event.preventDefault();
          navigate(target.path);
        }
        return;
      }
      armedAt = key === 'g' && !event.shiftKey ? Date.now() : null;
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
