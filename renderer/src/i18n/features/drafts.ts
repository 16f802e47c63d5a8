/**
 * Messages of the drafts journal (editors that come back with what was typed before a window was
 * closed or crashed), in every language, under the `drafts` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  drafts: {
    restoredTitle: 'Rascunho recuperado',
    restored: 'Recuperamos o que você digitou.',
    discard: 'Descartar rascunho',
    notesMerged: 'Outra pessoa editou estas anotações enquanto você digitava; juntamos as duas versões.',
    notesConflict: 'Outra pessoa editou o mesmo trecho destas anotações. Ficou o seu texto; a outra versão está em Conflitos.',
    notesJournalKept: 'Havia anotações não salvas mais antigas que a versão atual; elas estão em Conflitos.',
    openConflicts: 'Ver conflitos',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
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
const en: DeepStrings<typeof ptBR> = {
  drafts: {
    restoredTitle: 'Draft recovered',
    restored: 'We recovered what you typed.',
    discard: 'Discard draft',
    notesMerged: 'Someone else edited these notes while you typed; both versions were combined.',
    notesConflict: 'Someone else edited the same part of these notes. Your text stays; the other version is in Conflicts.',
    notesJournalKept: 'Unsaved notes older than the current version were found; they are in Conflicts.',
    openConflicts: 'View conflicts',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
