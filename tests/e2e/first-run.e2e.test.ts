import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('first run in web mode (Chromium)', () => {
  it('takes a newcomer from the welcome to their first account in under a minute, and shows the welcome only once', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      const started = Date.now();
      await page.goto(host.url);
      await page.getByRole('heading', { name: 'Boas-vindas ao Carteira' }).waitFor();
      await page.getByRole('heading', { name: 'O que funciona sem rede' }).waitFor();
      await screenshot(page, 'first-run-welcome');

      await page.getByLabel('Como você quer aparecer nas suas anotações?').fill('Ana Souza');
      await page.getByRole('button', { name: 'Começar sozinho' }).click();
      await page.getByRole('heading', { name: 'Sua carteira está vazia' }).waitFor();
      await page.getByRole('link', { name: 'Nova conta' }).first().click();
      await page.getByLabel(/^Razão social/).fill('Padaria Pão Quente Ltda');
      await page.getByLabel('Documento', { exact: true }).fill('11222333000181');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Padaria Pão Quente Ltda' }).waitFor();
      expect(Date.now() - started).toBeLessThan(60_000);

      // The answer is kept in the settings: the name signs edits, and the welcome does not come back.
      await page.reload();
      await page.getByRole('heading', { name: 'Padaria Pão Quente Ltda' }).waitFor();
      await page.goto(`${host.url}#/settings`);
      await expect.poll(() => page.getByLabel(/Seu nome/).inputValue()).toBe('Ana Souza');
      expect(await page.getByRole('heading', { name: 'Boas-vindas ao Carteira' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await profile.close().catch(() => {});
    }
  });
});
