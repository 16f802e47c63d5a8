import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SIZES } from '../../shared/sample-data';
import { collectPageErrors, launchProfile, screenshot, startTestHost } from './browser';

/**
 * An axe-core pass over the main screens with sample data: no serious or critical violation.
 * axe's source is evaluated through the DevTools protocol, which the app's strict CSP does not
 * govern (an injected <script> would rightly be refused).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

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
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Carregar dados de exemplo' }).click();
      await page.getByText(`${SAMPLE_SIZES.S.accounts} contas`).waitFor({ timeout: 90_000 });

      const report: Record<string, Violation[]> = {};
      const check = async (name: string) => {
        await page.getByRole('heading').first().waitFor();
        // Let live queries answer, so the screen is checked with its data, not its loaders.
        await page.waitForTimeout(600);
        await screenshot(page, `a11y-${name}`);
        report[name] = await seriousViolations(page);
      };
      const visit = async (hash: string, name: string) => {
        await page.evaluate((h) => { window.location.hash = h; }, hash);
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
