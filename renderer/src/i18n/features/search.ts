/**
 * Messages of the 'search' feature, in every language, under the `search` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  search: {
    title: 'search',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  search: {
    title: 'search',
  },
};
const en: DeepStrings<typeof ptBR> = {
  search: {
    title: 'search',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
