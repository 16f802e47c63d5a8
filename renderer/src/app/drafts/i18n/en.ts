import type { LocaleMessages } from '../../../i18n/messages';
import type { ptBR } from './pt-BR';

export const en: LocaleMessages<typeof ptBR> = {
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
