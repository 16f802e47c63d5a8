import type { Locator, Page } from 'playwright-core';
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

const column = (page: Page, stage: string): Locator => page.locator(`section[data-stage="${stage}"]`);
const countOf = async (page: Page, stage: string) => Number((await column(page, stage).getByTestId('stage-count').textContent())!.replace(/\D/g, ''));

/** Drags with the real mouse, in steps, as a person does (dnd-kit starts after 6 px). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 12 });
  await page.mouse.up();
}

describe('pipeline in web mode (Chromium)', () => {
  it('moves deals by mouse, by keyboard and to lost with a reason; the board and its totals follow, and a reload keeps it all', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      await page.goto(`${host.url}#/pipeline`);
      await page.getByRole('heading', { name: 'Funil', level: 2 }).waitFor();
      await page.getByTestId('pipeline-board').waitFor();
      await expect.poll(() => page.locator('section[data-stage]').count()).toBe(7);
      await page.getByRole('heading', { name: 'Primeiro contato' }).waitFor();
      await page.waitForTimeout(600);
      await screenshot(page, 'pipeline-board');

      // Mouse: the first prospecting deal onto "Primeiro contato".
      const beforeProspecting = await countOf(page, 'prospecting');
      const beforeFirst = await countOf(page, 'first_contact');
      const card = column(page, 'prospecting').getByTestId('deal-card').first();
      const dealId = (await card.getAttribute('data-deal-id'))!;
      await drag(page, card, column(page, 'first_contact'));
      await expect.poll(() => countOf(page, 'first_contact')).toBe(beforeFirst + 1);
      expect(await countOf(page, 'prospecting')).toBe(beforeProspecting - 1);
      await column(page, 'first_contact').locator(`[data-deal-id="${dealId}"]`).waitFor();

      // Keyboard: the same deal one stage on with Shift+→, announced in Portuguese, focus kept on it.
      await column(page, 'first_contact').locator(`[data-deal-id="${dealId}"] [aria-roledescription="draggable"]`).focus();
      await page.keyboard.press('Shift+ArrowRight');
      await column(page, 'needs_identified').locator(`[data-deal-id="${dealId}"]`).waitFor();
      await expect.poll(() => page.getByTestId('pipeline-announcer').textContent()).toContain('movido para Necessidades identificadas');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-deal-id]')?.getAttribute('data-deal-id'))).toBe(dealId);

      // Lost needs a reason: the menu, an empty reason refused, then kept.
      const beforeLost = await countOf(page, 'lost');
      await column(page, 'needs_identified')
        .locator(`[data-deal-id="${dealId}"]`)
        .getByRole('button', { name: /^Mover/ })
        .click();
      await page.getByRole('menuitem', { name: 'Perdido' }).click();
      const dialog = page.getByRole('dialog', { name: 'Marcar como perdido' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Marcar como perdido' }).click();
      await dialog.getByText('Informe o motivo da perda.').waitFor();
      await screenshot(page, 'pipeline-lost-reason');
      await dialog.getByLabel('Motivo da perda').fill('Preço 8% acima do concorrente');
      await dialog.getByRole('button', { name: 'Marcar como perdido' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => countOf(page, 'lost')).toBe(beforeLost + 1);

      // Reload: the deal is lost, with its reason.
      await page.reload();
      await page.getByTestId('pipeline-board').waitFor();
      const lostCard = column(page, 'lost').locator(`[data-deal-id="${dealId}"]`);
      await lostCard.waitFor();
      // The lost column lists soonest close first: it may need "show more"; the count says it is there.
      expect(await countOf(page, 'lost')).toBe(beforeLost + 1);

      expect(await seriousViolations(page, 'main')).toEqual([]);

      // The same deals as a list; Enter opens a deal's page.
      await page.getByText('Lista', { exact: true }).click();
      const table = page.getByRole('table', { name: 'Funil' });
      await table.waitFor();
      await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
      await screenshot(page, 'pipeline-list');
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  }, 180_000);
});
