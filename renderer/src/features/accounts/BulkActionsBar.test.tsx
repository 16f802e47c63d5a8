import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import type { ExportFile } from '../../platform/external';
import { BulkActionsBar } from './BulkActionsBar';
import { BULK_CHUNK } from './useAccountBulkActions';

/** The save dialog stays open until the test answers, so the bar can be seen while it works. */
const saves: { file: ExportFile; answer(saved: boolean): void }[] = [];
vi.mock('../../platform/external', () => ({
  saveExportFile: vi.fn((file: ExportFile) => new Promise<boolean>((answer) => saves.push({ file, answer }))),
}));

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
  saves.length = 0;
});
afterEach(async () => {
  await db.close();
});

describe('bulk export', { timeout: 60_000 }, () => {
  it('shows the export as busy with its progress, then the saved file; the other buttons wait', async () => {
    const accounts = Array.from({ length: BULK_CHUNK + 200 }, (_, i) =>
      createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: `Conta ${String(i).padStart(4, '0')}` }), 'seed'),
    );
    await db.accounts.bulkInsert(accounts);
    const user = userEvent.setup();
    renderWithApp(<BulkActionsBar ids={accounts.map((a) => a.id)} owners={[]} />, { db, path: '/accounts' });
    const bar = screen.getByRole('toolbar', { name: 'Ações em lote' });
    const xlsx = within(bar).getByRole('button', { name: 'Exportar XLSX' });

    // Every message the live region announces, as it changes.
    const live = bar.querySelector('[aria-live="polite"]')!;
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(live.textContent ?? ''));
    observer.observe(live, { childList: true, characterData: true, subtree: true });

    await user.click(xlsx);
    await waitFor(() => expect(saves).toHaveLength(1), { timeout: 20_000 });
    observer.disconnect();
    expect(announced[0]).toMatch(new RegExp(`^Lendo contas… (${BULK_CHUNK}|${accounts.length}) de ${accounts.length}$`));
    expect(announced.at(-1)).toBe('Gerando o arquivo XLSX…');
    expect(within(bar).getByText('Gerando o arquivo XLSX…')).toBeInTheDocument();
    expect(xlsx).toHaveAttribute('data-loading', 'true');
    expect(within(bar).getByRole('button', { name: 'Exportar CSV' })).toBeDisabled();
    expect(within(bar).getByRole('button', { name: 'Adicionar etiqueta' })).toBeDisabled();

    const sheet = await readXlsxFile(Buffer.from(saves[0]!.file.content as Uint8Array));
    const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(rows).toHaveLength(accounts.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(accounts.map((a) => a.name));

    saves[0]!.answer(true);
    expect(await within(bar).findByText(/^Arquivo contas-.*\.xlsx salvo\.$/)).toBeInTheDocument();
    expect(xlsx).not.toHaveAttribute('data-loading');
    expect(within(bar).getByRole('button', { name: 'Exportar CSV' })).toBeEnabled();
  });
});

describe('Excel (Brasil/Portugal) export', { timeout: 60_000 }, () => {
  it('offers the choice in the bar and saves a ; separated Windows-1252 CSV', async () => {
    const accounts = [createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Açúcar & Café “Boa Vista”' }), 'seed')];
    await db.accounts.bulkInsert(accounts);
    const user = userEvent.setup();
    renderWithApp(<BulkActionsBar ids={accounts.map((a) => a.id)} owners={[]} />, { db, path: '/accounts' });
    const bar = screen.getByRole('toolbar', { name: 'Ações em lote' });
    await user.click(within(bar).getByRole('button', { name: 'CSV para Excel (Brasil/Portugal)' }));
    await waitFor(() => expect(saves).toHaveLength(1), { timeout: 20_000 });
    const { file } = saves[0]!;
    expect(file.fileName).toMatch(/^contas-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.mimeType).toBe('text/csv;charset=windows-1252');
    const parsed = Papa.parse<string[]>(iconv.decode(Buffer.from(file.content as Uint8Array), 'windows-1252'), { skipEmptyLines: true });
    expect(parsed.meta.delimiter).toBe(';');
    expect(parsed.data[0]![0]).toBe('Razão social');
    expect(parsed.data[1]![0]).toBe('Açúcar & Café “Boa Vista”');
    saves[0]!.answer(true);
    expect(await within(bar).findByText(/^Arquivo contas-.*\.csv salvo\.$/)).toBeInTheDocument();
  });
});

describe('export file name', { timeout: 60_000 }, () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = savedTz;
  });

  it("carries the user's day: at 22:00 in São Paulo it is still that day, though UTC has moved on", async () => {
    process.env.TZ = 'America/Sao_Paulo';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T01:00:00Z')); // 22:00 on 9 March there
    const accounts = [createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Conta Noturna' }), 'seed')];
    await db.accounts.bulkInsert(accounts);
    const user = userEvent.setup();
    renderWithApp(<BulkActionsBar ids={accounts.map((a) => a.id)} owners={[]} />, { db, path: '/accounts' });
    await user.click(within(screen.getByRole('toolbar', { name: 'Ações em lote' })).getByRole('button', { name: 'Exportar CSV' }));
    await waitFor(() => expect(saves).toHaveLength(1), { timeout: 20_000 });
    expect(saves[0]!.file.fileName).toBe('contas-2026-03-09.csv');
    saves[0]!.answer(true);
  });
});
