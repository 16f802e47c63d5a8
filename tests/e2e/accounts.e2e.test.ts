import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('accounts in web mode (Chromium)', () => {
  it('creates an account in pt-BR, finds it after a reload and after a browser restart', async () => {
    const profile = await launchProfile();
    try {
      let page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(host.url);
      // A fresh install: the welcome first (first-run.e2e walks it), then the empty list.
      await page.getByRole('button', { name: 'Começar sozinho' }).click();
      await page.getByRole('heading', { name: 'Sua carteira está vazia' }).waitFor();
      await screenshot(page, 'accounts-empty');
      expect(await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link').allTextContents()).toEqual([
        'Meu dia',
        'Contas',
        'Contatos',
        'Funil',
        'Atividades',
        'Pedidos',
        'Contratos',
        'Ocorrências',
        'Eventos',
        'Catálogo',
        'Concorrentes',
        'Campanhas',
        'Relatórios',
        'Conflitos',
        'Configurações',
      ]);

      await page.getByRole('link', { name: 'Nova conta' }).first().click();
      await page.getByLabel(/^Razão social/).fill('Distribuidora Paulista de Papéis Ltda');
      await page.getByLabel('Nome fantasia', { exact: true }).fill('Papéis Paulista');
      await page.getByLabel('Documento', { exact: true }).fill('11222333000181');
      await page.getByLabel('Cidade', { exact: true }).fill('São Paulo');
      await page.getByLabel('UF / Distrito', { exact: true }).fill('SP');
      await page.getByLabel('Telefone', { exact: true }).fill('(11) 98765-4321');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Papéis Paulista' }).waitFor();
      await expect.poll(() => page.getByText('11.222.333/0001-81').count()).toBeGreaterThan(0);
      await screenshot(page, 'account-detail');

      await page.reload();
      await page.getByRole('heading', { name: 'Papéis Paulista' }).waitFor();

      await page.goto(`${host.url}#/accounts`);
      await page.getByLabel('Filtrar contas', { exact: true }).fill('papeis paulista');
      await page.getByRole('table', { name: 'Contas' }).getByRole('link', { name: 'Papéis Paulista' }).waitFor();
      await screenshot(page, 'accounts-list');
      expect(errors).toEqual([]);
      await profile.close(false);

      // An app restart: a new browser process on the same profile.
      const again = await launchProfile(profile.dir);
      page = await again.context.newPage();
      await page.goto(`${host.url}#/accounts`);
      await page.getByRole('table', { name: 'Contas' }).getByRole('link', { name: 'Papéis Paulista' }).waitFor();
      await again.close();
    } finally {
      await profile.close().catch(() => {});
    }
  });

  it('shows translated validation errors and keeps what was typed', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      await page.goto(`${host.url}#/accounts/new`);
      await page.getByLabel(/^Razão social/).fill('Comercial Errada ME');
      await page.getByLabel('Documento', { exact: true }).fill('11.222.333/0001-00');
      await page.getByLabel('E-mail', { exact: true }).fill('compras@');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByText('CNPJ inválido: confira os dígitos verificadores.').waitFor();
      await page.getByText('E-mail inválido (exemplo: nome@empresa.com.br).').waitFor();
      await screenshot(page, 'account-form-errors');
      expect(await page.getByLabel(/^Razão social/).inputValue()).toBe('Comercial Errada ME');
      expect(await page.getByLabel('Documento', { exact: true }).inputValue()).toBe('11.222.333/0001-00');
      expect(await page.getByLabel('E-mail', { exact: true }).inputValue()).toBe('compras@');

      // Fixing the CNPJ clears its error as you type; saving then works.
      await page.getByLabel('Documento', { exact: true }).fill('11.222.333/0001-81');
      await page.getByLabel('E-mail', { exact: true }).fill('compras@errada.com.br');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Comercial Errada ME' }).waitFor();
    } finally {
      await profile.close();
    }
  });
});
