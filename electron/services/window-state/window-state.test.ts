import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clampToDisplays, createWindowStateStore } from './window-state';

const size = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('clampToDisplays', () => {
  it('reopens where the window was on a display that is still there', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1800, height: 1000 }, [laptop, monitor], size)).toEqual({ x: 1600, y: 100, width: 1800, height: 1000 });
  });

  it('brings the window back to the laptop when the monitor it was on is gone', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1800, height: 1000 }, [laptop], size)).toEqual({ x: 80, y: 38, width: 1280, height: 800 });
  });

  it('shrinks a window bigger than its display and keeps it inside', () => {
    expect(clampToDisplays({ x: -20, y: 10, width: 2000, height: 1200 }, [laptop], size)).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('centres the default size on the primary display the first time', () => {
    expect(clampToDisplays(undefined, [laptop, monitor], size)).toEqual({ x: 80, y: 38, width: 1280, height: 800 });
  });
});

describe('createWindowStateStore', () => {
  it('remembers size, position and maximized across restarts, and treats a damaged file as none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carteira-window-'));
    dirs.push(dir);
    const store = createWindowStateStore({ dir });
    expect(await store.load()).toBeNull();
    await store.save({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    expect(await createWindowStateStore({ dir }).load()).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8')).maximized).toBe(true);
    await writeFile(join(dir, 'window-state.json'), '{"bounds":{"x":"a"}');
    expect(await store.load()).toBeNull();
    await writeFile(join(dir, 'window-state.json'), '{"bounds":{"x":1,"y":2,"width":-5,"height":3}}');
    expect(await store.load()).toBeNull();
  });
});
