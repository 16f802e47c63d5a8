import type { Locale } from '../../shared/ipc';

const MESSAGES: Record<Locale, { message: (host: string) => string; detail: string; open: string; cancel: string }> = {
  'pt-BR': {
    message: (host) => `Abrir um link para ${host}?`,
    detail: 'O link será aberto no seu navegador. Abra só se você conhece e confia neste site.',
    open: 'Abrir link',
    cancel: 'Cancelar',
  },
  'pt-PT': {
    message: (host) => `Abrir uma ligação para ${host}?`,
    detail: 'A ligação será aberta no seu navegador. Abra apenas se conhece e confia neste site.',
    open: 'Abrir ligação',
    cancel: 'Cancelar',
  },
  en: {
    message: (host) => `Open a link to ${host}?`,
    detail: 'The link opens in your browser. Open it only if you know and trust this site.',
    open: 'Open link',
    cancel: 'Cancel',
  },
};

/** The part of Electron's MessageBoxOptions the prompt sets. */
export interface ExternalLinkPromptOptions {
  type: 'question';
  buttons: [string, string];
  defaultId: number;
  cancelId: number;
  message: string;
  detail: string;
  noLink: true;
}

/**
 * A link to a host not opened before in this run (it may come from a synced note written by anyone)
 * is opened only after the user says so, in the app's language; the full address is shown, so a
 * look-alike host is visible. Button 0 opens; Esc, closing the box or Enter (the default) cancels.
 */
export function externalLinkPromptOptions(locale: Locale | undefined, url: string, host: string): ExternalLinkPromptOptions {
  const m = MESSAGES[locale ?? 'pt-BR'] ?? MESSAGES['pt-BR'];
  return {
    type: 'question',
    buttons: [m.open, m.cancel],
    defaultId: 1,
    cancelId: 1,
    message: m.message(host),
    detail: `${url.slice(0, 500)}\n\n${m.detail}`,
    noLink: true,
  };
}

/** True when the user chose to open the link. */
export function choseToOpen(response: number): boolean {
  return response === 0;
}
