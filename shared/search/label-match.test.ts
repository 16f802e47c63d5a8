import { describe, expect, it } from 'vitest';
import { editDistance, labelScore } from './label-match';

describe('labelScore', () => {
  it('matches command labels by word starts, without accents, tolerating typos', () => {
    expect(labelScore('nova', 'Nova conta')).toBeGreaterThan(labelScore('nova', 'Novo contato'));
    expect(labelScore('nova', 'Novo contato')).toBeGreaterThan(0);
    expect(labelScore('lig', 'Registrar ligação')).toBeGreaterThan(0);
    expect(labelScore('ligacao', 'Registrar ligação')).toBe(3);
    expect(labelScore('regsitrar', 'Registrar ligação')).toBeGreaterThan(0);
    expect(labelScore('funil', 'Ir para o funil')).toBe(3);
    expect(labelScore('xyz', 'Nova conta')).toBe(0);
    expect(labelScore('', 'Nova conta')).toBe(0);
  });
  it('edit distance counts a swap as one edit', () => {
    expect(editDistance('vilela', 'viella')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
