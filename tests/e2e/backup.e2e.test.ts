import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

async function createAccount(page: Page, name: string, tradeName: string, taxId: string): Promise<void> {
  await page.goto(`${host.url}#/accounts/new`);
  await page.getByLabel(/^Razão social/).fill(name);
  await page.getByLabel('Nome fantasia', { exact: true }).fill(tradeName);
  await page.getByLabel('Documento', { exact: true }).fill(taxId);
  await page.getByRole('button', { name: 'Salvar' }).click();
  await page.getByRole('heading', { name: tradeName }).waitFor();
}

describe('full backup and restore in web mode (Chromium)', () => {
  it('downloads a backup, refuses a bad file with nothing changed, and restores the backup exactly', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await createAccount(page, 'Exportadora Atlântica Ltda', 'Atlântica', '11222333000181');

      await page.goto(`${host.url}#/settings`);
      const card = page.getByRole('region', { name: 'Cópia de segurança' });
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Fazer cópia de segurança' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^carteira-\d{4}-\d{2}-\d{2}-\d{4}\.carteira-backup$/);
      const backup = await readFile((await download.path())!);
      expect([backup[0], backup[1]]).toEqual([0x1f, 0x8b]);
      await card.getByText(/^Cópia de segurança salva: \d+ registros?\.$/).waitFor();

      // A change after the backup, which the restore undoes.
      await createAccount(page, 'Depois da Cópia Ltda', 'Depois', '11444777000161');

      await page.goto(`${host.url}#/settings`);
      const input = page.locator('input[type=file][accept=".carteira-backup"]');
      await input.setInputFiles({ name: 'contas.carteira-backup', mimeType: 'text/csv', buffer: Buffer.from('Razão social;Cidade\nAçúcar;Santos\n') });
      await card.getByText(/Este arquivo não foi restaurado e nada mudou\. Não é uma cópia de segurança do Carteira/).waitFor();
      await input.setInputFiles({ name: 'cortada.carteira-backup', mimeType: 'application/gzip', buffer: backup.subarray(0, backup.length - 20) });
      await card.getByText(/O arquivo está incompleto ou danificado/).waitFor();
      await screenshot(page, 'backup-refused');

      await input.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: backup });
      const dialog = page.getByRole('dialog', { name: 'Restaurar esta cópia de segurança?' });
      await dialog.getByText('1 conta').waitFor();
      await screenshot(page, 'backup-confirm');
      await dialog.getByRole('button', { name: /^Restaurar \d+ registros?$/ }).click();
      await card.getByText(/^Cópia restaurada: \d+ registros gravados, 1 removidos\.$/).waitFor();

      await page.goto(`${host.url}#/accounts`);
      await page.getByText('Exportadora Atlântica Ltda').first().waitFor();
      await expect.poll(() => page.getByText('Depois da Cópia Ltda').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
