import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Product } from '../../shared/models';
import { generateSampleData, SAMPLE_SIZES } from '../../shared/sample-data';
import { isPromotionActive, priceForAccount } from '../../shared/domain/pricing';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';
import { seriousViolations } from './axe';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

const localDay = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const money = (amount: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(amount / 100);
/** Reminders of other features pop up after sample data loads; close them so they don't cover the screenshots. */
async function dismissNotifications(page: Page) {
  await page.waitForTimeout(500);
  const close = page.locator('.mantine-Notification-root button.mantine-Notification-closeButton');
  while ((await close.count()) > 0)
    await close
      .first()
      .click()
      .catch(() => {});
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('catalogue in web mode (Chromium)', () => {
  it('finds a product by SKU, opens it and shows what a chosen account pays', async () => {
    // The same seed as the app's "load sample data": the same products and accounts, so the expected
    // price comes from the pricing rules, not from the screen.
    const sample = generateSampleData({ size: 'S', seed: 42, now: Date.now() });
    const today = localDay();
    const products = [...sample.docs('products')] as Product[];
    const accounts = [...sample.docs('accounts')] as Account[];
    const product = products.find((p) => p.active && isPromotionActive(p.promotion, today)) ?? products[0]!;
    const account = accounts.find(
      (a) => a.conditions.discountBp > 0 && a.conditions.loyaltyTier !== 'none' && product.prices.some((p) => p.priceListId === a.conditions.priceListId),
    )!;
    const label = account.tradeName || account.name;
    const expected = priceForAccount(product, account.conditions, { date: today })!;

    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/catalogue`);
      await page.getByRole('heading', { name: 'O catálogo está vazio' }).waitFor();
      await page.getByRole('button', { name: 'Carregar dados de exemplo' }).click();
      await page.getByText(`${SAMPLE_SIZES.S.products} produtos`).waitFor({ timeout: 90_000 });
      await dismissNotifications(page);
      const table = page.getByRole('table', { name: 'Catálogo' });
      await table.getByRole('link').nth(5).waitFor();
      const categories = page.getByRole('navigation', { name: 'Categorias' });
      await expect.poll(() => categories.getByRole('button').count()).toBeGreaterThan(5);
      await screenshot(page, 'catalogue-list');
      expect(await seriousViolations(page, 'main')).toEqual([]);

      // Browse one category.
      await categories.getByRole('button', { name: /^Informática/ }).click();
      await expect.poll(async () => (await table.getByRole('row').allInnerTexts()).slice(1, 6).every((r) => r.includes('INF-'))).toBe(true);
      await categories.getByRole('button', { name: /^Todas as categorias/ }).click();

      // Search the SKU (lower case is fine), open the product.
      await page.getByLabel('Buscar no catálogo', { exact: true }).fill(product.sku.toLowerCase());
      await expect.poll(() => table.getByRole('link').allTextContents()).toEqual([product.name]);
      await expect.poll(() => page.getByRole('radio', { name: 'SKU (1)' }).isChecked()).toBe(true);
      await screenshot(page, 'catalogue-search-sku');
      await table.getByRole('link', { name: product.name }).click();
      await page.getByRole('heading', { name: product.name, level: 2 }).waitFor();
      const prices = page.getByRole('table', { name: 'Preços por tabela' });
      for (const p of product.prices)
        expect(squash(await prices.getByRole('row', { name: new RegExp(p.priceListId) }).innerText())).toContain(squash(money(p.amount)));

      // Choose the account by typing the start of its name.
      const picker = page.getByRole('combobox', { name: 'Conta' });
      await picker.click();
      await picker.fill(label.slice(0, 12));
      await page.getByRole('option', { name: label, exact: true }).click();
      const unit = page.getByTestId('account-unit-price');
      await expect.poll(async () => squash(await unit.innerText())).toBe(squash(money(expected.unitPrice)));
      const breakdown = squash(await page.getByRole('table', { name: 'Composição do preço' }).innerText());
      expect(breakdown).toContain(squash(money(expected.listPrice)));
      if (expected.promotion) expect(breakdown).toContain(expected.promotion.label);
      expect(breakdown).toContain('Desconto da conta');
      await dismissNotifications(page);
      await page.getByRole('heading', { name: 'Preço para esta conta' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'catalogue-product');
      expect(await seriousViolations(page, 'main')).toEqual([]);

      // Opened from an account (#/catalogue/:id?accountId=…) in a fresh window: that account's price at once.
      const productUrl = page.url();
      const accountHref = (await page.getByRole('link', { name: label, exact: true }).getAttribute('href'))!;
      const accountId = accountHref.split('/').at(-1)!;
      await page.goto('about:blank');
      await page.goto(`${productUrl}?accountId=${accountId}`);
      await page.getByRole('heading', { name: product.name, level: 2 }).waitFor();
      await expect.poll(async () => squash(await page.getByTestId('account-unit-price').innerText())).toBe(squash(money(expected.unitPrice)));
      // The picker shows the account's name once its own read answers.
      await expect.poll(() => page.getByRole('combobox', { name: 'Conta' }).inputValue()).toBe(label);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
