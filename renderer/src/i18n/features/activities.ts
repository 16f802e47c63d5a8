/**
 * Messages of the 'activities' feature, in every language, under the `activities` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  activities: {
    title: 'activities',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  activities: {
    title: 'activities',
  },
};
const en: DeepStrings<typeof ptBR> = {
  activities: {
    title: 'activities',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
