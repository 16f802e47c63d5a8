import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.role ?? item.label ?? item.type ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('buildMenuTemplate', () => {
  it('has the app menu only on macOS', () => {
    expect(roles(buildMenuTemplate({ platform: 'darwin', isPackaged: true }))).toContain('appMenu');
    expect(roles(buildMenuTemplate({ platform: 'win32', isPackaged: true }))).not.toContain('appMenu');
  });

  it('offers developer tools only in unpackaged builds', () => {
    expect(roles(buildMenuTemplate({ platform: 'linux', isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ platform: 'linux', isPackaged: false }))).toContain('toggleDevTools');
  });

  it('keeps the standard edit menu so copy and paste shortcuts work', () => {
    expect(roles(buildMenuTemplate({ platform: 'linux', isPackaged: true }))).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu']));
  });
});
