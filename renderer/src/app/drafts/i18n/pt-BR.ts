/**
 * Messages of the drafts journal (editors that come back with what was typed before a window was
 * closed or crashed), in every language, under the `drafts` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
export const ptBR = {
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
