import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchProfile, loadSampleData, screenshot, startTestHost } from './browser';
import { seriousViolations } from './axe';

/**
 * An axe-core pass over the main screens with sample data: no serious or critical violation.
 * axe's source is evaluated through the DevTools protocol, which the app's strict CSP does not
 * govern (an injected <script> would rightly be refused).
 */

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

describe('accessibility of the main screens (axe-core, Chromium)', () => {
  it('has no serious or critical violations on the main screens, in light and dark themes', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);

      const report: Record<string, string[]> = {};
      const check = async (name: string) => {
        await page.getByRole('heading').first().waitFor();
        // Let live queries answer, so the screen is checked with its data, not its loaders.
        await page.waitForTimeout(600);
        await screenshot(page, `a11y-${name}`);
        report[name] = await seriousViolations(page);
      };
      const visit = async (hash: string, name: string) => {
        await page.evaluate((h) => {
          window.location.hash = h;
        }, hash);
        await check(name);
      };

      await visit('#/accounts', 'accounts');
      await page.getByRole('table', { name: 'Contas' }).getByRole('link').first().click();
      await check('account-360');
      await visit('#/accounts/new', 'account-new');
      await visit('#/contacts', 'contacts');
      const contactLink = page.getByRole('table', { name: 'Contatos' }).getByRole('link').first();
      await contactLink.waitFor();
      await contactLink.click();
      await check('contact');
      await visit('#/catalogue', 'catalogue');
      await visit('#/today', 'today');
      await visit('#/activities', 'activities');
      await visit('#/conflicts', 'conflicts');
      await visit('#/settings', 'settings');

      await visit('#/accounts', 'accounts-palette-base');
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.type('sao');
      await page.waitForTimeout(300);
      report['command-palette'] = await seriousViolations(page);
      await screenshot(page, 'a11y-command-palette');
      await page.keyboard.press('Escape');

      // Dark theme: contrast is checked again on the busiest screens.
      await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
      await visit('#/accounts', 'accounts-dark');
      await visit('#/today', 'today-dark');

      const failures = Object.entries(report).filter(([, v]) => v.length > 0);
      expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
      expect(Object.keys(report).length).toBeGreaterThanOrEqual(10);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
