import { describe, expect, it } from 'vitest';
import { VALIDATION_ERRORS } from './errors';
import { detectTaxIdKind, validateTaxId } from './tax-id';

describe('validateTaxId', () => {
  it('normalises and formats a valid CNPJ, numeric or alphanumeric', () => {
    expect(validateTaxId('cnpj', '11222333000181')).toEqual({ ok: true, normalized: '11222333000181', formatted: '11.222.333/0001-81' });
    expect(validateTaxId('cnpj', '12.abc.345/01de-35')).toEqual({ ok: true, normalized: '12ABC34501DE35', formatted: '12.ABC.345/01DE-35' });
  });

  it('normalises and formats a valid CPF and NIF', () => {
    expect(validateTaxId('cpf', '52998224725')).toEqual({ ok: true, normalized: '52998224725', formatted: '529.982.247-25' });
    expect(validateTaxId('nif', 'PT123456789')).toEqual({ ok: true, normalized: '123456789', formatted: '123 456 789' });
  });

  it('reports which kind failed', () => {
    expect(validateTaxId('cnpj', '11.222.333/0001-82')).toEqual({ ok: false, error: 'tax_id_invalid_cnpj' });
    expect(validateTaxId('cpf', '529.982.247-26')).toEqual({ ok: false, error: 'tax_id_invalid_cpf' });
    expect(validateTaxId('nif', '123456788')).toEqual({ ok: false, error: 'tax_id_invalid_nif' });
    // a valid CNPJ is still wrong where a CPF is expected
    expect(validateTaxId('cpf', '11.222.333/0001-81')).toEqual({ ok: false, error: 'tax_id_invalid_cpf' });
  });

  it('requires a value unless the kind is none', () => {
    expect(validateTaxId('cnpj', '  ')).toEqual({ ok: false, error: 'tax_id_required' });
    expect(validateTaxId('other', '')).toEqual({ ok: false, error: 'tax_id_required' });
    expect(validateTaxId('none', '')).toEqual({ ok: true, normalized: '', formatted: '' });
    expect(validateTaxId('none', '123')).toEqual({ ok: false, error: 'tax_id_not_expected' });
  });

  it('keeps foreign ids as typed with a searchable key', () => {
    expect(validateTaxId('other', 'ESB-12345678')).toEqual({ ok: true, normalized: 'ESB12345678', formatted: 'ESB-12345678' });
    expect(validateTaxId('other', '---')).toEqual({ ok: false, error: 'tax_id_invalid_other' });
    expect(validateTaxId('other', 'X'.repeat(21))).toEqual({ ok: false, error: 'tax_id_too_long' });
    expect(validateTaxId('cnpj', '1'.repeat(31))).toEqual({ ok: false, error: 'tax_id_too_long' });
  });

  it('only ever reports declared i18n keys', () => {
    const inputs = ['', 'x', '11.222.333/0001-82', '1'.repeat(40), '---', 'PT999'];
    for (const kind of ['cnpj', 'cpf', 'nif', 'other', 'none'] as const) {
      for (const value of inputs) {
        const result = validateTaxId(kind, value);
        if (!result.ok) expect(VALIDATION_ERRORS).toContain(result.error);
      }
    }
  });
});

describe('detectTaxIdKind', () => {
  it('recognises valid ids anywhere', () => {
    expect(detectTaxIdKind('11.222.333/0001-81', 'BR')).toBe('cnpj');
    expect(detectTaxIdKind('12.ABC.345/01DE-35', 'PT')).toBe('cnpj');
    expect(detectTaxIdKind('529.982.247-25', 'BR')).toBe('cpf');
    expect(detectTaxIdKind('123456789', 'BR')).toBe('nif');
    expect(detectTaxIdKind('PT 123 456 789', 'PT')).toBe('nif');
  });

  it('guesses from shape and country while typing', () => {
    expect(detectTaxIdKind('11.222.333/0001-82', 'BR')).toBe('cnpj');
    expect(detectTaxIdKind('11.222.333/', 'BR')).toBe('cnpj');
    expect(detectTaxIdKind('529.982', 'BR')).toBe('cpf');
    expect(detectTaxIdKind('5012', 'PT')).toBe('nif');
    expect(detectTaxIdKind('ESB12345678', 'ES')).toBe('other');
    expect(detectTaxIdKind('ABC-99', 'PT')).toBe('other');
  });

  it('says none for an empty value', () => {
    expect(detectTaxIdKind('', 'BR')).toBe('none');
    expect(detectTaxIdKind(' - ', 'PT')).toBe('none');
  });
});
