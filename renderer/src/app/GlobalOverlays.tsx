import { QuickLogDialog } from '../features/activities/QuickLogDialog';
import { CommandPalette } from '../features/search/CommandPalette';
import { PanelBoundary } from '../ui/ErrorBoundary';
import { UpdatePrompt } from '../features/updates';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useGoShortcuts } from './useGoShortcuts';

/** Overlays reachable from every screen (each owns its keyboard shortcut). */
export function GlobalOverlays() {
  useGoShortcuts();
  return (
    <>
      {/* One failing overlay leaves the others (and their shortcuts) working. */}
      <PanelBoundary>
        <CommandPalette />
      </PanelBoundary>
      <PanelBoundary>
        <QuickLogDialog />
      </PanelBoundary>
      <PanelBoundary>
        <ShortcutsHelp />
      </PanelBoundary>
      <PanelBoundary>
        <UpdatePrompt />
      </PanelBoundary>
    </>
  );
}
