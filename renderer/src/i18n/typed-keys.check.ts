/**
 * Compile-time proof that translation keys are typed (this file is part of `npm run typecheck`, never run).
 * If i18next's CustomTypeOptions stopped applying, the `@ts-expect-error` lines below would fail the build.
 */
import type { TFunction } from 'i18next';
import { keyUnder } from './app-messages';

export function typedKeysCheck(t: TFunction) {
  const real: string = t('app.name');
  // @ts-expect-error a misspelt key does not compile
  const misspelt: string = t('app.nmae');
  // a key built from data is still limited to real keys under its prefix
  const built: string = t(keyUnder('syncProblems.statuses', 'other'));
  return [real, misspelt, built];
}
