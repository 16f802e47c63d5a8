import { describe, expect, it } from 'vitest';
import { errorReport } from './error-report';
import { formatBasisPoints, formatInstant, formatIsoDay, formatMoney, formatNumber, NO_VALUE } from './formats';

describe('safe formats', () => {
  it('formats good values in the locale', () => {
    const at = new Date(2026, 11, 1, 14, 30).getTime();
    expect(formatInstant(at, 'pt-BR')).toBe('01/12/2026, 14:30');
    expect(formatInstant(at, 'pt-BR', { timeStyle: 'short' })).toBe('14:30');
    expect(formatIsoDay('2026-11-05', 'pt-BR')).toBe('05/11/2026');
    expect(formatIsoDay('2026-11-05', 'en')).toBe('11/5/26');
    expect(formatMoney(123_450, 'BRL', 'pt-BR')).toBe('R$\u00a01.234,50');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatNumber(1234.5, 'pt-BR')).toBe('1.234,5');
    expect(formatBasisPoints(1250, 'pt-BR')).toBe('12,5%');
  });

  it('shows one bad value as "—" instead of throwing', () => {
    // Every one of these throws a RangeError through Intl directly.
    expect(() => new Intl.DateTimeFormat('pt-BR').format(9e15)).toThrow(RangeError);
    expect(formatInstant(9e15, 'pt-BR')).toBe(NO_VALUE);
    expect(formatInstant(Number.NaN, 'pt-BR')).toBe(NO_VALUE);
    expect(formatInstant(Infinity, 'pt-BR')).toBe(NO_VALUE);
    expect(formatInstant(Date.now(), 'not a locale!')).toBe(NO_VALUE);
    expect(formatIsoDay('', 'pt-BR')).toBe(NO_VALUE);
    expect(formatIsoDay('2026-02-31', 'pt-BR')).toBe(NO_VALUE);
    expect(formatIsoDay('amanhã', 'pt-BR')).toBe(NO_VALUE);
    expect(formatMoney(100, 'REAIS', 'pt-BR')).toBe(NO_VALUE);
    expect(formatMoney(Number.NaN, 'BRL', 'pt-BR')).toBe(NO_VALUE);
    expect(formatNumber(Number.POSITIVE_INFINITY, 'pt-BR')).toBe(NO_VALUE);
  });
});

describe('error report', () => {
  it('holds the error, where it happened and the version, one fact a line', () => {
    const error = new RangeError('Invalid time value');
    const text = errorReport({
      error,
      componentStack: '\n    at AccountTimeline\n    at PanelBoundary',
      route: '/accounts/a1',
      version: '0.1.0 (electron, darwin)',
      at: Date.UTC(2026, 11, 1, 12),
    });
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Carteira 0.1.0 (electron, darwin)',
      'Route: /accounts/a1',
      'Time: 2026-12-01T12:00:00.000Z',
      'Error: RangeError: Invalid time value',
    ]);
    expect(text).toContain(`Stack:\n${error.stack}`);
    expect(text).toContain('Components:\nat AccountTimeline');
    // Something thrown that is not an Error still reports what it was.
    expect(errorReport({ error: 'boom', route: '/', version: 'x', at: 0 })).toContain('Error: string: boom');
  });
});
