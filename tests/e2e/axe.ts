import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core for the e2e tests. Its source is evaluated through the DevTools protocol, which the
 * app's strict CSP does not govern (an injected <script> would rightly be refused).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[];
}

/**
 * The serious and critical violations on the screen, one line each (rule, first elements).
 * `main` checks only the main region (e.g. when another feature's notice may pop over the page).
 */
export async function seriousViolations(page: Page, scope: 'document' | 'main' = 'document'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (onlyMain) => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(onlyMain ? { include: [['main']] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.help}): ${v.nodes
            .slice(0, 3)
            .map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`)
            .join(' | ')}`,
      );
  }, scope === 'main');
  return violations;
}
