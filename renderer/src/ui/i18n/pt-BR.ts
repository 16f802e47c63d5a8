/**
 * Messages of the UI kit (renderer/src/ui: error boundaries for now), in every language, under
 * the `ui` key. pt-BR is the reference: pt-PT and en must have exactly its keys.
 */
export const ptBR = {
  ui: {
    /** The "×" of a clearable select or date field (its accessible name). */
    clearField: 'Limpar o campo',
    boundary: {
      panelTitle: 'Não foi possível mostrar esta parte',
      routeTitle: 'Não foi possível mostrar esta tela',
      body: 'Seus dados continuam guardados neste computador, e o resto do Carteira segue funcionando.',
      copy: 'Copiar detalhes',
      copied: 'Detalhes copiados. Cole-os na mensagem para o suporte.',
      copyFailed: 'Não foi possível copiar. Selecione o texto abaixo e copie.',
      details: 'Detalhes do erro',
      retry: 'Tentar novamente',
    },
  },
};
