import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SIZES } from '../../shared/sample-data';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('sample data in web mode (Chromium)', () => {
  it('loads the demo portfolio from the empty state, then lists, filters and opens accounts', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Carregar dados de exemplo' }).click();
      const count = page.getByText(`${SAMPLE_SIZES.S.accounts} contas`);
      await count.waitFor({ timeout: 60_000 });
      const table = page.getByRole('table', { name: 'Contas' });
      await table.getByRole('row').nth(2).waitFor();
      await screenshot(page, 'accounts-list-sample');

      // Names are sorted the way a Brazilian reads them (accents ignored).
      const names = await table.getByRole('link').allTextContents();
      expect(names.length).toBeGreaterThan(5);
      const keys = names.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
      expect([...keys].sort()).toEqual(keys);

      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Conta-chave' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await table.getByText('Conta-chave').count()) > 0).toBe(true);
      expect(await table.getByText('Prospect', { exact: true }).count()).toBe(0);

      await table.getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Contatos', level: 3 }).waitFor();
      // Contacts and the activity timeline come from their own indexed queries; wait until both answered.
      const card = (title: string) => page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: title }) });
      await page.getByRole('region', { name: 'Linha do tempo' }).getByRole('listitem').first().waitFor();
      await expect.poll(() => card('Contatos').locator('.mantine-Loader-root').count()).toBe(0);
      expect(await card('Contatos').innerText()).toMatch(/—|Nenhum contato\./);
      await screenshot(page, 'account-detail-sample');

      // The catalogue, orders and events hold the sample data.
      const nav = page.getByRole('navigation', { name: 'Navegação principal' });
      await nav.getByRole('link', { name: 'Catálogo', exact: true }).click();
      await page.getByText(`${SAMPLE_SIZES.S.products} produtos`).waitFor();
      await nav.getByRole('link', { name: 'Pedidos', exact: true }).click();
      await page.getByText(`${SAMPLE_SIZES.S.orders} pedidos`).waitFor();
      await nav.getByRole('link', { name: 'Eventos', exact: true }).click();
      await page.getByText(`${SAMPLE_SIZES.S.events} eventos`).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
