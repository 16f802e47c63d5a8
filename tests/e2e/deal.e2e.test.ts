import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
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

/** The text of every page of a PDF, read back by a real parser (pdf.js), items joined by spaces. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return parts.join('\n').replace(/\s+/g, ' ');
}

const netTotal = async (page: Page) => (await page.getByTestId('total-net').textContent())!.trim();

describe('deal page in web mode (Chromium)', () => {
  it('prices a catalogue line for the account, records an objection, and produces a proposal PDF whose text carries the line and the total in pt-BR', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);

      // From the board to a deal's page, by clicking its card.
      await page.goto(`${host.url}#/pipeline`);
      await page.getByTestId('pipeline-board').waitFor();
      const card = page.locator('section[data-stage="negotiation"]').getByTestId('deal-card').first();
      const dealId = (await card.getAttribute('data-deal-id'))!;
      await card.locator('[aria-roledescription="draggable"]').click();
      await page.waitForURL(`**#/pipeline/${dealId}`);
      await page.getByLabel('Título').waitFor();

      // Start from no lines, then add one product found by its SKU prefix, priced for this account.
      const lines = page.getByRole('table', { name: 'Itens' });
      for (let remove = page.getByRole('button', { name: /^Remover / }); (await remove.count()) > 0;) {
        await remove.first().click();
        await page.waitForTimeout(100);
      }
      await page.getByText('Nenhum item neste negócio.').waitFor();
      await page.getByLabel('Adicionar produto').fill('A');
      const results = page.getByRole('list', { name: 'Adicionar produto' }).getByRole('listitem').filter({ hasText: 'R$' });
      await results.first().waitFor();
      const found = (await results.first().innerText()).split(' · ');
      const productName = found[0]!.trim();
      await results
        .first()
        .getByRole('button', { name: `Adicionar ${productName}` })
        .click();
      await lines.getByText(productName).waitFor();

      // Quantity 3: the line total and the deal's net follow; a negative quantity is refused and kept in the field.
      const quantity = page.getByLabel(`Quantidade de ${productName}`);
      const netOfOne = await netTotal(page);
      await quantity.fill('-2');
      await quantity.press('Tab');
      await page.getByText('A quantidade deve ser maior que zero.').waitFor();
      expect(await quantity.inputValue()).toBe('-2');
      await quantity.fill('3');
      await quantity.press('Tab');
      await expect.poll(() => page.getByText('A quantidade deve ser maior que zero.').count()).toBe(0);
      await expect.poll(() => netTotal(page)).not.toBe(netOfOne);
      const net = await netTotal(page);
      const cents = (money: string) => Number(money.replace(/\D/g, ''));
      expect(cents(net)).toBe(3 * cents(netOfOne));
      expect(net).toMatch(/^R\$\s?[\d.]+,\d{2}$/);

      // An objection and its answer.
      await page.getByLabel('Objeção', { exact: true }).fill('Prazo de entrega longo');
      await page.getByLabel('Resposta', { exact: true }).fill('Entrega parcial em 10 dias');
      await page.getByRole('button', { name: 'Registrar objeção' }).click();
      const objections = page.getByRole('list', { name: 'Objeções' });
      await objections.getByText('Prazo de entrega longo').waitFor();
      // Raised by "you", not by a device id.
      expect(await objections.getByRole('listitem').first().innerText()).toMatch(/· Você/);
      await screenshot(page, 'deal-page');

      // A proposal: the company header asked once, the PDF downloaded and kept as version 1 on the deal.
      await page.getByRole('button', { name: 'Nova proposta (PDF)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nova proposta' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Gerar e salvar PDF' }).click();
      await dialog.getByText('Informe o nome da sua empresa.').waitFor();
      await dialog.getByLabel('Nome da empresa').fill('Distribuidora Açaí & Cia Ltda.');
      await screenshot(page, 'deal-proposal-dialog');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Gerar e salvar PDF' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const saved = await download.path();
      const text = await pdfText(new Uint8Array(readFileSync(saved)));
      expect(text).toContain('Distribuidora Açaí & Cia Ltda.');
      expect(text).toContain(productName);
      // pdf.js may split the currency sign from the number: compare with spaces normalised.
      expect(text.replace(/\s/g, '')).toContain(net.replace(/\s/g, ''));
      await page.getByTestId('proposal-versions').getByText('nº 1').waitFor();

      // Reload: the line, the objection and the proposal are kept on the deal.
      await page.reload();
      await page.getByLabel('Título').waitFor();
      await lines.getByText(productName).waitFor();
      expect(await netTotal(page)).toBe(net);
      await page.getByText('Prazo de entrega longo').waitFor();
      await page.getByTestId('proposal-versions').getByText('nº 1').waitFor();

      expect(await seriousViolations(page, 'main')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  }, 180_000);
});
