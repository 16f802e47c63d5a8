import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcError } from '../../../shared/ipc';
import { createExportFilesService, type SaveDialogOptions, type SaveDialogResult } from './export-files';
import { FILE_NAME_MAX, sanitizeFileName } from './file-name';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carteira-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A save dialog that records what it was asked and answers like the user would. */
function fakeDialog(answer: (options: SaveDialogOptions) => SaveDialogResult) {
  const asked: SaveDialogOptions[] = [];
  return { asked, showSaveDialog: async (options: SaveDialogOptions) => (asked.push(options), answer(options)) };
}

describe('createExportFilesService', () => {
  it('suggests the sanitised name in the default folder and writes the text as UTF-8', async () => {
    const dialog = fakeDialog((o) => ({ canceled: false, filePath: o.defaultPath }));
    const service = createExportFilesService({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir });
    const csv = '\ufeffRazão social;Cidade\r\nAçúcar & Cia;São Paulo\r\n';
    const result = await service.save({ fileName: 'contas 2026/11.csv', mimeType: 'text/csv', text: csv });
    expect(result).toEqual({ saved: true, path: join(dir, 'contas 2026_11.csv') });
    expect(dialog.asked).toEqual([{ defaultPath: join(dir, 'contas 2026_11.csv'), filters: [{ name: 'CSV', extensions: ['csv'] }] }]);
    expect(await readFile(join(dir, 'contas 2026_11.csv'), 'utf8')).toBe(csv);
    expect(await readdir(dir)).toEqual(['contas 2026_11.csv']);
  });

  it('decodes base64 content byte for byte', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256);
    const target = join(dir, 'chosen.xlsx');
    const service = createExportFilesService({ showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    const result = await service.save({
      fileName: 'x.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from(bytes).toString('base64'),
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('replaces an existing file whole, leaving no temp files', async () => {
    const target = join(dir, 'report.csv');
    await writeFile(target, 'old content that is longer than the new one');
    const service = createExportFilesService({ showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    await service.save({ fileName: 'report.csv', mimeType: 'text/csv', text: 'new' });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.csv']);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o044).not.toBe(0);
  });

  it('opens the next dialog where the last file was saved', async () => {
    const sub = join(dir, 'clientes');
    await mkdir(sub);
    const dialog = fakeDialog((o) => ({ canceled: false, filePath: o.defaultPath.startsWith(sub) ? o.defaultPath : join(sub, 'a.csv') }));
    const service = createExportFilesService({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir });
    await service.save({ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' });
    await service.save({ fileName: 'b.csv', mimeType: 'text/csv', text: 'b' });
    expect(dialog.asked.map((o) => o.defaultPath)).toEqual([join(dir, 'a.csv'), join(sub, 'b.csv')]);
    expect(await readFile(join(sub, 'b.csv'), 'utf8')).toBe('b');
  });

  it('answers cancelled and writes nothing when the dialog is closed', async () => {
    const service = createExportFilesService({ showSaveDialog: async () => ({ canceled: true, filePath: '' }), defaultDir: () => dir });
    expect(await service.save({ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' })).toEqual({ saved: false, reason: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses content over the size cap before asking anything', async () => {
    const dialog = fakeDialog(() => ({ canceled: false, filePath: join(dir, 'big.csv') }));
    const service = createExportFilesService({ showSaveDialog: dialog.showSaveDialog, maxBytes: 1024 });
    await expect(service.save({ fileName: 'big.csv', mimeType: 'text/csv', text: 'é'.repeat(600) })).rejects.toMatchObject({ code: 'export_too_large' });
    expect(dialog.asked).toEqual([]);
  });

  it('reports a folder it cannot write to as export_write_failed', async () => {
    const service = createExportFilesService({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'missing', 'a.csv') }) });
    const error = await service.save({ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'export_write_failed' });
  });

  it('answers unsupported in web mode, where the renderer downloads the file', async () => {
    expect(await createExportFilesService().save({ fileName: 'a.csv', mimeType: 'text/csv', text: 'a' })).toEqual({ saved: false, reason: 'unsupported' });
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['contas-2026-11-27.csv', 'contas-2026-11-27.csv'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\win.ini', '_.._Windows_win.ini'],
    ['a<b>c:d"e|f?g*h.csv', 'a_b_c_d_e_f_g_h.csv'],
    ['linha\nquebrada\t.csv', 'linha_quebrada_.csv'],
    ['.hidden.csv', 'hidden.csv'],
    ['trailing. . ', 'trailing'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.csv', '_com1.csv'],
    ['///', 'export'],
    ['   ', 'export'],
    ['Relatório de visitas — São Paulo.pdf', 'Relatório de visitas — São Paulo.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(400)}.xlsx`);
    expect(name.length).toBe(FILE_NAME_MAX);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});
