import { describe, expect, it } from 'vitest';
import { createI18n, resources } from './index';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
}

describe('i18n', () => {
  it('has every pt-BR message in pt-PT and English, none empty', () => {
    const reference = keys(resources['pt-BR'].translation).sort();
    for (const locale of ['pt-PT', 'en'] as const) {
      expect(keys(resources[locale].translation).sort()).toEqual(reference);
    }
    for (const [, { translation }] of Object.entries(resources)) {
      for (const key of keys(translation)) expect(key.split('.').reduce((o: any, k) => o[k], translation)).not.toBe('');
    }
  });

  it('speaks pt-BR by default and switches language', async () => {
    const i18n = createI18n();
    expect(i18n.t('nav.pipeline')).toBe('Funil');
    expect(i18n.t('accounts.count', { count: 2 })).toBe('2 contas');
    await i18n.changeLanguage('pt-PT');
    expect(i18n.t('nav.orders')).toBe('Encomendas');
    await i18n.changeLanguage('en');
    expect(i18n.t('accounts.count', { count: 1 })).toBe('1 account');
  });
});

describe('counts', () => {
  it('says "0 contas" in pt-BR, where CLDR would take 0 for the singular', () => {
    const i18n = createI18n();
    expect(i18n.t('accounts.count', { count: 0 })).toBe('0 contas');
    expect(i18n.t('accounts.count', { count: 1 })).toBe('1 conta');
    expect(i18n.t('conflicts.count', { count: 0 })).toBe('0 conflitos');
  });

  it('has a zero form beside every counted singular, in every language', () => {
    for (const [locale, { translation }] of Object.entries(resources)) {
      const all = keys(translation);
      const counted = all.filter((k) => k.endsWith('_one') && String(k.split('.').reduce((o: any, p) => o[p], translation)).includes('{{count'));
      expect(counted.length, locale).toBeGreaterThan(10);
      for (const key of counted) expect(all, `${locale}: ${key}`).toContain(key.replace(/_one$/, '_zero'));
    }
  });
});

describe('error messages', () => {
  it('translates every validation and IPC error code in every language', async () => {
    const { VALIDATION_ERRORS } = await import('@shared/domain/validators');
    const { IPC_ERROR_CODES } = await import('@shared/ipc');
    for (const locale of ['pt-BR', 'pt-PT', 'en'] as const) {
      const i18n = createI18n(locale);
      for (const code of [...VALIDATION_ERRORS, ...IPC_ERROR_CODES, 'required', 'too_long', 'discount_invalid', 'website_invalid']) {
        expect(i18n.exists(`errors.${code}`), `${locale}: errors.${code}`).toBe(true);
      }
    }
  });
});
