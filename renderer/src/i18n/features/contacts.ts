/**
 * Messages of the 'contacts' feature, in every language, under the `contacts` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  contacts: {
    title: 'contacts',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  contacts: {
    title: 'contacts',
  },
};
const en: DeepStrings<typeof ptBR> = {
  contacts: {
    title: 'contacts',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
