import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

const SUMMARY = 'Reunião de fechamento: proposta de 5% no volume anual';

/** Kills the page at once: no beforeunload, no time for a debounced or blur-time write. */
async function kill(page: Page) {
  await page.close({ runBeforeUnload: false });
}

describe('nothing typed is lost (Chromium, web mode)', () => {
  it("an activity's summary and a new contact typed when the page is killed are there after a restart", async () => {
    const profile = await launchProfile();
    try {
      let page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/accounts/new`);
      await page.getByLabel(/^Razão social/).fill('Metalúrgica Ribeiro Ltda');
      await page.getByLabel('Nome fantasia', { exact: true }).fill('Metalúrgica Ribeiro');
      await page.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: 'Metalúrgica Ribeiro', level: 2 }).waitFor();
      const accountId = /#\/accounts\/([^/?]+)$/.exec(page.url())![1]!;
      await page.locator('body').click({ position: { x: 700, y: 600 } });
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'Registrar atividade' });
      await dialog.waitFor();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: 'Abrir atividade' }).click();
      await page.getByRole('heading', { name: 'Ligação', level: 2 }).waitFor();
      const activityUrl = page.url();

      // The summary: typed, then the page dies before the field is left.
      const summary = page.getByLabel('Resumo', { exact: true });
      await summary.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type(SUMMARY);
      await kill(page);

      // A new contact: typed, never saved, the page dies.
      page = await profile.context.newPage();
      const errors2 = collectPageErrors(page);
      const newContactUrl = `${host.url}#/contacts/new?accountId=${accountId}`;
      await page.goto(newContactUrl);
      await page.getByRole('heading', { name: 'Novo contato' }).waitFor();
      await page.getByLabel(/^Nome/).click();
      await page.keyboard.type('Joana');
      await page.getByLabel('Cargo', { exact: true }).click();
      await page.keyboard.type('Compradora sênior');
      await page.getByLabel('E-mail 1', { exact: true }).click();
      await page.keyboard.type('joana@ribeiro.com.br');
      await kill(page);
      expect([...errors, ...errors2]).toEqual([]);
      await profile.close(false);

      const again = await launchProfile(profile.dir);
      try {
        page = await again.context.newPage();
        const errors3 = collectPageErrors(page);
        await page.goto(activityUrl);
        await expect.poll(() => page.getByLabel('Resumo', { exact: true }).inputValue()).toBe(SUMMARY);
        // Written back to the database, not only shown: after a reload it is the stored summary.
        await page.getByRole('heading', { name: SUMMARY, level: 2 }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: SUMMARY, level: 2 }).waitFor();
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.activity-details.')).length)).toBe(0);

        await page.goto(newContactUrl);
        await page.getByRole('heading', { name: 'Novo contato' }).waitFor();
        await page.getByText('Recuperamos o que você digitou.').waitFor();
        expect(await page.getByLabel(/^Nome/).inputValue()).toBe('Joana');
        expect(await page.getByLabel('Cargo', { exact: true }).inputValue()).toBe('Compradora sênior');
        expect(await page.getByLabel('E-mail 1', { exact: true }).inputValue()).toBe('joana@ribeiro.com.br');
        await expect.poll(() => page.getByRole('combobox', { name: 'Conta' }).inputValue()).toBe('Metalúrgica Ribeiro');
        await screenshot(page, 'drafts-contact-restored');
        await page.getByRole('button', { name: 'Salvar' }).click();
        await page.getByRole('heading', { name: 'Joana' }).waitFor();
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.contact.')).length)).toBe(0);
        expect(errors3).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await profile.close().catch(() => {});
    }
  });
});
