import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { saveExportFile } from '../../platform/external';
import { createExportBuilder, exportHeaders, exportRowMapper, type ExportFormat } from './account-export';

/** Accounts patched per write batch: big enough to be quick, small enough that the UI keeps painting between batches. */
export const BULK_CHUNK = 1000;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface BulkProgress {
  (done: number, total: number): void;
}

/** Where an export is: reading the accounts (on this thread, in batches), then building the file (in a worker). */
export type ExportProgress = { phase: 'reading'; done: number; total: number } | { phase: 'building' };

/** Bulk edits and exports of a selection of accounts. */
export function useAccountBulkActions() {
  const { t } = useTranslation();
  const { db } = useDatabaseContext();
  const repo = useRepository('accounts');
  return useMemo(() => {
    async function patchInChunks(ids: readonly string[], patch: (a: Account) => Partial<Account>, onProgress?: BulkProgress): Promise<number> {
      let changed = 0;
      for (let i = 0; i < ids.length; i += BULK_CHUNK) {
        changed += await repo.updateMany(ids.slice(i, i + BULK_CHUNK), patch);
        onProgress?.(Math.min(i + BULK_CHUNK, ids.length), ids.length);
        await nextFrame();
      }
      return changed;
    }

    const fileName = (ext: string) => `${t('accounts.export.fileBase')}-${localIsoDay()}.${ext}`;

    return {
      /** Adds a tag to every account that lacks it. Resolves with how many changed. */
      addTag(ids: readonly string[], tag: string, onProgress?: BulkProgress) {
        const clean = tag.trim().slice(0, 40);
        return patchInChunks(ids, (a) => (a.tags.includes(clean) ? {} : { tags: [...a.tags, clean] }), onProgress);
      },
      changeOwner(ids: readonly string[], ownerId: string, onProgress?: BulkProgress) {
        const owner = ownerId.trim().slice(0, 80);
        return patchInChunks(ids, () => ({ ownerId: owner }), onProgress);
      },
      /**
       * Saves the accounts (in the order given) as CSV (UTF-8, or Excel Brasil/Portugal) or XLSX; resolves with the file name, or null
       * when cancelled. Accounts are read and turned into rows in batches (the UI paints between
       * them); the file is built in a Web Worker.
       */
      async exportAccounts(ids: readonly string[], format: ExportFormat, onProgress?: (progress: ExportProgress) => void): Promise<string | null> {
        const builder = createExportBuilder();
        let content;
        try {
          const toRow = exportRowMapper(t);
          for (let i = 0; i < ids.length; i += BULK_CHUNK) {
            const batch = ids.slice(i, i + BULK_CHUNK);
            const found = await db.accounts.findByIds(batch).exec();
            const rows = [];
            for (const id of batch) {
              const doc = found.get(id);
              if (doc) rows.push(toRow(doc.toJSON() as Account));
            }
            builder.addRows(rows);
            onProgress?.({ phase: 'reading', done: Math.min(i + BULK_CHUNK, ids.length), total: ids.length });
            await nextFrame();
          }
          onProgress?.({ phase: 'building' });
          content = await builder.build(format, exportHeaders(t), t('accounts.export.fileBase'));
        } finally {
          builder.close();
        }
        const file =
          format === 'csv'
            ? { fileName: fileName('csv'), mimeType: 'text/csv;charset=utf-8', content }
            : format === 'csv-excel-pt'
              ? { fileName: fileName('csv'), mimeType: 'text/csv;charset=windows-1252', content }
              : { fileName: fileName('xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
        return (await saveExportFile(file)) ? file.fileName : null;
      },
    };
  }, [db, repo, t]);
}
