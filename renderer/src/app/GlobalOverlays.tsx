import { QuickLogDialog } from '../features/activities/QuickLogDialog';
import { CommandPalette } from '../features/search/CommandPalette';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useGoShortcuts } from './useGoShortcuts';

/** Overlays reachable from every screen (each owns its keyboard shortcut). */
export function GlobalOverlays() {
  useGoShortcuts();
  return (
    <>
      <CommandPalette />
      <QuickLogDialog />
      <ShortcutsHelp />
    </>
  );
}
