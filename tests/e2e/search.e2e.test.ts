import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, loadSampleData, screenshot, startTestHost } from './browser';

let host: Awaited<ReturnType<typeof startTestHost>>;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

/** As someone in a hurry types a name: lower-case, no accents, one letter of its longest word dropped. */
function misspell(name: string): string {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).slice(0, 3);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const cut = Math.floor(longest.length / 2);
  return words.map((w) => (w === longest ? w.slice(0, cut) + w.slice(cut + 1) : w)).join(' ');
}

describe('global search in web mode (Chromium)', () => {
  it('Ctrl+K, a misspelled unaccented account name, Enter opens the account', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      const table = page.getByRole('table', { name: 'Contas' });
      await table.getByRole('row').nth(2).waitFor();
      // An account whose name has an accent or a long word, so the typo and the missing accent both count.
      const names = await table.getByRole('link').allTextContents();
      const name = names.find((n) => /[À-ÿ]/.test(n) && n.split(' ').some((w) => w.length >= 6)) ?? names.find((n) => n.split(' ').some((w) => w.length >= 6))!;
      const typed = misspell(name);
      expect(typed).not.toBe(name.toLowerCase());

      // From inside a text field too: the shortcut is global.
      await page.getByLabel('Filtrar contas', { exact: true }).focus();
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Busca e comandos' });
      const input = palette.getByRole('combobox');
      await input.waitFor();
      // The renderer is cross-origin isolated (COOP + COEP): the index's answers reach a keystroke through shared memory.
      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
      await page.keyboard.type(typed, { delay: 40 });
      const listbox = palette.getByRole('listbox');
      const option = listbox.getByRole('option').filter({ hasText: name }).filter({ hasText: 'Conta' }).first();
      await option.waitFor({ timeout: 30_000 });
      await screenshot(page, 'search-palette');

      const options = await listbox.getByRole('option').all();
      let index = -1;
      for (const [i, o] of options.entries()) if (index < 0 && (await o.textContent())!.includes(name)) index = i;
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(5);
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBe(await options[index]!.getAttribute('id'));
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/accounts\/[^/]+$/);
      await page.getByRole('heading', { name }).first().waitFor();
      expect(await palette.count()).toBe(0);

      // The sidebar's button opens it too, and Esc closes it.
      await page.getByRole('button', { name: /Buscar/ }).click();
      await input.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => palette.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
