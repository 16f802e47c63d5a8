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

/** The notes a manager types during a meeting: long enough that the last keystrokes are still unsaved at the kill. */
const NOTES = 'Reunião com compras: pedem 5% de desconto no volume anual.\nPrazo de entrega 30 dias; enviar proposta até sexta.';

describe('activities in web mode (Chromium)', () => {
  it('logs a call with L, L, Enter on the account page; meeting notes survive a page kill', async () => {
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
      // Focus on the page, not in a field: the shortcut is for the whole screen.
      await page.locator('body').click({ position: { x: 700, y: 600 } });

      const calls = page.getByRole('main').getByText(/Ligação/);
      const callsBefore = await calls.count();
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'Registrar atividade' });
      await dialog.waitFor();
      await dialog.getByText('Conta: Metalúrgica Ribeiro').waitFor();
      await page.keyboard.press('l');
      expect(await dialog.getByRole('radio', { name: /Ligação/ }).getAttribute('aria-checked')).toBe('true');
      await screenshot(page, 'activities-quick-log');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });

      // The call shows on the account page (its recent activities or timeline), not only in the toast.
      await expect.poll(() => calls.count()).toBeGreaterThan(callsBefore);
      await screenshot(page, 'activities-account-after-log');
      await page.getByRole('link', { name: 'Abrir atividade' }).click();
      await page.getByRole('heading', { name: 'Ligação', level: 2 }).waitFor();
      const activityUrl = page.url();

      // Meeting notes: type, then kill the page at once — no beforeunload, no time for the debounced write.
      const notes = page.getByLabel('Anotações');
      await expect.poll(() => notes.isEnabled()).toBe(true);
      await notes.click();
      await page.keyboard.type(NOTES);
      await page.close({ runBeforeUnload: false });
      expect(errors).toEqual([]);
      await profile.close(false);

      const again = await launchProfile(profile.dir);
      try {
        page = await again.context.newPage();
        const errors2 = collectPageErrors(page);
        await page.goto(activityUrl);
        await page.getByRole('heading', { name: 'Ligação', level: 2 }).waitFor();
        await expect.poll(() => page.getByLabel('Anotações').inputValue()).toBe(NOTES);
        // And the notes are in the database now, not only in the journal: a reload shows them, "Salvo".
        await page.reload();
        await expect.poll(() => page.getByLabel('Anotações').inputValue()).toBe(NOTES);
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carteira.notes-journal.')).length)).toBe(0);
        await page.getByLabel('Anotações').press('End');
        await page.keyboard.type(' Ok.');
        await page.getByRole('status').getByText('Salvo').waitFor();
        await screenshot(page, 'activities-activity-page');
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors2).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await profile.close().catch(() => {});
    }
  });

  it('a meeting logged with a reminder notifies at its time, and the notice opens the meeting', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${host.url}#/activities`);
      await page.getByRole('heading', { name: 'Atividades', level: 2 }).waitFor();
      await page.locator('body').click({ position: { x: 700, y: 600 } });
      await page.keyboard.press('l');
      const dialog = page.getByRole('dialog', { name: 'Registrar atividade' });
      await dialog.waitFor();
      await page.keyboard.press('r');
      await dialog.getByLabel('Resumo').fill('Reunião de fechamento com a Acme');
      // The reminder picker offers shortcuts before the meeting (now, unless another time is picked).
      await dialog.getByRole('button', { name: 'Lembrete' }).click();
      await page.getByRole('button', { name: 'Na hora' }).click();
      await screenshot(page, 'activities-meeting-reminder-picker');
      await dialog.getByRole('button', { name: /^Registrar/ }).click();
      await dialog.waitFor({ state: 'detached' });

      const notice = page.locator('.mantine-Notification-root', { has: page.getByText('Lembrete: Reunião de fechamento com a Acme') });
      await notice.waitFor({ timeout: 15_000 });
      await expect.poll(() => notice.getByText(/^Reunião: /).count()).toBe(1);
      await notice.getByRole('button', { name: 'Abrir atividade' }).click();
      await page.getByRole('heading', { name: 'Reunião de fechamento com a Acme', level: 2 }).waitFor();
      expect(await page.getByLabel('Lembrete').count()).toBeGreaterThan(0);
      await screenshot(page, 'activities-meeting-page');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('shows My day and the task list over the sample portfolio; a task is marked done inline', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      const errors = collectPageErrors(page);
      await loadSampleData(page, host.url);
      // Sample tasks arrive with reminders already past: no interruption now, one catch-up notice at the next start.
      await page.waitForTimeout(4_000);
      expect(await page.getByText(/lembretes atrasados/).count()).toBe(0);
      await page.reload();

      await page.getByRole('link', { name: 'Meu dia' }).click();
      await page.getByRole('heading', { name: 'Meu dia', level: 2 }).waitFor();
      const overdue = page.getByRole('list', { name: 'Tarefas atrasadas' });
      await overdue.getByRole('listitem').first().waitFor();
      const firstItem = overdue.getByRole('listitem').first();
      const href = await firstItem.getByRole('link').first().getAttribute('href');
      // The task of that link, not whatever is first by the time of the click (the list may still be settling).
      const task = overdue.getByRole('listitem').filter({ has: page.locator(`a[href="${href}"]`) });
      await task.getByRole('button', { name: /^Concluir tarefa: / }).click();
      // Right after loading 3 000 sample activities the live lists re-query in about a second: poll
      // longer than vitest's default second (this is no timing test; the bench measures My day).
      await expect.poll(() => overdue.locator(`a[href="${href}"]`).count(), { timeout: 10_000 }).toBe(0);
      // Overdue tasks with a reminder in the last week were missed: one notice says so (not one per task).
      const missed = page.getByText(/^\d+ lembretes atrasados$/);
      await missed.waitFor({ timeout: 15_000 });
      expect(await missed.count()).toBe(1);
      await page.locator('.mantine-Notification-root', { has: missed }).getByRole('button', { name: 'Fechar' }).click();
      await missed.waitFor({ state: 'detached' });
      await page.mouse.wheel(0, -5000);
      await screenshot(page, 'activities-my-day');
      expect(await seriousViolations(page)).toEqual([]);

      // A task's page: due date and reminder pickers, done and reopen.
      await page.getByRole('list', { name: 'Tarefas para hoje' }).getByRole('listitem').first().getByRole('link').first().click();
      await page.getByRole('button', { name: /^Concluir tarefa: / }).click();
      await page.getByRole('button', { name: /^Reabrir tarefa: / }).waitFor();
      await page.getByText('Concluída', { exact: true }).waitFor();
      await page.getByRole('button', { name: /^Reabrir tarefa: / }).click();
      await page.getByRole('button', { name: /^Concluir tarefa: / }).waitFor();
      await screenshot(page, 'activities-task-page');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Atividades' }).click();
      await page.getByRole('list', { name: 'Tarefas abertas' }).getByRole('listitem').first().waitFor();
      await screenshot(page, 'activities-list');
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await profile.close();
    }
  });
});
