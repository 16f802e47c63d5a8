/** The shape of a locale's messages: the pt-BR reference's keys, each a string (a missing or extra key fails to compile). */
export type LocaleMessages<T> = { [K in keyof T]: T[K] extends string ? string : LocaleMessages<T[K]> };
