import { describe, expect, it } from 'vitest';
import { cpfCheckDigits, formatCpf, generateCpf, isValidCpf, normalizeCpf } from './cpf';
import { createRandom } from '../../sample-data/random';

describe('CPF', () => {
  it('computes the check digits of a known CPF', () => {
    expect(cpfCheckDigits('529982247')).toBe('25');
  });

  it.each(['529.982.247-25', '52998224725', ' 529 982 247 25 '])('accepts %s', (value) => {
    expect(isValidCpf(value)).toBe(true);
  });

  it.each([
    ['wrong check digits', '529.982.247-26'],
    ['swapped digits', '259.982.247-25'],
    ['too short', '529.982.247-2'],
    ['too long', '529.982.247-255'],
    ['repeated digits', '111.111.111-11'],
    ['letters', '529.982.24A-25'],
    ['empty', ''],
  ])('rejects %s', (_why, value) => {
    expect(isValidCpf(value)).toBe(false);
  });

  it('normalises and formats', () => {
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(formatCpf('5299')).toBe('5299');
  });

  it('generates valid formatted CPFs', () => {
    const random = createRandom(3);
    for (let i = 0; i < 2000; i++) {
      const cpf = generateCpf(random.source);
      expect(cpf).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
      expect(isValidCpf(cpf)).toBe(true);
    }
  });
});
