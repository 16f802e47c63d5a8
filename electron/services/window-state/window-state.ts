import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../settings/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** At least this much of the window (its title bar) must lie on a display to be reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

/**
 * Where to open the window: the saved bounds if its title bar is still on one of the displays'
 * work areas (a monitor may have been unplugged since), shrunk to that display; otherwise the
 * default size centred on the primary display (the first one).
 */
export function clampToDisplays(
  saved: Rect | undefined,
  workAreas: readonly Rect[],
  size: { width: number; height: number; minWidth: number; minHeight: number },
): Rect | undefined {
  const primary = workAreas[0];
  if (!primary) return saved;
  if (saved) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, MIN_VISIBLE.height) };
    const home = workAreas.find((area) => {
      const seen = overlap(titleBar, area);
      return seen.width >= Math.min(MIN_VISIBLE.width, saved.width) && seen.height >= Math.min(MIN_VISIBLE.height, saved.height);
    });
    if (home) {
      const width = Math.max(size.minWidth, Math.min(saved.width, home.width));
      const height = Math.max(size.minHeight, Math.min(saved.height, home.height));
      const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - Math.min(width, home.width));
      const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - Math.min(height, home.height));
      return { x, y, width, height };
    }
  }
  const width = Math.min(size.width, primary.width);
  const height = Math.min(size.height, primary.height);
  return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
}

function isRect(value: unknown): value is Rect {
  const r = value as Rect;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && r.width > 0 && r.height > 0;
}

/** window-state.json in the user-data folder; a missing or damaged file just means "defaults". */
export function createWindowStateStore({ dir }: { dir: string }) {
  const file = join(dir, 'window-state.json');
  return {
    async load(): Promise<WindowState | null> {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<WindowState>;
        return isRect(parsed.bounds) ? { bounds: parsed.bounds, maximized: parsed.maximized === true } : null;
      } catch {
        return null;
      }
    },
    async save(state: WindowState): Promise<void> {
      await writeFileAtomic(file, JSON.stringify(state));
    },
  };
}
