import type { ptBR } from './locales/pt-BR';
import type { FEATURE_MESSAGES } from './features';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every key the app can translate: the pt-BR core locale merged with each area's pt-BR messages (the other locales share this shape). */
export type AppMessages = typeof ptBR & UnionToIntersection<(typeof FEATURE_MESSAGES)[number]['pt-BR']>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A real translation key (dotted path to a pt-BR string). */
export type TranslationKey = Leaves<AppMessages>;

/**
 * A key built at run time from data (a status code, an error code, a field name). The compiler cannot
 * know the value, so this is the one narrow cast; the result is still limited to keys under `prefix`.
 */
export const keyUnder = <P extends string>(prefix: P, value: string) => `${prefix}.${value}` as Extract<TranslationKey, `${P}.${string}`>;

/** A whole key held in a variable (e.g. from a lookup table or an error envelope). */
export const dynamicKey = (key: string) => key as TranslationKey;
