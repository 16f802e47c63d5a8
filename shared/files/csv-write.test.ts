import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { csvFile, csvText, neutraliseCell } from './csv-write';

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+55 11 98765 4321', "'+55 11 98765 4321"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['Ótica', 'Ótica'],
    ['a=b', 'a=b'],
    ['', ''],
    ["'já marcado", "'já marcado"],
  ])('%j → %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected));
});

describe('csvFile', () => {
  const headers = ['Nome', 'Valor', 'Obs'];
  const rows = [
    ['Café; "Central"', 1234.5, 'linha\nnova'],
    ['=HYPERLINK("x")', -3, '  espaços  '],
    ['Preço €', 0.25, null],
  ];

  it('utf8: BOM, comma, decimal point; papaparse reads the same cells back (formulas behind the text mark)', () => {
    const file = csvFile(headers, rows, 'utf8') as string;
    expect(file.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(file.slice(1));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(',');
    expect(parsed.data).toEqual([headers, ['Café; "Central"', '1234.5', 'linha\nnova'], ['\'=HYPERLINK("x")', '-3', '  espaços  '], ['Preço €', '0.25', '']]);
  });

  it('excel-pt: Windows-1252, semicolon, decimal comma, numbers never behind the text mark', () => {
    const bytes = csvFile(headers, rows, 'excel-pt') as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    const parsed = Papa.parse<string[]>(iconv.decode(Buffer.from(bytes), 'windows-1252'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(';');
    expect(parsed.data).toEqual([headers, ['Café; "Central"', '1234,5', 'linha\nnova'], ['\'=HYPERLINK("x")', '-3', '  espaços  '], ['Preço €', '0,25', '']]);
  });

  it('ends records with CRLF and adds no trailing line', () => {
    expect(csvText(['a', 'b'], [['x', 1]], 'utf8')).toBe('a,b\r\nx,1');
    expect(csvText(['a', 'b'], [['x', 1.5]], 'excel-pt')).toBe('a;b\r\nx;1,5');
  });
});
