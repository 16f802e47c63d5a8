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

const LEADS = [
  ['Ana Souza', 'Papelaria Horizonte', 'ana@papelariahorizonte.com.br'],
  ['Bruno Lima', 'Metalúrgica Ipê', 'bruno@metalurgicaipe.com.br'],
  ['Carla Dias', 'Construtora Aroeira', 'carla@aroeira.eng.br'],
  ['Diego Alves', 'Frigorífico Jatobá', 'diego@jatoba.com.br'],
  ['Elisa Rocha', 'Hotel Buriti', 'elisa@hotelburiti.com.br'],
] as const;

describe('fair mode in web mode (Chromium)', () => {
  it('captures five leads by keyboard only at an event and prints the seconds per lead', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      await page.goto(`${host.url}#/events`);
      await page.getByRole('heading', { name: 'Eventos', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Novo evento' }).click();
      await page.getByRole('link', { name: 'Abrir o modo feira' }).click();
      const name = page.getByRole('textbox', { name: 'Nome' });
      await name.waitFor();
      await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

      const seconds: number[] = [];
      for (const [person, company, email] of LEADS) {
        const started = performance.now();
        // Name, company, (tax id), (role), (phone), e-mail, Enter: the keystrokes a person makes.
        await page.keyboard.type(person);
        await page.keyboard.press('Tab');
        await page.keyboard.type(company);
        for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
        await page.keyboard.type(email);
        await page.keyboard.press('Enter');
        await page
          .getByRole('status')
          .filter({ hasText: `Lead salvo: ${person}.` })
          .waitFor();
        await expect.poll(() => name.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value === '')).toBe(true);
        seconds.push((performance.now() - started) / 1000);
      }
      const keystrokes = LEADS.map(([p, c, e]) => p.length + c.length + e.length + 6);
      console.log(
        `fair mode: ${LEADS.length} leads, seconds per lead ${seconds.map((s) => s.toFixed(2)).join(', ')}; keystrokes per lead ${keystrokes.join(', ')} (typed by Playwright, no human pauses)`,
      );
      await page.getByTestId('leads-at-event').filter({ hasText: '5 leads neste evento' }).waitFor();
      await page.getByTestId('captured-today').filter({ hasText: '5 capturas hoje' }).waitFor();
      await screenshot(page, 'fair-mode');
      expect(await seriousViolations(page)).toEqual([]);
      expect(Math.max(...seconds)).toBeLessThan(15);

      // Back on the event's page, the five leads link to their accounts.
      await page.getByRole('link', { name: 'Sair do modo feira' }).click();
      const leads = page.getByRole('list', { name: 'Leads do evento' });
      await expect.poll(() => leads.getByRole('link').count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
