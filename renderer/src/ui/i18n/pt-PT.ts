import type { LocaleMessages } from '../../i18n/messages';
import type { ptBR } from './pt-BR';

export const ptPT: LocaleMessages<typeof ptBR> = {
  ui: {
    /** The "×" of a clearable select or date field (its accessible name). */
    clearField: 'Limpar o campo',
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
