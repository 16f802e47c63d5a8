import { afterEach, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/node';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm, type AccountFormValues } from '@shared/domain/account-form';
import { createI18n } from '../../i18n';
import {
  EXPORT_COLUMNS,
  accountsCsv,
  accountsCsvExcelPt,
  accountsXlsx,
  createExportBuilder,
  exportHeaders,
  exportRowMapper,
  inThreadExportBuilder,
} from './account-export';
import { createExportHost, type FromBuilder, type ToBuilder } from './account-export-build';

const t = createI18n('pt-BR').t;
const account = (name: string, extra: Partial<AccountFormValues> = {}) =>
  createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name, ...extra }), 'seed');

/**
 * A stand-in for the browser's Worker (Node has none): the worker file's host behind real
 * structured cloning, asynchronous delivery and buffer transfer, as postMessage does.
 */
class FakeWorker {
  static created: string[] = [];
  onmessage: ((event: { data: FromBuilder }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  private readonly host = createExportHost((message) => {
    const transfer = message.type === 'done' && typeof message.content !== 'string' ? [message.content.buffer as ArrayBuffer] : [];
    const data = structuredClone(message, { transfer });
    setTimeout(() => this.onmessage?.({ data }), 0);
  });
  constructor(url: URL, options: { type: string }) {
    FakeWorker.created.push(`${url.pathname.split('/').pop()} ${options.type}`);
  }
  postMessage(message: ToBuilder) {
    const data = structuredClone(message);
    setTimeout(() => this.host(data), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeWorker.created = [];
});

const sample = () => [
  account('Ótica São Jorge Ltda', { tradeName: 'Ótica "Jorge"', city: 'São Paulo', status: 'client', tags: 'vip, feira' }),
  account('Ferragens Silva; Filhos', { taxIdKind: 'cnpj', taxId: '11.222.333/0001-81', city: 'Campinas', status: 'key', segment: 'retail' }),
  account('Linha\nquebrada ME', { city: 'Recife', status: 'lead' }),
];

describe('accounts export files', () => {
  it('CSV reads back with papaparse: BOM, translated headers and labels, quotes and line breaks kept', async () => {
    const csv = await accountsCsv(sample(), t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(exportHeaders(t));
    expect(parsed.data.map((r) => [r['Razão social'], r['Nome fantasia'], r['Status'], r['Etiquetas'], r['Cidade']])).toEqual([
      ['Ótica São Jorge Ltda', 'Ótica "Jorge"', 'Cliente', 'vip, feira', 'São Paulo'],
      ['Ferragens Silva; Filhos', '', 'Conta-chave', '', 'Campinas'],
      ['Linha\nquebrada ME', '', 'Lead', '', 'Recife'],
    ]);
    expect(parsed.data[1]!['Documento']).toBe('11.222.333/0001-81');
  });

  it('XLSX reads back with read-excel-file: bold-free data rows under the header, numbers as numbers', async () => {
    const accounts = sample();
    const sheet = await readXlsxFile(Buffer.from(await accountsXlsx(accounts, t)));
    const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(rows[0]).toEqual(exportHeaders(t));
    expect(rows.slice(1).map((r) => [r[0], r[3], r[9]])).toEqual([
      ['Ótica São Jorge Ltda', 'Cliente', 'vip, feira'],
      ['Ferragens Silva; Filhos', 'Conta-chave', null],
      ['Linha\nquebrada ME', 'Lead', null],
    ]);
    expect(rows[1]![13]).toBe(accounts[0]!.risk.score);
    expect(rows[1]![14]).toBe(exportRowMapper(t)(accounts[0]!)[14]);
  });

  it('cells that would run as formulas come back as text: =1+1 in the XLSX as written, in the CSV behind the text mark', async () => {
    const risky = [
      account('=1+1', { tradeName: '@SOMA(A1)', phone: '+55 11 98765-4321', city: '-Recife' }),
      account('Conta limpa', { tradeName: 'Sem risco', phone: '(11) 3333-4444' }),
    ];
    const sheet = await readXlsxFile(Buffer.from(await accountsXlsx(risky, t)));
    const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6], r[11]])).toEqual([
      ['=1+1', '@SOMA(A1)', '-Recife', '+55 11 98765 4321'],
      ['Conta limpa', 'Sem risco', null, '+55 11 3333 4444'],
    ]);

    const csv = await accountsCsv(risky, t);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // The leading apostrophe is the mark Excel, LibreOffice and Sheets read as "text" and do not show.
    expect(parsed.data.slice(1).map((r) => [r[0], r[1], r[6], r[11]])).toEqual([
      ["'=1+1", "'@SOMA(A1)", "'-Recife", "'+55 11 98765 4321"],
      ['Conta limpa', 'Sem risco', '', "'+55 11 3333 4444"],
    ]);
  });

  it('"Excel (Brasil/Portugal)" CSV: Windows-1252 bytes, no BOM, ; between fields, read back by papaparse after iconv-lite', async () => {
    const accounts = [...sample(), account('Café “Central” – Évora', { tradeName: 'Preço 5€ …', city: 'Évora', phone: '+351 21 123 4567' })];
    const bytes = await accountsCsvExcelPt(accounts, t);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.indexOf(0xe7)).toBeGreaterThan(0); // ç, one byte
    expect(bytes.indexOf(0x80)).toBeGreaterThan(0); // €
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(';');
    expect(parsed.meta.fields).toEqual(exportHeaders(t));
    expect(parsed.data.map((r) => [r['Razão social'], r['Nome fantasia'], r['Cidade']])).toEqual([
      ['Ótica São Jorge Ltda', 'Ótica "Jorge"', 'São Paulo'],
      ['Ferragens Silva; Filhos', '', 'Campinas'],
      ['Linha\nquebrada ME', '', 'Recife'],
      ['Café “Central” – Évora', 'Preço 5€ …', 'Évora'],
    ]);
    expect(parsed.data[3]!['Telefone']).toBe("'+351 21 123 4567");
  });

  it("writes dates and times on the user's clock, not UTC", () => {
    const late = { ...account('Conta Noturna'), updatedAt: Date.parse('2026-03-10T01:30:00Z') };
    const column = EXPORT_COLUMNS.indexOf('updatedAt');
    expect(exportRowMapper(t, 'America/Sao_Paulo')(late)[column]).toBe('2026-03-09 22:30');
    expect(exportRowMapper(t, 'Europe/Lisbon')(late)[column]).toBe('2026-03-10 01:30');
    const savedTz = process.env.TZ;
    try {
      process.env.TZ = 'America/Manaus';
      expect(exportRowMapper(t)(late)[column]).toBe('2026-03-09 21:30');
    } finally {
      process.env.TZ = savedTz;
    }
  });

  it('builds in a Worker when there is one, fed in batches, and the file is identical to the in-thread one', async () => {
    // The zip inside an .xlsx stamps its entries with the time: the same clock for both builds.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-07T10:00:00Z') });
    vi.stubGlobal('Worker', FakeWorker);
    const accounts = Array.from({ length: 2500 }, (_, i) => account(`Conta ${i}`, { city: i % 2 ? 'Natal' : 'Évora', tags: `t${i % 7}` }));
    const rows = accounts.map(exportRowMapper(t));
    const headers = exportHeaders(t);

    const viaWorker = async (format: 'csv' | 'xlsx') => {
      const builder = createExportBuilder();
      for (let i = 0; i < rows.length; i += 1000) builder.addRows(rows.slice(i, i + 1000));
      try {
        return await builder.build(format, headers, 'contas');
      } finally {
        builder.close();
      }
    };
    const workerCsv = await viaWorker('csv');
    const workerXlsx = await viaWorker('xlsx');
    expect(FakeWorker.created).toEqual(['account-export.worker.ts module', 'account-export.worker.ts module']);

    const inThread = inThreadExportBuilder();
    inThread.addRows(rows);
    const threadXlsx = await inThread.build('xlsx', headers, 'contas');
    expect(workerXlsx).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(workerXlsx as Uint8Array).equals(Buffer.from(threadXlsx as Uint8Array))).toBe(true);
    expect(Buffer.from(workerXlsx as Uint8Array).equals(Buffer.from(await accountsXlsx(accounts, t)))).toBe(true);
    expect(workerCsv).toBe(await accountsCsv(accounts, t));
    expect(Papa.parse((workerCsv as string).slice(1), { skipEmptyLines: true }).data).toHaveLength(2501);
  });

  it('a failed build rejects with its message', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const builder = createExportBuilder();
    builder.addRows([['a']]);
    await expect(builder.build('xlsx', ['x'], 'a/b')).rejects.toThrow(/illegal characters/);
    builder.close();
  });

  it('uses this thread where there is no Worker (jsdom, Node)', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const builder = createExportBuilder();
    builder.addRows([['a', 1]]);
    expect(await builder.build('csv', ['x', 'y'], 'contas')).toBe('\uFEFFx,y\r\na,1');
  });
});
