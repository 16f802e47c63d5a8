import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/ipc';

/** The part of Electron's `context-menu` params the menu reads. */
export interface ContextMenuParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

interface ContextLabels {
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  addToDictionary: string;
  noSuggestions: string;
}

export const CONTEXT_MENU_LABELS: Record<Locale, ContextLabels> = {
  'pt-BR': {
    cut: 'Recortar',
    copy: 'Copiar',
    paste: 'Colar',
    selectAll: 'Selecionar tudo',
    addToDictionary: 'Adicionar ao dicionário',
    noSuggestions: 'Nenhuma sugestão',
  },
  'pt-PT': {
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Colar',
    selectAll: 'Selecionar tudo',
    addToDictionary: 'Adicionar ao dicionário',
    noSuggestions: 'Sem sugestões',
  },
  en: { cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All', addToDictionary: 'Add to Dictionary', noSuggestions: 'No suggestions' },
};

/** At most this many spelling suggestions, so the menu stays short. */
const MAX_SUGGESTIONS = 5;

/**
 * Electron shows no context menu of its own: this is the one for text, in the app's language.
 * A misspelled word gets its suggestions and "add to dictionary" first; then the edit commands
 * that apply where the user clicked. Empty when there is nothing to offer (a click on plain UI).
 */
export function buildContextMenuTemplate(params: ContextMenuParams, locale: Locale | undefined, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const l = CONTEXT_MENU_LABELS[locale ?? 'pt-BR'];
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: l.noSuggestions, enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push({ type: 'separator' }, { label: l.addToDictionary, click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: l.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: l.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: l.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: l.selectAll, enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy', label: l.copy, enabled: params.editFlags.canCopy });
  }
  return items;
}

/** Chromium's spellchecker language codes for the app's language. */
export function spellCheckerLanguages(locale: Locale | undefined): string[] {
  if (locale === 'en') return ['en-US'];
  return [locale ?? 'pt-BR'];
}

/** The part of Electron's Session spellcheck uses. */
export interface SpellcheckSession {
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  availableSpellCheckerLanguages: string[];
}

/**
 * Spellcheck in the app's language. macOS uses the OS spellchecker, which picks the language by
 * itself. On Linux Chromium downloads its dictionaries (.bdic) from Google at first use, which
 * fails offline and sends requests out of an offline-first app; the hunspell dictionaries on npm
 * (dictionary-pt) would need Chromium's convert_dict to become .bdic, so spellcheck stays off there.
 * Windows uses its own spellchecker, given only languages it has.
 */
export function applySpellcheck(session: SpellcheckSession, locale: Locale | undefined, platform: NodeJS.Platform): void {
  if (platform === 'darwin') return;
  if (platform !== 'win32') {
    session.setSpellCheckerEnabled(false);
    return;
  }
  const available = new Set(session.availableSpellCheckerLanguages);
  const wanted = spellCheckerLanguages(locale).filter((language) => available.has(language));
  session.setSpellCheckerEnabled(wanted.length > 0);
  if (wanted.length > 0) session.setSpellCheckerLanguages(wanted);
}

/** The part of WebContents the context menu uses. */
export interface ContextMenuContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(word: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

/** Pops the translated context menu on right-click; `popup` is Menu.buildFromTemplate(t).popup(). */
export function installContextMenu(
  contents: ContextMenuContents,
  { getLocale, popup }: { getLocale: () => Locale | undefined; popup: (template: MenuItemConstructorOptions[]) => void },
): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, getLocale(), {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) popup(template);
  });
}
