import Papa from 'papaparse';
import type { TFunction } from 'i18next';
import type { Account } from '@shared/models';

/** The columns of an accounts export, in order. */
export const EXPORT_COLUMNS = [
  'name', 'tradeName', 'taxId', 'status', 'segment', 'industry', 'city', 'state', 'owner', 'tags', 'source', 'phone', 'email', 'riskScore', 'updatedAt',
] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One account as the cells of an export row: labels translated, lists joined, dates as ISO. */
export function exportCells(a: Account, t: TFunction): Record<ExportColumn, string | number> {
  return {
    name: a.name,
    tradeName: a.tradeName,
    taxId: a.taxId,
    status: t(`status.${a.status}`),
    segment: t(`segment.${a.segment}`),
    industry: a.industry,
    city: a.city,
    state: a.state,
    owner: a.ownerId,
    tags: a.tags.join(', '),
    source: t(`source.${a.source}`),
    phone: a.phones[0]?.number ?? '',
    email: a.emails[0]?.address ?? '',
    riskScore: a.risk.score,
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}

const headers = (t: TFunction) => EXPORT_COLUMNS.map((c) => t(`workspace.export.columns.${c}`));

/** CSV with a header row (UTF-8 with BOM, so spreadsheet apps read accents right). */
export function accountsCsv(accounts: readonly Account[], t: TFunction): string {
  const rows = accounts.map((a) => {
    const cells = exportCells(a, t);
    return EXPORT_COLUMNS.map((c) => cells[c]);
  });
  return `\uFEFF${Papa.unparse({ fields: headers(t), data: rows })}`;
}

/** An .xlsx workbook with one sheet; the writer is loaded on first use (it is not needed to start the app). */
export async function accountsXlsx(accounts: readonly Account[], t: TFunction): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const names = headers(t);
  const data = [
    names.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...accounts.map((a) => {
      const cells = exportCells(a, t);
      return EXPORT_COLUMNS.map((c) => ({ value: cells[c] }));
    }),
  ];
  const blob = await writeXlsxFile(data, { sheet: t('workspace.export.fileBase') }).toBlob();
  return blobBytes(blob);
}

/** A Blob's bytes; FileReader where Blob#arrayBuffer is missing (older engines, jsdom). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
