import { describe, expect, it } from 'vitest';
import { accountSortKey, derivedValues, isDerivedField } from './derived-fields';

describe('derived fields', () => {
  it('lists an account by its trade name, else its legal name, accent-free', () => {
    expect(accountSortKey({ tradeName: 'Óticas Sol', name: 'Zeta Ltda' })).toBe('oticas sol');
    expect(accountSortKey({ tradeName: '', name: 'Ácido & Cia' })).toBe('acido & cia');
  });

  it('recomputes sort keys from their sources, not for deletions', () => {
    expect(derivedValues('accounts', { tradeName: 'Disputada (Ana)', name: 'Conta S.A.', nameSort: 'stale' })).toEqual({ nameSort: 'disputada (ana)' });
    expect(derivedValues('contacts', { firstName: 'João', lastName: 'Araújo' })).toEqual({ nameSort: 'joao araujo' });
    expect(derivedValues('accounts', { _deleted: true, name: 'x' })).toEqual({});
    expect(derivedValues('deals', { title: 'x' })).toEqual({});
    expect(isDerivedField('accounts', 'nameSort')).toBe(true);
    expect(isDerivedField('accounts', 'tradeName')).toBe(false);
  });

  it("keeps an activity's newest-first key in step with its time after a merge", () => {
    const merged = { at: 1_700_000_000_000, atInv: 5 };
    const { atInv } = derivedValues('activities', merged) as { atInv: number };
    const later = derivedValues('activities', { at: merged.at + 1000 }) as { atInv: number };
    expect(later.atInv).toBeLessThan(atInv);
    expect(atInv).not.toBe(5);
    expect(isDerivedField('activities', 'atInv')).toBe(true);
  });
});
