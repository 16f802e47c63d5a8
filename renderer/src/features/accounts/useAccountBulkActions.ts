import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/models';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { saveExportFile } from '../../platform/external';
import { accountsCsv, accountsXlsx } from './account-export';

/** Accounts patched per write batch: big enough to be quick, small enough that the UI keeps painting between batches. */
export const BULK_CHUNK = 1000;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface BulkProgress {
  (done: number, total: number): void;
}

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

    async function load(ids: readonly string[]): Promise<Account[]> {
      const out: Account[] = [];
      for (let i = 0; i < ids.length; i += BULK_CHUNK) {
        const found = await db.accounts.findByIds(ids.slice(i, i + BULK_CHUNK)).exec();
        for (const id of ids.slice(i, i + BULK_CHUNK)) {
          const doc = found.get(id);
          if (doc) out.push(doc.toJSON() as Account);
        }
      }
      return out;
    }

    const fileName = (ext: string) => `${t('workspace.export.fileBase')}-${new Date().toISOString().slice(0, 10)}.${ext}`;

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
      /** Saves the accounts (in the order given) as CSV or XLSX; resolves with the file name, or null when cancelled. */
      async exportAccounts(ids: readonly string[], format: 'csv' | 'xlsx'): Promise<string | null> {
        const accounts = await load(ids);
        const file =
          format === 'csv'
            ? { fileName: fileName('csv'), mimeType: 'text/csv;charset=utf-8', content: accountsCsv(accounts, t) }
            : { fileName: fileName('xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await accountsXlsx(accounts, t) };
        return (await saveExportFile(file)) ? file.fileName : null;
      },
    };
  }, [db, repo, t]);
}
