import { readFile, rm } from 'node:fs/promises';
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

      // XLSX is built in a Web Worker (under the app's CSP) and arrives whole.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar XLSX' }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const { default: readXlsxFile } = await import('read-excel-file/node');
      const sheet = await readXlsxFile(await readFile((await xlsx.path())!));
      const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
      expect(rows[0]!.slice(0, 3)).toEqual(['Razão social', 'Nome fantasia', 'Documento']);
      expect(rows[1]!.slice(0, 3)).toEqual(['Exportadora Atlântica Ltda', 'Atlântica', '11.222.333/0001-81']);
      await page.getByText(/^Arquivo contas-.*\.xlsx salvo\.$/).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});

describe('unsaved-changes guard in Chromium', () => {
  /** Bundles the guard page (React, wouter, the hook) into a temp folder and opens it from file://. */
  async function openGuardPage() {
    const { build } = await import('esbuild');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { resolve } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'carteira-guard-'));
    await build({
      entryPoints: [resolve('tests/e2e/platform-guard-page.tsx')],
      bundle: true,
      // A classic script: Chromium refuses module scripts from file:// (origin "null").
      format: 'iife',
      jsx: 'automatic',
      outfile: join(dir, 'page.js'),
      alias: { '@shared': resolve('shared') },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    await writeFile(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script src="page.js"></script>');
    const profile = await launchProfile();
    const page = await profile.context.newPage();
    const errors = collectPageErrors(page);
    const dialogs: string[] = [];
    let accept = false;
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (accept ? dialog.accept() : dialog.dismiss());
    });
    await page.goto(`file://${dir}/index.html#/`);
    await page
      .getByRole('link', { name: 'Editar' })
      .click({ timeout: 10_000 })
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\npage errors: ${errors.join('\n')}`);
      });
    await page.getByLabel('Razão social').fill('Acme Ltda');
    const close = async () => {
      await profile.close();
      await rm(dir, { recursive: true, force: true });
    };
    return { page, dialogs, close, setAccept: (value: boolean) => (accept = value) };
  }

  it('asks before a router link, a plain #link or Back leaves a dirty form; "no" keeps it as typed', async () => {
    const { page, dialogs, close, setAccept } = await openGuardPage();
    try {
      const onForm = async () => {
        expect(await page.getByLabel('Razão social').inputValue()).toBe('Acme Ltda');
        expect(await page.evaluate(() => location.hash)).toBe('#/edit');
      };
      await page.getByRole('link', { name: 'Contatos (router)' }).click();
      await onForm();
      await page.getByRole('link', { name: 'Contatos (link simples)' }).click();
      await page.waitForTimeout(100);
      await onForm();
      await page.goBack();
      await page.waitForTimeout(100);
      await onForm();
      expect(dialogs).toEqual(Array(3).fill('confirm: Há alterações não salvas. Sair mesmo assim?'));
      // History kept no trace of the refused attempts: one Back, agreed to, is the page before the form.
      setAccept(true);
      await page.goBack();
      await page.getByRole('heading', { name: 'Início' }).waitFor();
      expect(dialogs).toHaveLength(4);
    } finally {
      await close();
    }
  });

  it('"yes" leaves, and closing the page over unsaved changes triggers the browser\'s prompt', async () => {
    const { page, dialogs, close } = await openGuardPage();
    try {
      await page.close({ runBeforeUnload: true });
      await expect.poll(() => dialogs).toEqual(['beforeunload: ']);
    } finally {
      await close();
    }
    const second = await openGuardPage();
    try {
      second.setAccept(true);
      await second.page.getByRole('link', { name: 'Contatos (link simples)' }).click();
      await second.page.getByRole('heading', { name: 'Lista de contatos' }).waitFor();
      expect(second.dialogs).toEqual(['confirm: Há alterações não salvas. Sair mesmo assim?']);
    } finally {
      await second.close();
    }
  });
});
