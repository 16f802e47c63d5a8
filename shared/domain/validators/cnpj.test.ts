import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, formatCnpj, generateCnpj, isAlphanumericCnpj, isValidCnpj, normalizeCnpj } from './cnpj';
import { createRandom } from '../../sample-data/random';

describe('CNPJ check digits', () => {
  it('computes the digits of a classic numeric CNPJ', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
  });

  it("computes 35 for the Receita Federal's alphanumeric example 12.ABC.345/01DE", () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(cnpjCheckDigits('12.ABC.345/01DE')).toBe('35');
  });

  it('rejects a base that is not 12 letters or digits', () => {
    expect(() => cnpjCheckDigits('1122233300')).toThrow();
  });
});

describe('isValidCnpj', () => {
  it.each([
    '11.222.333/0001-81',
    '11222333000181',
    '12.ABC.345/01DE-35',
    '12ABC34501DE35',
    '12abc34501de35', // typed in lower case
    ' 11.222.333/0001-81 ',
    '11 222 333 0001 81',
  ])('accepts %s', (value) => {
    expect(isValidCnpj(value)).toBe(true);
  });

  it.each([
    ['wrong first check digit', '11.222.333/0001-91'],
    ['wrong second check digit', '11.222.333/0001-82'],
    ['wrong alphanumeric check digit', '12.ABC.345/01DE-36'],
    ['too short', '11.222.333/0001-8'],
    ['too long', '11.222.333/0001-811'],
    ['letters in the check digits', '12.ABC.345/01DE-3A'],
    ['all zeros', '00.000.000/0000-00'],
    ['all the same digit', '11111111111111'],
    ['foreign characters', '11.222.333/0001-81!'],
    ['empty', ''],
  ])('rejects %s', (_why, value) => {
    expect(isValidCnpj(value)).toBe(false);
  });

  it('catches a single changed character anywhere in the base', () => {
    const valid = '12ABC34501DE35';
    for (let i = 0; i < 12; i++) {
      const replacement = valid[i] === 'Z' ? 'Y' : valid[i] === '9' ? '8' : String.fromCharCode(valid.charCodeAt(i) + 1);
      expect(isValidCnpj(valid.slice(0, i) + replacement + valid.slice(i + 1))).toBe(false);
    }
  });
});

describe('normalizeCnpj / formatCnpj', () => {
  it('normalises to 14 upper-case characters', () => {
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(normalizeCnpj('123')).toBe('');
  });

  it('formats with the standard mask, numeric and alphanumeric', () => {
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
  });

  it('leaves text that is not a CNPJ unchanged', () => {
    expect(formatCnpj('12345')).toBe('12345');
  });

  it('tells alphanumeric CNPJs apart', () => {
    expect(isAlphanumericCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isAlphanumericCnpj('11.222.333/0001-81')).toBe(false);
  });
});

describe('generateCnpj', () => {
  it('makes valid, formatted numeric CNPJs', () => {
    const random = createRandom(7);
    for (let i = 0; i < 2000; i++) {
      const cnpj = generateCnpj(random.source);
      expect(cnpj).toMatch(/^\d{2}\.\d{3}\.\d{3}\/0001-\d{2}$/);
      expect(isValidCnpj(cnpj)).toBe(true);
    }
  });

  it('makes valid alphanumeric CNPJs that contain a letter, with the given branch', () => {
    const random = createRandom(8);
    for (let i = 0; i < 2000; i++) {
      const cnpj = generateCnpj(random.source, { alphanumeric: true, branch: 12 });
      expect(cnpj).toMatch(/^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/0012-\d{2}$/);
      expect(isAlphanumericCnpj(cnpj)).toBe(true);
      expect(isValidCnpj(cnpj)).toBe(true);
    }
  });

  it('is deterministic for a deterministic source', () => {
    expect(generateCnpj(createRandom(1).source)).toBe(generateCnpj(createRandom(1).source));
  });
});
