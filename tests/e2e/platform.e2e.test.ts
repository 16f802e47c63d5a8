import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('platform in web mode (Chromium)', () => {
  it('switches the theme from the sidebar, keeps it after a reload, and saves it in settings.json', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/today`);
      const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
      await page.getByRole('button', { name: 'Tema: Automático. Mudar para Claro' }).click();
      await page.getByRole('button', { name: 'Tema: Claro. Mudar para Escuro' }).click();
      await expect.poll(scheme).toBe('dark');
      await screenshot(page, 'platform-dark-theme');
      expect(JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
      await page.reload();
      await page.getByRole('button', { name: 'Tema: Escuro. Mudar para Automático' }).waitFor();
      expect(await scheme()).toBe('dark');
      await page.getByRole('button', { name: 'Tema: Escuro. Mudar para Automático' }).click();
      await page.getByRole('button', { name: 'Tema: Automático. Mudar para Claro' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('opens the shortcuts help with ? and goes to areas with g + letter', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/today`);
      await page.getByRole('navigation', { name: 'Navegação principal' }).waitFor();
      await page.keyboard.press('Shift+Slash');
      const dialog = page.getByRole('dialog', { name: 'Atalhos de teclado' });
      await dialog.waitFor();
      await expect.poll(() => dialog.getByText('Ir para Contas').count()).toBe(1);
      // Let the modal's fade-in finish so the screenshot shows it as the user sees it.
      await page.waitForTimeout(400);
      await screenshot(page, 'platform-shortcuts-help');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.keyboard.press('g');
      await page.keyboard.press('c');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/contacts');
      await page.keyboard.press('g');
      await page.keyboard.press('a');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/accounts');
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('exports accounts as a CSV download the browser saves (export:save answers "not here")', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/accounts/new`);
      await page.getByLabel(/^Razão social/).fill('Exportadora Atlântica Ltda');
      await page.getByLabel('Nome fantasia', { exact: true }).fill('Atlântica');
      await page.getByLabel('Documento', { exact: true }).fill('11222333000181');
      await page.getByLabel('Cidade', { exact: true }).fill('Santos');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Atlântica' }).waitFor();
      await page.goto(`${host.url}#/accounts`);
      await page.getByRole('checkbox', { name: 'Selecionar Atlântica' }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('Exportadora Atlântica Ltda');
      expect(csv).toContain('Santos');
      await screenshot(page, 'platform-export-downloaded');
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
