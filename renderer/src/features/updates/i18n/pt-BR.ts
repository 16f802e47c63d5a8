/**
 * Messages of the 'updates' feature (the app's own updates), under the `updates` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
export const ptBR = {
  updates: {
    settings: {
      title: 'Atualizações do Carteira',
      url: 'Servidor de atualizações da equipe',
      urlHint: 'Endereço https:// informado pela equipe de TI. Em branco, o Carteira não se atualiza sozinho.',
      urlInvalid: 'Use um endereço https:// (http:// só para este computador) sem usuário nem senha.',
      save: 'Salvar endereço',
      saved: 'Endereço salvo.',
      saveFailed: 'Não foi possível salvar o endereço; o que você digitou continua no campo.',
      checkNow: 'Procurar agora',
      state: {
        off: 'Atualização automática desligada.',
        idle: 'O Carteira está atualizado.',
        checking: 'Procurando uma nova versão…',
        downloading: 'Baixando a versão {{version}} ({{percent}})…',
        ready: 'A versão {{version}} está pronta. Reinicie o Carteira para instalá-la.',
        error: 'Não foi possível procurar atualizações: {{error}}',
      },
      checkedAt: 'Última verificação: {{when}}',
    },
    prompt: {
      title: 'Nova versão do Carteira',
      body: 'A versão {{version}} foi baixada. Reinicie agora para instalá-la; leva menos de um minuto.',
      pending_zero: 'Nenhuma alteração espera ser enviada ao servidor.',
      pending_one: '{{count}} alteração ainda não foi enviada ao servidor. Ela fica guardada neste computador e é enviada quando o Carteira voltar.',
      pending_other:
        '{{count}} alterações ainda não foram enviadas ao servidor. Elas ficam guardadas neste computador e são enviadas quando o Carteira voltar.',
      restart: 'Reiniciar e atualizar',
      later: 'Depois',
      laterNote: 'A nova versão será instalada quando você fechar o Carteira.',
      failed: 'Não foi possível reiniciar agora. A nova versão será instalada quando você fechar o Carteira.',
    },
  },
};
