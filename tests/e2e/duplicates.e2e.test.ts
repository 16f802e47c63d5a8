import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

/**
 * What an account's page shows: its title and the ids of the contacts and activities it links to
 * (read from the "Contatos" section and the timeline, whatever their layout).
 */
async function readAccount(page: Page, id: string) {
  await page.goto(`${host.url}#/accounts/${id}`);
  // The page of this account (not the one before it): its edit link points at it.
  await page.locator(`a[href$="/accounts/${id}/edit"]`).first().waitFor();
  const title = (await page.getByRole('heading', { level: 2 }).first().innerText()).trim();
  const contacts = page.getByRole('region', { name: 'Contatos', exact: true });
  const timeline = page.getByRole('region', { name: 'Linha do tempo', exact: true });
  await expect.poll(() => contacts.getByLabel('Carregando…').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => timeline.getByLabel('Carregando…').count(), { timeout: 15_000 }).toBe(0);
  const ids = async (region: typeof contacts, kind: string) =>
    (await region.locator(`a[href*="/${kind}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) =>
      href.slice(href.lastIndexOf('/') + 1),
    );
  const summaries = await timeline.locator('a[href*="/activities/"]').allInnerTexts();
  return { id, title, contacts: await ids(contacts, 'contacts'), activities: await ids(timeline, 'activities'), summaries };
}

/** Closes whatever toasts other features show (reminders…), so the screenshots show this screen. */
/** Accepts the next confirm() (the unsaved-changes guard) and resolves with its message. */
function acceptNextConfirm(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
}

async function dismissToasts(page: Page) {
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 2000 }).catch(() => {});
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function typedTaxId(page: Page, id: string) {
  await page.goto(`${host.url}#/accounts/${id}/edit`);
  const doc = page.getByLabel('Documento', { exact: true });
  await doc.waitFor();
  return { kind: await page.getByLabel('Tipo de documento', { exact: true }).inputValue(), value: await doc.inputValue() };
}

describe('duplicates in web mode (Chromium)', () => {
  it('warns about a CNPJ that exists while typing, merges two duplicates and keeps everything of both', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      const table = page.getByRole('table', { name: 'Contas' });
      await table.getByRole('link').nth(5).waitFor();
      const ids = (await table.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))
        .map((href) => /accounts\/([^/?#]+)/.exec(href)?.[1] ?? '')
        .filter(Boolean);

      // Two sample accounts that both have contacts and activities, and a CNPJ.
      const picked: Awaited<ReturnType<typeof readAccount>>[] = [];
      let cnpj = '';
      for (const id of ids) {
        const account = await readAccount(page, id);
        if (account.contacts.length === 0 || account.contacts.length > 4 || account.activities.length === 0 || account.activities.length > 6) continue;
        const tax = await typedTaxId(page, id);
        if (tax.kind !== 'cnpj') continue;
        if (!cnpj) cnpj = tax.value;
        picked.push(account);
        if (picked.length === 2) break;
      }
      expect(picked).toHaveLength(2);
      const [first, second] = picked as [(typeof picked)[0], (typeof picked)[0]];

      // The second one is the same company typed again: give it the first one's CNPJ (saving is never blocked).
      await page.goto(`${host.url}#/accounts/${second.id}/edit`);
      await page.getByLabel('Documento', { exact: true }).fill(cnpj);
      const warning = page.getByRole('region', { name: 'Possíveis duplicados' });
      await warning.getByText(`Mesmo documento: ${cnpj}`).waitFor();
      await page.getByRole('button', { name: 'Salvar' }).click();
      await page.getByRole('heading', { name: second.title, level: 2 }).waitFor();

      // Starting a third account with that CNPJ shows both as likely duplicates, with the reason.
      await page.goto(`${host.url}#/accounts/new`);
      await page.getByLabel(/^Razão social/).fill('Comercial Recém-Chegada');
      await page.getByLabel('Documento', { exact: true }).fill(cnpj);
      await warning.getByText('Esta conta pode já estar cadastrada (2 parecidas)').waitFor();
      expect(await warning.getByText(`Mesmo documento: ${cnpj}`).count()).toBe(2);
      await expect.poll(() => warning.getByRole('link', { name: /^Abrir / }).count(), { timeout: 15_000 }).toBe(2);
      await dismissToasts(page);
      await screenshot(page, 'duplicates-warning');
      expect(await seriousViolations(page)).toEqual([]);

      // "Mesclar" merges the other look-alike into the best match; the new account typed so far is
      // unsaved, so leaving it asks first.
      const asked = acceptNextConfirm(page);
      await warning.getByRole('link', { name: /^Mesclar / }).click();
      expect(await asked).toBe('Há alterações não salvas. Sair mesmo assim?');
      await page.getByRole('heading', { name: 'Mesclar contas' }).waitFor();
      const [, survivorId, duplicateId] = /accounts\/([^/]+)\/merge\/([^/?#]+)/.exec(page.url())!;
      const survivor = survivorId === first.id ? first : second;
      const duplicate = duplicateId === first.id ? first : second;
      expect(new Set([survivor.id, duplicate.id])).toEqual(new Set([first.id, second.id]));
      await page.getByText(/^Contatos: \d+$/).waitFor();
      await dismissToasts(page);
      await screenshot(page, 'duplicates-merge');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Mesclar contas' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'duplicates-merge-bottom');
      await page.getByRole('button', { name: 'Mesclar contas' }).click();

      // The survivor's page has both accounts' contacts and activities, and the merge record.
      await page.waitForURL((url) => url.hash === `#/accounts/${survivor.id}`);
      await page.getByRole('link', { name: `Conta ${duplicate.title} mesclada nesta conta` }).waitFor();
      const after = await readAccount(page, survivor.id);
      for (const c of [...survivor.contacts, ...duplicate.contacts]) expect(after.contacts).toContain(c);
      for (const a of [...survivor.activities, ...duplicate.activities]) expect(after.activities).toContain(a);
      expect(after.summaries).toContain(`Conta ${duplicate.title} mesclada nesta conta`);
      await screenshot(page, 'duplicates-after-merge');

      // The duplicate is gone: its page says so and the list no longer has it.
      await page.goto(`${host.url}#/accounts/${duplicate.id}`);
      await page.getByText('Esta conta não existe ou foi excluída.').waitFor();
      await page.goto(`${host.url}#/accounts`);
      await page.getByText(`${SAMPLE_SIZES.S.accounts - 1} contas`).waitFor();
      await page.getByLabel('Filtrar contas', { exact: true }).fill(duplicate.title);
      const list = page.getByRole('table', { name: 'Contas' });
      // Once the filter applies (a handful of rows at most), the duplicate is not among them.
      await expect
        .poll(
          async () => {
            const hrefs = await list.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
            return hrefs.length < 10 && !hrefs.some((h) => h.endsWith(`/accounts/${duplicate.id}`));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await page.getByLabel('Filtrar contas', { exact: true }).fill(survivor.title);
      await list.getByRole('link', { name: survivor.title }).first().waitFor();

      // Contacts: the moved contact typed with the other one's e-mail is flagged, and the two merge.
      const [keepId, goneId] = [duplicate.contacts[0]!, survivor.contacts[0]!];
      await page.goto(`${host.url}#/contacts/${goneId}/edit`);
      const goneEmail = await page.getByLabel('E-mail 1', { exact: true }).inputValue();
      expect(goneEmail).toContain('@');
      await page.goto(`${host.url}#/contacts/${keepId}/edit`);
      await page.getByLabel('E-mail 1', { exact: true }).fill(goneEmail);
      await warning.getByText(`Mesmo e-mail: ${goneEmail}`).waitFor();
      await dismissToasts(page);
      await screenshot(page, 'duplicates-contact-warning');
      const askedContact = acceptNextConfirm(page);
      await warning
        .getByRole('link', { name: /com este contato$/ })
        .first()
        .click();
      expect(await askedContact).toBe('Há alterações não salvas. Sair mesmo assim?');
      await page.getByRole('heading', { name: 'Mesclar contatos' }).waitFor();
      expect(page.url()).toContain(`#/contacts/${keepId}/merge/${goneId}`);
      await page.getByRole('button', { name: 'Mesclar contatos' }).and(page.locator(':not([disabled])')).waitFor();
      await dismissToasts(page);
      await screenshot(page, 'duplicates-contact-merge');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Mesclar contatos' }).click();
      await page.waitForURL((url) => url.hash === `#/contacts/${keepId}`);
      await page.goto(`${host.url}#/contacts/${goneId}`);
      await page.getByText('Este contato não existe ou foi excluído.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
