import { describe, expect, it } from 'vitest';
import { formatNif, generateNif, hasValidNifPrefix, isValidNif, nifCheckDigit, normalizeNif } from './nif';
import { createRandom } from '../../sample-data/random';

describe('NIF', () => {
  it('computes the mod-11 check digit', () => {
    expect(nifCheckDigit('12345678')).toBe(9);
    // remainder 0 or 1 gives check digit 0
    expect(nifCheckDigit('50000000')).toBe(0);
  });

  it.each(['123456789', '123 456 789', 'PT123456789', 'pt 123.456.789', '500000000'])('accepts %s', (value) => {
    expect(isValidNif(value)).toBe(true);
  });

  it.each([
    ['wrong check digit', '123456788'],
    ['prefix 4 without 5', '412345678'],
    ['prefix 0', '012345678'],
    ['prefix 73 is not issued', '730000000'],
    ['too short', '12345678'],
    ['too long', '1234567890'],
    ['letters', '12345678A'],
    ['empty', ''],
  ])('rejects %s', (_why, value) => {
    expect(isValidNif(value)).toBe(false);
  });

  it('knows the issued prefixes', () => {
    expect(hasValidNifPrefix('501234567')).toBe(true);
    expect(hasValidNifPrefix('451234567')).toBe(true);
    expect(hasValidNifPrefix('981234567')).toBe(true);
    expect(hasValidNifPrefix('931234567')).toBe(false);
  });

  it('normalises and formats', () => {
    expect(normalizeNif('PT 123 456 789')).toBe('123456789');
    expect(formatNif('123456789')).toBe('123 456 789');
    expect(formatNif('12')).toBe('12');
  });

  it('generates valid company and person NIFs', () => {
    const random = createRandom(5);
    for (let i = 0; i < 2000; i++) {
      const company = generateNif(random.source);
      const person = generateNif(random.source, 'person');
      expect(isValidNif(company)).toBe(true);
      expect(isValidNif(person)).toBe(true);
      expect(['1', '2', '3', '4']).toContain(person[0]);
    }
  });
});
