import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, loadSampleData, screenshot, startTestHost } from './browser';
import { seriousViolations } from './axe';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('contacts in web mode (Chromium)', () => {
  it('creates a contact for an account, shows it on its page with call and mail links, and keeps it after a reload', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/accounts/new`);
      await page.getByLabel(/^Razão social/).fill('Distribuidora Paulista de Papéis Ltda');
      await page.getByLabel('Nome fantasia', { exact: true }).fill('Papéis Paulista');
      await page.getByLabel('Documento', { exact: true }).fill('11222333000181');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Papéis Paulista' }).waitFor();
      const accountId = /#\/accounts\/([^/?]+)$/.exec(page.url())![1]!;

      await page.goto(`${host.url}#/contacts/new?accountId=${accountId}`);
      await page.getByRole('heading', { name: 'Novo contato' }).waitFor();
      await expect.poll(() => page.getByRole('combobox', { name: 'Conta' }).inputValue()).toBe('Papéis Paulista');
      await page.getByLabel(/^Nome/).fill('Joana');
      await page.getByLabel('Sobrenome', { exact: true }).fill('Prado');
      await page.getByLabel('Cargo', { exact: true }).fill('Compradora');
      await page.getByLabel('Telefone 1', { exact: true }).fill('(11) 98765-4321');
      await page.getByLabel('E-mail 1', { exact: true }).fill('joana@papeispaulista.com.br');
      await page.getByLabel('Aniversário', { exact: true }).fill('07/03/1985');
      await page.getByLabel('Aniversário', { exact: true }).press('Tab');
      await page.getByLabel('Base legal', { exact: true }).selectOption('consent');
      await page.getByLabel('Aceita receber comunicações de marketing').check();
      await page.getByLabel('Origem do consentimento', { exact: true }).fill('Feira do Papel 2026');
      await screenshot(page, 'contact-form');
      expect(await seriousViolations(page, 'main')).toEqual([]);
      // Ctrl+S saves from inside a field.
      await page.getByLabel('Origem do consentimento', { exact: true }).press('Control+s');

      await page.getByRole('heading', { name: 'Joana Prado' }).waitFor();
      const contactUrl = page.url();
      expect(await page.getByRole('link', { name: 'Papéis Paulista' }).getAttribute('href')).toBe(`#/accounts/${accountId}`);
      expect(await page.getByRole('link', { name: 'Ligar para (11) 98765-4321' }).getAttribute('href')).toBe('tel:+5511987654321');
      expect(await page.getByRole('link', { name: 'Escrever para joana@papeispaulista.com.br' }).getAttribute('href')).toBe(
        'mailto:joana@papeispaulista.com.br',
      );
      await page.getByText('7 de março de 1985').waitFor();
      await page.getByText('Origem: Feira do Papel 2026').waitFor();
      await screenshot(page, 'contact-detail');
      expect(await seriousViolations(page, 'main')).toEqual([]);

      await page.reload();
      await page.getByRole('heading', { name: 'Joana Prado' }).waitFor();
      expect(page.url()).toBe(contactUrl);
      await page.getByText('Origem: Feira do Papel 2026').waitFor();

      await page.goto(`${host.url}#/contacts`);
      const table = page.getByRole('table', { name: 'Contatos' });
      await table.getByRole('link', { name: 'Joana Prado' }).waitFor();
      await page.getByLabel('Filtrar contatos', { exact: true }).fill('98765');
      await table.getByRole('link', { name: 'Joana Prado' }).waitFor();
      expect(await table.getByText('Papéis Paulista').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('lists the sample contacts page by page, in name order, and opens one', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);

      await page.goto(`${host.url}#/contacts`);
      const table = page.getByRole('table', { name: 'Contatos' });
      await table.getByRole('link').nth(5).waitFor();
      await page.getByText(/^\d+ contatos$/).waitFor();
      const names = await table.getByRole('link').allTextContents();
      const keys = names.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
      expect([...keys].sort()).toEqual(keys);
      await screenshot(page, 'contacts-list');
      expect(await seriousViolations(page, 'main')).toEqual([]);

      // Scrolling far down reads the next pages.
      const scroller = page.getByTestId('contacts-scroller');
      for (let i = 0; i < 6; i++) await scroller.evaluate((el) => el.scrollBy(0, 4000));
      await expect.poll(async () => (await table.getByRole('link').allTextContents()).some((n) => !names.includes(n))).toBe(true);

      await page.getByLabel('Cargo', { exact: true }).fill('compr');
      await page.getByText(/^Mais de \d+ encontrados|^\d+ encontrados?$/).waitFor();
      expect(await table.getByText(/compr/i).count()).toBeGreaterThan(0);
      await table.getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Consentimento (LGPD / GDPR)' }).waitFor();
      await page
        .getByRole('link', { name: /^Ligar para/ })
        .first()
        .waitFor();
      await screenshot(page, 'contact-detail-sample');
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
