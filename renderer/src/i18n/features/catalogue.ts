/**
 * Messages of the 'catalogue' feature, in every language, under the `catalogue` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  catalogue: {
    title: 'catalogue',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  catalogue: {
    title: 'catalogue',
  },
};
const en: DeepStrings<typeof ptBR> = {
  catalogue: {
    title: 'catalogue',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
