import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const ptPT: LocaleMessages<typeof ptBR> = {
  updates: {
    settings: {
      title: 'Atualizações do Carteira',
      url: 'Servidor de atualizações da equipa',
      urlHint: 'Endereço https:// indicado pela equipa de informática. Em branco, o Carteira não se atualiza sozinho.',
      urlInvalid: 'Use um endereço https:// (http:// só para este computador) sem utilizador nem palavra-passe.',
      save: 'Guardar endereço',
      saved: 'Endereço guardado.',
      saveFailed: 'Não foi possível guardar o endereço; o que escreveu continua no campo.',
      checkNow: 'Procurar agora',
      state: {
        off: 'Atualização automática desligada.',
        idle: 'O Carteira está atualizado.',
        checking: 'A procurar uma nova versão…',
        downloading: 'A transferir a versão {{version}} ({{percent}})…',
        ready: 'A versão {{version}} está pronta. Reinicie o Carteira para a instalar.',
        error: 'Não foi possível procurar atualizações: {{error}}',
      },
      checkedAt: 'Última verificação: {{when}}',
    },
    prompt: {
      title: 'Nova versão do Carteira',
      body: 'A versão {{version}} foi transferida. Reinicie agora para a instalar; demora menos de um minuto.',
      pending_zero: 'Nenhuma alteração espera ser enviada para o servidor.',
      pending_one: '{{count}} alteração ainda não foi enviada para o servidor. Fica guardada neste computador e é enviada quando o Carteira voltar.',
      pending_other: '{{count}} alterações ainda não foram enviadas para o servidor. Ficam guardadas neste computador e são enviadas quando o Carteira voltar.',
      restart: 'Reiniciar e atualizar',
      later: 'Mais tarde',
      laterNote: 'A nova versão será instalada quando fechar o Carteira.',
      failed: 'Não foi possível reiniciar agora. A nova versão será instalada quando fechar o Carteira.',
    },
  },
};
