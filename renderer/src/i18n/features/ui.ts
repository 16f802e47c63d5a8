/**
 * Messages of the UI kit (renderer/src/ui: error boundaries for now), in every language, under
 * the `ui` key. pt-BR is the reference: pt-PT and en must have exactly its keys.
 */
const ptBR = {
  ui: {
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

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

const ptPT: DeepStrings<typeof ptBR> = {
  ui: {
    boundary: {
      panelTitle: 'Não foi possível mostrar esta parte',
      routeTitle: 'Não foi possível mostrar este ecrã',
      body: 'Os seus dados continuam guardados neste computador, e o resto do Carteira continua a funcionar.',
      copy: 'Copiar detalhes',
      copied: 'Detalhes copiados. Cole-os na mensagem para o suporte.',
      copyFailed: 'Não foi possível copiar. Selecione o texto abaixo e copie-o.',
      details: 'Detalhes do erro',
      retry: 'Tentar novamente',
    },
  },
};

const en: DeepStrings<typeof ptBR> = {
  ui: {
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

export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
