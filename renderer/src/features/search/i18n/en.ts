import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const en: LocaleMessages<typeof ptBR> = {
  search: {
    title: 'Search',
    button: 'Search',
    shortcut: 'Ctrl+K',
    dialog: 'Search and commands',
    input: 'Search accounts, contacts, products, deals or commands',
    placeholder: 'Search by name, tax id, e-mail, phone, SKU, city… or a command',
    results: 'Results',
    commands: 'Commands',
    empty: 'Nothing found for “{{query}}”.',
    indexing: 'Getting search ready…',
    hint: '↑ ↓ to choose · Enter to open · Esc to close',
    kinds: { account: 'Account', contact: 'Contact', deal: 'Deal', product: 'Product', command: 'Command' },
    cmd: {
      newAccount: 'New account',
      newContact: 'New contact',
      logCall: 'Log a call',
      pipeline: 'Go to the pipeline',
      goTo: 'Go to {{area}}',
    },
  },
};
