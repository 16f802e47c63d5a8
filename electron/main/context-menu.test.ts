import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applySpellcheck, buildContextMenuTemplate, CONTEXT_MENU_LABELS, installContextMenu, type ContextMenuParams } from './context-menu';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (over: Partial<ContextMenuParams>): ContextMenuParams => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: allowed,
  ...over,
});
const noActions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined };
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('buildContextMenuTemplate', () => {
  it('offers cut, copy, paste and select all in a text field, in the app language', () => {
    expect(labels(buildContextMenuTemplate(params({}), 'pt-BR', noActions))).toEqual(['Recortar', 'Copiar', 'Colar', 'Selecionar tudo']);
    expect(labels(buildContextMenuTemplate(params({}), 'pt-PT', noActions))).toEqual(['Cortar', 'Copiar', 'Colar', 'Selecionar tudo']);
    expect(labels(buildContextMenuTemplate(params({}), 'en', noActions))).toEqual(['Cut', 'Copy', 'Paste', 'Select All']);
  });

  it('greys out what cannot be done where the user clicked', () => {
    const items = buildContextMenuTemplate(params({ editFlags: { ...allowed, canCut: false, canCopy: false } }), 'pt-BR', noActions);
    expect(items.filter((i) => i.enabled === false).map((i) => i.role)).toEqual(['cut', 'copy']);
  });

  it('offers only copy over selected page text, and nothing over plain UI', () => {
    expect(labels(buildContextMenuTemplate(params({ isEditable: false, selectionText: 'Acme Ltda' }), 'pt-BR', noActions))).toEqual(['Copiar']);
    expect(buildContextMenuTemplate(params({ isEditable: false }), 'pt-BR', noActions)).toEqual([]);
  });

  it('puts spelling suggestions first, replacing the word or adding it to the dictionary', () => {
    const done: string[] = [];
    const items = buildContextMenuTemplate(params({ misspelledWord: 'reuniao', dictionarySuggestions: ['reunião', 'reunia'] }), 'pt-BR', {
      replaceMisspelling: (w) => done.push(`replace:${w}`),
      addToDictionary: (w) => done.push(`add:${w}`),
    });
    expect(labels(items)).toEqual(['reunião', 'reunia', 'Adicionar ao dicionário', 'Recortar', 'Copiar', 'Colar', 'Selecionar tudo']);
    (items[0]!.click as () => void)();
    (items.find((i) => i.label === 'Adicionar ao dicionário')!.click as () => void)();
    expect(done).toEqual(['replace:reunião', 'add:reuniao']);
  });

  it('says so when a misspelled word has no suggestion', () => {
    const items = buildContextMenuTemplate(params({ misspelledWord: 'xptoq' }), 'pt-PT', noActions);
    expect(items[0]).toMatchObject({ label: 'Sem sugestões', enabled: false });
  });

  it('has every label in every locale, and no English left in Portuguese', () => {
    for (const locale of ['pt-BR', 'pt-PT'] as const) {
      for (const [key, label] of Object.entries(CONTEXT_MENU_LABELS[locale])) {
        expect(label).toBeTruthy();
        expect(label, key).not.toBe(CONTEXT_MENU_LABELS.en[key as keyof (typeof CONTEXT_MENU_LABELS)['en']]);
      }
    }
  });
});

function fakeSession(available: string[]) {
  const calls: unknown[] = [];
  return {
    calls,
    availableSpellCheckerLanguages: available,
    setSpellCheckerEnabled: (on: boolean) => void calls.push(['enabled', on]),
    setSpellCheckerLanguages: (languages: string[]) => void calls.push(['languages', languages]),
  };
}

describe('applySpellcheck', () => {
  it('checks spelling on Windows in the app language', () => {
    const session = fakeSession(['en-US', 'pt-BR', 'pt-PT']);
    applySpellcheck(session, 'pt-BR', 'win32');
    applySpellcheck(session, 'pt-PT', 'win32');
    applySpellcheck(session, 'en', 'win32');
    expect(session.calls).toEqual([
      ['enabled', true],
      ['languages', ['pt-BR']],
      ['enabled', true],
      ['languages', ['pt-PT']],
      ['enabled', true],
      ['languages', ['en-US']],
    ]);
  });

  it('turns spellcheck off rather than underline everything when Windows lacks the language', () => {
    const session = fakeSession(['en-US']);
    applySpellcheck(session, 'pt-BR', 'win32');
    expect(session.calls).toEqual([['enabled', false]]);
  });

  it('turns spellcheck off on Linux, where Chromium would download dictionaries from the network', () => {
    const session = fakeSession(['pt-BR']);
    applySpellcheck(session, 'pt-BR', 'linux');
    expect(session.calls).toEqual([['enabled', false]]);
  });

  it('leaves macOS to the OS spellchecker', () => {
    const session = fakeSession(['pt-BR']);
    applySpellcheck(session, 'pt-BR', 'darwin');
    expect(session.calls).toEqual([]);
  });
});

describe('installContextMenu', () => {
  it('pops the menu on right-click in the current language and acts on the window', () => {
    const added: string[] = [];
    const replaced: string[] = [];
    const contents = Object.assign(new EventEmitter(), {
      replaceMisspelling: (w: string) => void replaced.push(w),
      session: { addWordToSpellCheckerDictionary: (w: string) => (added.push(w), true) },
    });
    const popped: MenuItemConstructorOptions[][] = [];
    let locale: 'pt-BR' | 'en' = 'pt-BR';
    installContextMenu(contents, { getLocale: () => locale, popup: (t) => void popped.push(t) });
    contents.emit('context-menu', {}, params({ misspelledWord: 'Ribeirao', dictionarySuggestions: ['Ribeirão'] }));
    (popped[0]![0]!.click as () => void)();
    (popped[0]![2]!.click as () => void)();
    expect(replaced).toEqual(['Ribeirão']);
    expect(added).toEqual(['Ribeirao']);
    locale = 'en';
    contents.emit('context-menu', {}, params({}));
    expect(labels(popped[1]!)).toEqual(['Cut', 'Copy', 'Paste', 'Select All']);
    contents.emit('context-menu', {}, params({ isEditable: false }));
    expect(popped).toHaveLength(2);
  });
});
