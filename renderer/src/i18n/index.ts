import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@shared/ipc';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import { ptPT } from './locales/pt-PT';

export const resources = {
  'pt-BR': { translation: ptBR },
  'pt-PT': { translation: ptPT },
  en: { translation: en },
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
