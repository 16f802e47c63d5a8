import { en } from './en';
import { ptBR } from './pt-BR';
import { ptPT } from './pt-PT';

/** The competitors area's messages in every language, merged over the core locales by renderer/src/i18n. */
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
