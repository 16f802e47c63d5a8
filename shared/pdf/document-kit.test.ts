import { describe, expect, it } from 'vitest';
import { baseDocument, fill, formatBasisPoints, formatDay, formatMoney, formatQuantity } from './document-kit';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('PDF formats', () => {
  it('write money from minor units in each language, to the cent', () => {
    expect(nbsp(formatMoney(123_456, 'BRL', 'pt-BR'))).toBe('R$ 1.234,56');
    expect(nbsp(formatMoney(-5, 'BRL', 'pt-BR'))).toBe('-R$ 0,05');
    expect(nbsp(formatMoney(1_234_567, 'EUR', 'pt-PT'))).toBe('12 345,67 €');
    expect(formatMoney(123_456, 'USD', 'en')).toBe('$1,234.56');
  });

  it('write quantities, percentages and days in the language, a day never shifted by the time zone', () => {
    expect(formatQuantity(2.375, 'pt-BR')).toBe('2,375');
    expect(formatQuantity(1000, 'pt-BR')).toBe('1.000');
    expect(formatBasisPoints(750, 'pt-BR')).toBe('7,5%');
    expect(formatDay('2027-01-04', 'pt-BR')).toBe('4 de janeiro de 2027');
    expect(formatDay('2027-01-04', 'en')).toBe('January 4, 2027');
    expect(formatDay('', 'pt-BR')).toBe('—');
  });

  it('fill i18next-style placeholders', () => {
    expect(fill('Página {{page}} de {{pages}}', { page: 2, pages: 3 })).toBe('Página 2 de 3');
    expect(fill('A/C {{ name }}', { name: 'João' })).toBe('A/C João');
  });

  it('build an A4 document in the embedded font with the page counter in every footer', () => {
    const doc = baseDocument({
      locale: 'pt-BR',
      title: 'Relatório',
      author: 'Açores',
      footerText: 'Açores',
      pageCounter: (p, n) => `${p}/${n}`,
      content: ['x'],
    });
    expect(doc.pageSize).toBe('A4');
    expect(doc.defaultStyle?.font).toBe('Roboto');
    const footer = (doc.footer as (p: number, n: number, s: unknown) => { columns: { text: string }[] })(2, 5, {});
    expect(footer.columns.map((c) => c.text)).toEqual(['Açores', '2/5']);
  });
});
