import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { createDoc } from '@shared/domain/documents';
import { newActivityFields } from '@shared/domain/activity-fields';
import type { Activity } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { useReminderScheduler, type ReminderNotify } from './useReminderScheduler';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['activities'] });
  localStorage.clear();
});
afterEach(async () => {
  await db.close();
});

function Scheduler({ notify }: { notify: ReminderNotify }) {
  useReminderScheduler(notify, { startDelayMs: 0 });
  return null;
}

async function task(summary: string, reminderAt: number, state: Activity['taskState'] = 'open', now = Date.now()) {
  const doc = createDoc<Activity>({ ...newActivityFields({ type: 'task', summary, dueAt: now + 3_600_000, reminderAt }, now, 'ana'), taskState: state }, 'ana', now);
  await db.activities.insert(doc);
  return doc;
}

describe('reminder scheduler', () => {
  it('fires a missed reminder once at startup, and not again after a restart', async () => {
    await task('Ligar para a Marina', Date.now() - 60_000);
    await task('Já feita', Date.now() - 60_000, 'done');
    const notify = vi.fn();
    const first = renderWithApp(<Scheduler notify={notify} />, { db });
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { summary: 'Ligar para a Marina' } });
    first.unmount();

    const again = vi.fn();
    renderWithApp(<Scheduler notify={again} />, { db });
    await new Promise((r) => setTimeout(r, 300));
    expect(again).not.toHaveBeenCalled();
  });

  it('leaves old tasks imported with a past reminder to the next startup, but fires one typed now', async () => {
    const notify = vi.fn();
    const running = renderWithApp(<Scheduler notify={notify} />, { db });
    await new Promise((r) => setTimeout(r, 50));
    await task('Importada de ontem', Date.now() - 60_000, 'open', Date.now() - 86_400_000);
    await task('Criada agora, lembrete já passado', Date.now() - 1_000);
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1), { timeout: 6_000 });
    expect(notify.mock.calls[0]![0]).toMatchObject({ task: { summary: 'Criada agora, lembrete já passado' } });
    running.unmount();

    const restarted = vi.fn();
    renderWithApp(<Scheduler notify={restarted} />, { db });
    await waitFor(() => expect(restarted).toHaveBeenCalledTimes(1));
    expect(restarted.mock.calls[0]![0]).toMatchObject({ task: { summary: 'Importada de ontem' } });
  });

  it('fires a reminder set while the app runs when its time comes', async () => {
    const notify = vi.fn();
    renderWithApp(<Scheduler notify={notify} />, { db });
    await new Promise((r) => setTimeout(r, 50));
    await task('Enviar proposta', Date.now() + 2_200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(notify).not.toHaveBeenCalled();
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { summary: 'Enviar proposta' } });
  });
});
