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

/** Every item that shows text, with the locale's label (separators show none). */
function labelled(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? labelled(item.submenu) : [])]).filter((item) => item.type !== 'separator');
}

describe('buildMenuTemplate in the app language', () => {
  const platforms: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];
  const locales = ['pt-BR', 'pt-PT', 'en'] as const;

  it.each(locales)('gives every item an explicit label in %s on each platform', (locale) => {
    for (const platform of platforms) {
      for (const item of labelled(buildMenuTemplate({ platform, isPackaged: false, locale }))) {
        expect(item.label, `${platform} ${item.role}`).toBeTruthy();
        expect(item.label).toBe(item.label?.trim());
      }
    }
  });

  it('leaves no English in the Portuguese menus', () => {
    const english = new Set(
      labelled(buildMenuTemplate({ platform: 'darwin', isPackaged: false, locale: 'en' }))
        .map((i) => i.label)
        .filter((l) => l !== 'Carteira'),
    );
    for (const locale of ['pt-BR', 'pt-PT'] as const) {
      for (const platform of platforms) {
        const labels = labelled(buildMenuTemplate({ platform, isPackaged: false, locale })).map((i) => i.label);
        expect(
          labels.filter((l) => english.has(l)),
          `${locale} ${platform}`,
        ).toEqual([]);
      }
    }
  });

  it('speaks the Portuguese each country uses', () => {
    const top = (locale: (typeof locales)[number]) => buildMenuTemplate({ platform: 'win32', isPackaged: true, locale }).map((i) => i.label);
    expect(top('pt-BR')).toEqual(['Arquivo', 'Editar', 'Exibir', 'Janela']);
    expect(top('pt-PT')).toEqual(['Ficheiro', 'Editar', 'Ver', 'Janela']);
    expect(top('en')).toEqual(['File', 'Edit', 'View', 'Window']);
  });

  it('keeps the roles that bring the standard shortcuts, with Portuguese labels', () => {
    const items = labelled(buildMenuTemplate({ platform: 'linux', isPackaged: true, locale: 'pt-BR' }));
    const byRole = Object.fromEntries(items.filter((i) => i.role).map((i) => [i.role, i.label]));
    expect(byRole).toMatchObject({
      undo: 'Desfazer',
      redo: 'Refazer',
      cut: 'Recortar',
      copy: 'Copiar',
      paste: 'Colar',
      selectAll: 'Selecionar tudo',
      quit: 'Sair do Carteira',
      zoomIn: 'Aumentar',
      togglefullscreen: 'Tela cheia',
    });
  });

  it('defaults to pt-BR before settings are read', () => {
    expect(buildMenuTemplate({ platform: 'linux', isPackaged: true })[0]?.label).toBe('Arquivo');
  });
});
