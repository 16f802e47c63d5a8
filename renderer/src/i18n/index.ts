import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@shared/ipc';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { ptPT } from './locales/pt-PT';
import { FEATURE_MESSAGES } from './features';

type LocaleCode = 'pt-BR' | 'pt-PT' | 'en';
const withFeatures = <T extends object>(core: T, locale: LocaleCode) => Object.assign({}, core, ...FEATURE_MESSAGES.map((m) => m[locale])) as T;

export const resources = {
  'pt-BR': { translation: withFeatures(ptBR, 'pt-BR') },
  'pt-PT': { translation: withFeatures(ptPT, 'pt-PT') },
  en: { translation: withFeatures(en, 'en') },
} as const;

/** A fresh i18next instance (one per app, one per component test) in the given language. */
export function createI18n(locale: Locale = 'pt-BR'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
