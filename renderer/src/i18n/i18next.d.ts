import 'i18next';
import type { AppMessages } from './app-messages';

/** Typed keys: `t('misspelt.key')` fails to compile (see typed-keys.check.ts). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppMessages };
  }
}
