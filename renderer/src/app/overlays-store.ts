import { create } from 'zustand';
import type { ActivityType } from '@shared/models/activities';

/** What a quick log is about, taken from the screen it was opened on. */
export interface QuickLogTarget {
  type?: ActivityType;
  accountId?: string;
  contactId?: string;
  dealId?: string;
}

interface OverlaysState {
  /** The command palette (Ctrl/Cmd+K). */
  paletteOpen: boolean;
  openPalette(): void;
  closePalette(): void;
  /** The quick activity log; null when closed. */
  quickLog: QuickLogTarget | null;
  openQuickLog(target?: QuickLogTarget): void;
  closeQuickLog(): void;
}

/**
 * The app-wide overlays, so any feature (the palette's "log call" command, a page's button, a
 * shortcut) can open them without importing one another.
 */
export const useOverlaysStore = create<OverlaysState>((set) => ({
  paletteOpen: false,
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  quickLog: null,
  openQuickLog: (target = {}) => set({ quickLog: target, paletteOpen: false }),
  closeQuickLog: () => set({ quickLog: null }),
}));
