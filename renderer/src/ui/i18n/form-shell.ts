/**
 * Messages of the form shell (renderer/src/ui/FormShell.tsx), in every language, under the
 * `formShell` key. pt-BR is the reference: pt-PT and en must have exactly its keys.
 */
const ptBR = {
  formShell: {
    summaryLabel: 'Erros no formulário',
    summaryTitle: 'Corrija os campos destacados. Nada do que você digitou foi perdido.',
    fieldsToFix: 'Campos a corrigir',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

const ptPT: DeepStrings<typeof ptBR> = {
  formShell: {
    summaryLabel: 'Erros no formulário',
    summaryTitle: 'Corrija os campos assinalados. Nada do que escreveu se perdeu.',
    fieldsToFix: 'Campos a corrigir',
  },
};

const en: DeepStrings<typeof ptBR> = {
  formShell: {
    summaryLabel: 'Form errors',
    summaryTitle: 'Fix the highlighted fields. Nothing you typed was lost.',
    fieldsToFix: 'Fields to fix',
  },
};

export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
