/**
 * Messages of the 'workspace' feature, in every language, under the `workspace` namespace key.
 * pt-BR is the reference: pt-PT and en must have exactly its keys (checked by the compiler and i18n.test.ts).
 */
const ptBR = {
  workspace: {
    title: 'workspace',
  },
};
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
const ptPT: DeepStrings<typeof ptBR> = {
  workspace: {
    title: 'workspace',
  },
};
const en: DeepStrings<typeof ptBR> = {
  workspace: {
    title: 'workspace',
  },
};
export const messages = { 'pt-BR': ptBR, 'pt-PT': ptPT, en };
