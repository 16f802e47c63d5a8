import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const ptPT: LocaleMessages<typeof ptBR> = {
  search: {
    title: 'Pesquisa',
    button: 'Pesquisar',
    shortcut: 'Ctrl+K',
    dialog: 'Pesquisa e comandos',
    input: 'Pesquisar contas, contactos, produtos, negócios ou comandos',
    placeholder: 'Pesquisar por nome, NIF, e-mail, telefone, SKU, cidade… ou um comando',
    results: 'Resultados',
    commands: 'Comandos',
    empty: 'Nada encontrado para “{{query}}”.',
    indexing: 'A preparar a pesquisa…',
    hint: '↑ ↓ para escolher · Enter para abrir · Esc para fechar',
    kinds: { account: 'Conta', contact: 'Contacto', deal: 'Negócio', product: 'Produto', command: 'Comando' },
    cmd: {
      newAccount: 'Nova conta',
      newContact: 'Novo contacto',
      logCall: 'Registar chamada',
      pipeline: 'Ir para o funil',
      goTo: 'Ir para {{area}}',
    },
  },
};
