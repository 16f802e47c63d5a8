import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const en: LocaleMessages<typeof ptBR> = {
  updates: {
    settings: {
      title: 'Carteira updates',
      url: "Your team's update server",
      urlHint: 'An https:// address from your IT team. Left empty, Carteira does not update itself.',
      urlInvalid: 'Use an https:// address (http:// only for this computer) without a user name or password.',
      save: 'Save address',
      saved: 'Address saved.',
      saveFailed: 'The address could not be saved; what you typed is still in the field.',
      checkNow: 'Check now',
      state: {
        off: 'Automatic updates are off.',
        idle: 'Carteira is up to date.',
        checking: 'Looking for a new version…',
        downloading: 'Downloading version {{version}} ({{percent}})…',
        ready: 'Version {{version}} is ready. Restart Carteira to install it.',
        error: 'Could not look for updates: {{error}}',
      },
      checkedAt: 'Last checked: {{when}}',
    },
    prompt: {
      title: 'A new version of Carteira',
      body: 'Version {{version}} has been downloaded. Restart now to install it; it takes less than a minute.',
      pending_zero: 'No change is waiting to be sent to the server.',
      pending_one: '{{count}} change has not been sent to the server yet. It stays on this computer and is sent when Carteira is back.',
      pending_other: '{{count}} changes have not been sent to the server yet. They stay on this computer and are sent when Carteira is back.',
      restart: 'Restart and update',
      later: 'Later',
      laterNote: 'The new version will be installed when you close Carteira.',
      failed: 'Carteira could not restart now. The new version will be installed when you close it.',
    },
  },
};
