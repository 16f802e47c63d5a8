import { dynamicKey } from '../../i18n/app-messages';
import type { TFunction } from 'i18next';
import type { Account } from '@shared/models';
import { wallClockText } from '@shared/files/wall-clock';
import { createExportHost, type ExportCell, type ExportContent, type ExportFormat, type FromBuilder, type ToBuilder } from './account-export-build';

export type { ExportContent, ExportFormat } from './account-export-build';

/** The columns of an accounts export, in order. */
export const EXPORT_COLUMNS = [
  'name',
  'tradeName',
  'taxId',
  'status',
  'segment',
  'industry',
  'city',
  'state',
  'owner',
  'tags',
  'source',
  'phone',
  'email',
  'riskScore',
  'updatedAt',
] as const;

export const exportHeaders = (t: TFunction) => EXPORT_COLUMNS.map((c) => t(`accounts.export.columns.${c}`));

/**
 * Turns accounts into export rows, in EXPORT_COLUMNS order: labels translated (once per value, not
 * once per row), lists joined, dates and times on the user's clock (`timeZone`, the system's by
 * default) as `YYYY-MM-DD HH:mm`, which spreadsheets read as a date.
 */
export function exportRowMapper(t: TFunction, timeZone?: string): (a: Account) => ExportCell[] {
  const labels = new Map<string, string>();
  const label = (key: string) => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = t(dynamicKey(key))));
    return text;
  };
  return (a) => [
    a.name,
    a.tradeName,
    a.taxId,
    label(`status.${a.status}`),
    label(`segment.${a.segment}`),
    a.industry,
    a.city,
    a.state,
    a.ownerId,
    a.tags.join(', '),
    label(`source.${a.source}`),
    a.phones[0]?.number ?? '',
    a.emails[0]?.address ?? '',
    a.risk.score,
    wallClockText(a.updatedAt, timeZone),
  ];
}

/** Builds one export file from rows fed in batches; where it runs is the transport's business. */
export interface ExportBuilder {
  addRows(rows: ExportCell[][]): void;
  build(format: ExportFormat, headers: string[], sheet: string): Promise<ExportContent>;
  close(): void;
}

/** The builder over a message channel: the worker's, or the same host called in-thread. */
function builderOver(post: (message: ToBuilder) => void, listen: (onReply: (message: FromBuilder) => void) => void, close: () => void): ExportBuilder {
  let settle: ((message: FromBuilder) => void) | undefined;
  listen((message) => settle?.(message));
  return {
    addRows: (rows) => post({ type: 'rows', rows }),
    build: (format, headers, sheet) =>
      new Promise<ExportContent>((resolve, reject) => {
        settle = (message) => (message.type === 'done' ? resolve(message.content) : reject(new Error(message.message)));
        post({ type: 'build', format, headers, sheet });
      }),
    close,
  };
}

/** The builder in a Web Worker, so building a 50k-row file never blocks the UI. */
export function workerExportBuilder(): ExportBuilder {
  const worker = new Worker(new URL('./account-export.worker.ts', import.meta.url), { type: 'module', name: 'carteira-export' });
  let onError: ((message: FromBuilder) => void) | undefined;
  worker.onerror = (event) => onError?.({ type: 'failed', message: event.message || 'export worker failed' });
  return builderOver(
    (message) => worker.postMessage(message),
    (onReply) => {
      onError = onReply;
      worker.onmessage = (event: MessageEvent<FromBuilder>) => onReply(event.data);
    },
    () => worker.terminate(),
  );
}

/** The same builder on this thread: for environments without Worker (jsdom in tests). Same code, same bytes. */
export function inThreadExportBuilder(): ExportBuilder {
  let onReply: ((message: FromBuilder) => void) | undefined;
  const host = createExportHost((message) => onReply?.(message));
  return builderOver(
    host,
    (listener) => (onReply = listener),
    () => (onReply = undefined),
  );
}

export function createExportBuilder(): ExportBuilder {
  return typeof Worker === 'undefined' ? inThreadExportBuilder() : workerExportBuilder();
}

/** Convenience for small sets (and tests): the CSV (UTF-8 with BOM) of some accounts. */
export async function accountsCsv(accounts: readonly Account[], t: TFunction, builder = inThreadExportBuilder()): Promise<string> {
  return (await buildAccounts(accounts, 'csv', t, builder)) as string;
}

/** Convenience for small sets (and tests): the "Excel (Brasil/Portugal)" CSV of some accounts, as Windows-1252 bytes. */
export async function accountsCsvExcelPt(accounts: readonly Account[], t: TFunction, builder = inThreadExportBuilder()): Promise<Uint8Array> {
  return (await buildAccounts(accounts, 'csv-excel-pt', t, builder)) as Uint8Array;
}

/** Convenience for small sets (and tests): the XLSX of some accounts. */
export async function accountsXlsx(accounts: readonly Account[], t: TFunction, builder = inThreadExportBuilder()): Promise<Uint8Array> {
  return (await buildAccounts(accounts, 'xlsx', t, builder)) as Uint8Array;
}

async function buildAccounts(accounts: readonly Account[], format: ExportFormat, t: TFunction, builder: ExportBuilder): Promise<ExportContent> {
  try {
    builder.addRows(accounts.map(exportRowMapper(t)));
    return await builder.build(format, exportHeaders(t), t('accounts.export.fileBase'));
  } finally {
    builder.close();
  }
}
