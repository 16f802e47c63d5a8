import { QuickLogDialog } from '../features/activities/QuickLogDialog';
import { CommandPalette } from '../features/search/CommandPalette';

/** Overlays reachable from every screen (each owns its keyboard shortcut). */
export function GlobalOverlays() {
  return (
    <>
      <CommandPalette />
      <QuickLogDialog />
    </>
  );
}
