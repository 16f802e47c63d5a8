/**
 * Messages of the 'search' feature, in every language, under the `search` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  search: {
    title: 'Busca',
    button: 'Buscar',
    shortcut: 'Ctrl+K',
    dialog: 'Busca e comandos',
    input: 'Buscar contas, contatos, produtos, negócios ou comandos',
    placeholder: 'Buscar por nome, CNPJ, e-mail, telefone, SKU, cidade… ou um comando',
    results: 'Resultados',
    commands: 'Comandos',
    empty: 'Nada encontrado para “{{query}}”.',
    indexing: 'Preparando a busca…',
    hint: '↑ ↓ para escolher · Enter para abrir · Esc para fechar',
    kinds: { account: 'Conta', contact: 'Contato', deal: 'Negócio', product: 'Produto', command: 'Comando' },
    cmd: {
      newAccount: 'Nova conta',
      newContact: 'Novo contato',
      logCall: 'Registrar ligação',
      pipeline: 'Ir para o funil',
      goTo: 'Ir para {{area}}',
    },
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
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
const en: DeepStrings<typeof ptBR> = {
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
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
