import type { LocaleMessages } from '../../i18n/messages';
import type { ptBR } from './pt-BR';

export const en: LocaleMessages<typeof ptBR> = {
  ui: {
    /** The "×" of a clearable select or date field (its accessible name). */
    clearField: 'Clear the field',
    boundary: {
      panelTitle: 'This part could not be shown',
      routeTitle: 'This screen could not be shown',
      body: 'Your data is still saved on this computer, and the rest of Carteira keeps working.',
      copy: 'Copy details',
      copied: 'Details copied. Paste them into your message to support.',
      copyFailed: 'Could not copy. Select the text below and copy it.',
      details: 'Error details',
      retry: 'Try again',
    },
  },
};
