/**
 * Messages of the 'duplicates' feature, in every language, under the `duplicates` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  duplicates: {
    title: 'duplicates',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  duplicates: {
    title: 'duplicates',
  },
};
const en: DeepStrings<typeof ptBR> = {
  duplicates: {
    title: 'duplicates',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
