/**
 * Messages of the 'search' feature, in every language, under the `search` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
export const ptBR = {
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
