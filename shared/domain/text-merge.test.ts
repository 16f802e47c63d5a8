import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeText } from './text-merge';

const BASE = 'Pauta da reunião\nPreço: 5% de desconto\nPrazo: 30 dias\n';

describe('mergeText (three-way, notes)', () => {
  it('keeps both sides when they edited different lines', () => {
    const mine = 'Pauta da reunião\nPreço: 5% de desconto\nPrazo: 30 dias\nEnviar proposta até sexta\n';
    const theirs = 'Pauta da reunião com a Acme\nPreço: 5% de desconto\nPrazo: 30 dias\n';
    expect(mergeText(BASE, mine, theirs)).toEqual({
      clean: true,
      text: 'Pauta da reunião com a Acme\nPreço: 5% de desconto\nPrazo: 30 dias\nEnviar proposta até sexta\n',
    });
  });

  it('merges different words of the same line by characters', () => {
    const mine = 'Pauta da reunião\nPreço: 5% de desconto no volume anual\nPrazo: 30 dias\n';
    const theirs = 'Pauta da reunião\nPreço: 7% de desconto\nPrazo: 30 dias\n';
    expect(mergeText(BASE, mine, theirs)).toEqual({ clean: true, text: 'Pauta da reunião\nPreço: 7% de desconto no volume anual\nPrazo: 30 dias\n' });
  });

  it('reports a clash when both changed the same words differently', () => {
    expect(mergeText(BASE, BASE.replace('30 dias', '45 dias'), BASE.replace('30 dias', '60 dias'))).toEqual({ clean: false });
  });

  it('takes the only side that changed, and one copy of an identical change', () => {
    expect(mergeText(BASE, BASE, 'outro')).toEqual({ clean: true, text: 'outro' });
    expect(mergeText(BASE, 'meu', BASE)).toEqual({ clean: true, text: 'meu' });
    expect(mergeText(BASE, `${BASE}fim\n`, `${BASE}fim\n`)).toEqual({ clean: true, text: `${BASE}fim\n` });
    expect(mergeText('', 'a', '')).toEqual({ clean: true, text: 'a' });
  });

  it('keeps a deletion on one side and an edit elsewhere on the other', () => {
    const mine = 'Pauta da reunião\nPrazo: 30 dias\n';
    const theirs = 'Pauta da reunião\nPreço: 5% de desconto\nPrazo: 30 dias úteis\n';
    expect(mergeText(BASE, mine, theirs)).toEqual({ clean: true, text: 'Pauta da reunião\nPrazo: 30 dias úteis\n' });
  });

  it('a clean merge holds every line each side added (property)', () => {
    // Added lines are told apart from the base's (else "who added which copy" is ambiguous).
    const line = (mark: string) => fc.stringMatching(/^[a-z ]{0,8}$/).map((s) => `${mark}${s}\n`);
    fc.assert(
      fc.property(
        fc.array(line('b'), { minLength: 1, maxLength: 8 }),
        fc.array(line('H'), { maxLength: 3 }),
        fc.array(line('T'), { maxLength: 3 }),
        (base, head, tail) => {
          const mine = [...head, ...base].join('');
          const theirs = [...base, ...tail].join('');
          const result = mergeText(base.join(''), mine, theirs);
          expect(result).toEqual({ clean: true, text: [...head, ...base, ...tail].join('') });
        },
      ),
    );
  });
});
