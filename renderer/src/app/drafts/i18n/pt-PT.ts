import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const ptPT: LocaleMessages<typeof ptBR> = {
  drafts: {
    restoredTitle: 'Rascunho recuperado',
    restored: 'Recuperámos o que escreveu.',
    discard: 'Descartar rascunho',
    notesMerged: 'Outra pessoa editou estas notas enquanto escrevia; juntámos as duas versões.',
    notesConflict: 'Outra pessoa editou o mesmo trecho destas notas. Ficou o seu texto; a outra versão está em Conflitos.',
    notesJournalKept: 'Havia notas não guardadas mais antigas do que a versão atual; estão em Conflitos.',
    openConflicts: 'Ver conflitos',
  },
};
