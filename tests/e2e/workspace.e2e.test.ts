import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SIZES } from '../../shared/sample-data';
import { collectPageErrors, launchProfile, loadSampleData, screenshot, startTestHost } from './browser';
import { seriousViolations } from './axe';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('accounts workspace in web mode (Chromium)', () => {
  it('filters by status, keeps a saved view across a reload, and opens an account 360° page with its timeline', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      let errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      const table = page.getByRole('table', { name: 'Contas' });

      // Status is a multi-select with translated options.
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Conta-chave' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await table.getByText('Conta-chave').count()) > 0).toBe(true);
      expect(await table.getByText('Cliente', { exact: true }).count()).toBe(0);
      const keyCount = (await page
        .getByText(/^\d+ contas?$/)
        .first()
        .textContent())!;
      expect(Number.parseInt(keyCount, 10)).toBeLessThan(SAMPLE_SIZES.S.accounts);

      await page.getByRole('button', { name: 'Visões salvas' }).click();
      await page.getByLabel('Nome da nova visão').fill('Contas-chave');
      await page.getByRole('button', { name: 'Salvar visão atual' }).click();
      await page.getByText('Visão “Contas-chave” salva.').waitFor();
      await page.keyboard.press('Escape');
      await screenshot(page, 'workspace-accounts-list');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);

      // A reload starts with no filter; the saved view is still there and brings it back.
      await page.reload();
      errors = collectPageErrors(page);
      await page.getByText(`${SAMPLE_SIZES.S.accounts} contas`).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Visões salvas' }).click();
      await page.getByRole('button', { name: 'Aplicar visão Contas-chave' }).click();
      await page.getByText(keyCount, { exact: true }).waitFor();
      expect(await table.getByText('Prospect', { exact: true }).count()).toBe(0);

      // The 360° page of the first key account: header, timeline with links to each activity.
      const first = table.getByRole('link').first();
      const name = (await first.textContent())!;
      await first.click();
      await page.getByRole('heading', { level: 2, name }).waitFor();
      const timeline = page.getByRole('region', { name: 'Linha do tempo' });
      await timeline.waitFor();
      await expect
        .poll(async () => (await timeline.getByRole('listitem').count()) + (await timeline.getByText('Nenhuma atividade registrada.').count()))
        .toBeGreaterThan(0);
      await page.getByRole('region', { name: 'Confiabilidade' }).waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, 'workspace-account-360');
      expect(await seriousViolations(page)).toEqual([]);

      const items = await timeline.getByRole('listitem').count();
      if (items > 0) {
        const href = await timeline.getByRole('link').first().getAttribute('href');
        // Sample ids end in -sample (they never leave the no-server database).
        expect(href).toMatch(/^#\/activities\/[0-9a-z]+-sample$/);
      }
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
