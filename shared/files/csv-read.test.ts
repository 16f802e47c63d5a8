import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { csvFile } from './csv-write';
import { decodeText, detectDelimiter, detectEncoding, parseCsv, readCsv, restoreNeutralisedCell } from './csv-read';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What Excel in Portuguese saves as "CSV (separado por vírgulas)": ; + Windows-1252 + decimal commas. */
const EXCEL_PT = [
  'Razão social;Cidade;Faturamento;Observação',
  'Padaria Pão de Açúcar Ltda;São João del-Rei;1.234,56;“Cliente” desde 2019 – ótimo',
  'Ótica Visão & Cia;Évora;€ 99,90;"Endereço: Rua A; nº 5"',
  'Café Ñandú;Braga;0,5;…',
].join('\r\n');

/** A Google Contacts export (UTF-8, no BOM, comma, quoted multi-line notes). */
const GOOGLE = [
  'Name,Given Name,Family Name,Organization 1 - Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Notes',
  'João Conceição,João,Conceição,Ferragens São Jorge,* Work,joao@saojorge.com.br,Mobile,+55 11 98765-4321,"Prefere WhatsApp,',
  'ligar de manhã"',
  'Zoë Müller,Zoë,Müller,,* Home,zoe@example.de,,,"Diz ""olá"""',
].join('\n');

/** An Outlook export: every field quoted, comma, Windows-1252. */
const OUTLOOK = [
  '"First Name","Last Name","Company","Business Phone","E-mail Address"',
  '"Márcia","Gonçalves","Lojas Arco-Íris S.A.","+351 21 123 4567","marcia@arcoiris.pt"',
  '"André","Lemaître","","",""',
].join('\r\n');

describe('detectEncoding', () => {
  it('tells UTF-8, UTF-8 with BOM, UTF-16 and Windows-1252 apart', () => {
    expect(detectEncoding(utf8('Razão;Cidade'))).toBe('utf-8');
    expect(detectEncoding(utf8('\uFEFFRazão;Cidade'))).toBe('utf-8-bom');
    expect(detectEncoding(iconv.encode('\uFEFFRazão', 'utf-16le'))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(EXCEL_PT, 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(utf8('plain ascii'))).toBe('utf-8');
  });

  it('decodes Windows-1252 0x80–0x9F right (€ “ ” – …), which Node 20 TextDecoder does not', () => {
    const text = decodeText(iconv.encode(EXCEL_PT, 'windows-1252'));
    expect(text).toBe(EXCEL_PT);
    expect(decodeText(iconv.encode('\uFEFFAçaí €', 'utf-16le'))).toBe('Açaí €');
  });
});

describe('detectDelimiter', () => {
  it.each([
    [EXCEL_PT, ';'],
    [GOOGLE, ','],
    [OUTLOOK, ','],
    ['nome\tcidade\tvalor\nA\tB\t1,5\n', '\t'],
    ['a|b|c\n1|2|3', '|'],
    ['uma coluna só\nlinha 2', ','],
    // Commas inside the values do not fool it: every line has the same number of ; fields.
    ['Nome;Valor\nSilva, João;1,50\nSouza, Ana;2,75', ';'],
  ])('%#: %j', (text, expected) => expect(detectDelimiter(text)).toBe(expected));
});

describe('readCsv', () => {
  it('reads an Excel pt-BR file: ; + Windows-1252 with accents, € and decimal commas', () => {
    const table = readCsv(iconv.encode(EXCEL_PT, 'windows-1252'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Razão social', 'Cidade', 'Faturamento', 'Observação']);
    expect(table.rows).toEqual([
      ['Padaria Pão de Açúcar Ltda', 'São João del-Rei', '1.234,56', '“Cliente” desde 2019 – ótimo'],
      ['Ótica Visão & Cia', 'Évora', '€ 99,90', 'Endereço: Rua A; nº 5'],
      ['Café Ñandú', 'Braga', '0,5', '…'],
    ]);
  });

  it('reads a Google Contacts CSV as papaparse does (multi-line and doubled quotes)', () => {
    const table = readCsv(utf8(GOOGLE));
    expect(table.encoding).toBe('utf-8');
    const papa = Papa.parse<string[]>(GOOGLE).data;
    expect([table.headers, ...table.rows]).toEqual(papa);
    expect(table.rows[0]![8]).toBe('Prefere WhatsApp,\nligar de manhã');
    expect(table.rows[1]![8]).toBe('Diz "olá"');
  });

  it('reads an Outlook CSV in Windows-1252 with every field quoted', () => {
    const table = readCsv(iconv.encode(OUTLOOK, 'windows-1252'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.headers).toEqual(['First Name', 'Last Name', 'Company', 'Business Phone', 'E-mail Address']);
    expect(table.rows).toEqual([
      ['Márcia', 'Gonçalves', 'Lojas Arco-Íris S.A.', '+351 21 123 4567', 'marcia@arcoiris.pt'],
      ['André', 'Lemaître', '', '', ''],
    ]);
  });

  it('reads our own exports back, both dialects, with the formula marks taken off', () => {
    const headers = ['Nome', 'Telefone', 'Valor'];
    const rows = [
      ['=1+1', '+55 11 98765 4321', 2.5],
      ['Linha\r\nnova; "aspas" ção', '', 10],
    ];
    for (const dialect of ['utf8', 'excel-pt'] as const) {
      const file = csvFile(headers, rows, dialect);
      const table = readCsv(typeof file === 'string' ? utf8(file) : file);
      expect(table.encoding).toBe(dialect === 'utf8' ? 'utf-8-bom' : 'windows-1252');
      expect(table.delimiter).toBe(dialect === 'utf8' ? ',' : ';');
      expect(table.headers).toEqual(headers);
      expect(table.rows.map((r) => r.map(restoreNeutralisedCell))).toEqual([
        ['=1+1', '+55 11 98765 4321', dialect === 'utf8' ? '2.5' : '2,5'],
        ['Linha\r\nnova; "aspas" ção', '', '10'],
      ]);
    }
  });

  it('drops blank lines, keeps short rows for the caller to report, and reads an empty file as empty', () => {
    expect(readCsv('a;b\n\n1;2\n3\n\n')).toMatchObject({ headers: ['a', 'b'], rows: [['1', '2'], ['3']] });
    expect(readCsv(new Uint8Array())).toMatchObject({ headers: [], rows: [] });
    expect(parseCsv('a,b\r\nc,d\r\n', ',')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,"b\rc"\rd,e', ',')).toEqual([
      ['a', 'b\rc'],
      ['d', 'e'],
    ]);
  });

  it('takes off only the marks our export adds', () => {
    expect(restoreNeutralisedCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(restoreNeutralisedCell("'+55")).toBe('+55');
    expect(restoreNeutralisedCell("'citação'")).toBe("'citação'");
    expect(restoreNeutralisedCell('=1')).toBe('=1');
  });
});
