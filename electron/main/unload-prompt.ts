import type { Locale } from '../../shared/ipc';

const MESSAGES: Record<Locale, { message: string; detail: string; leave: string; stay: string }> = {
  'pt-BR': {
    message: 'Há alterações não salvas.',
    detail: 'Se fechar agora, o que você digitou e ainda não salvou será perdido.',
    leave: 'Fechar sem salvar',
    stay: 'Continuar editando',
  },
  'pt-PT': {
    message: 'Há alterações por guardar.',
    detail: 'Se fechar agora, o que escreveu e ainda não guardou perde-se.',
    leave: 'Fechar sem guardar',
    stay: 'Continuar a editar',
  },
  en: {
    message: 'You have unsaved changes.',
    detail: 'If you close now, what you typed and did not save will be lost.',
    leave: 'Close without saving',
    stay: 'Keep editing',
  },
};

/** The part of Electron's MessageBoxSyncOptions the prompt sets. */
export interface UnloadPromptOptions {
  type: 'question';
  buttons: [string, string];
  defaultId: number;
  cancelId: number;
  message: string;
  detail: string;
  noLink: true;
}

/**
 * Electron does not show the browser's "leave site?" dialog: a page that cancels beforeunload (a
 * form with unsaved changes) just silently refuses to close. Main asks instead, in the app's
 * language; button 0 leaves, and Esc or closing the box stays.
 */
export function unloadPromptOptions(locale: Locale | undefined): UnloadPromptOptions {
  const m = MESSAGES[locale ?? 'pt-BR'] ?? MESSAGES['pt-BR'];
  return { type: 'question', buttons: [m.leave, m.stay], defaultId: 1, cancelId: 1, message: m.message, detail: m.detail, noLink: true };
}

/** True when the user chose to leave (the page's beforeunload is then ignored). */
export function choseToLeave(response: number): boolean {
  return response === 0;
}
