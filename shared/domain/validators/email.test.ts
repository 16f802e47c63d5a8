import { describe, expect, it } from 'vitest';
import { emailKey, isValidEmail, normalizeEmail, validateEmail } from './email';

describe('isValidEmail', () => {
  it.each([
    'joao.silva@empresa.com.br',
    'compras+pedidos@distribuidora.ind.br',
    'ana_maria@sub.dominio.pt',
    'JOAO@EMPRESA.COM',
    'conceição@açúcar.com.br',
    ' x@y.co ',
  ])('accepts %s', (value) => {
    expect(isValidEmail(value)).toBe(true);
  });

  it.each([
    ['no at', 'joao.empresa.com'],
    ['no domain dot', 'joao@empresa'],
    ['two ats', 'joao@@empresa.com'],
    ['space inside', 'joao silva@empresa.com'],
    ['leading dot', '.joao@empresa.com'],
    ['double dot', 'joao..silva@empresa.com'],
    ['numeric tld', 'joao@empresa.123'],
    ['label with leading dash', 'joao@-empresa.com'],
    ['empty local part', '@empresa.com'],
    ['trailing comma typo', 'joao@empresa.com,'],
    ['too long local part', `${'a'.repeat(65)}@empresa.com`],
    ['empty', ''],
  ])('rejects %s', (_why, value) => {
    expect(isValidEmail(value)).toBe(false);
  });
});

describe('email normalisation', () => {
  it('lower-cases the domain but keeps the local part', () => {
    expect(normalizeEmail(' Joao.Silva@Empresa.COM.BR ')).toBe('Joao.Silva@empresa.com.br');
  });

  it('lower-cases all of it for duplicate detection', () => {
    expect(emailKey(' Joao.Silva@Empresa.COM.BR ')).toBe('joao.silva@empresa.com.br');
  });

  it('reports i18n keys', () => {
    expect(validateEmail('')).toEqual({ ok: false, error: 'email_required' });
    expect(validateEmail('joao@')).toEqual({ ok: false, error: 'email_invalid' });
    expect(validateEmail('Joao@Empresa.com')).toEqual({ ok: true, normalized: 'Joao@empresa.com', key: 'joao@empresa.com' });
  });
});
