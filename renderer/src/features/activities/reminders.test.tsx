import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
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

function Scheduler({ notify, clock }: { notify: ReminderNotify; clock?: () => number }) {
  useReminderScheduler(notify, { startDelayMs: 0, clock });
  return null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function meeting(
  summary: string,
  at: number,
  reminderAt: number,
  { type = 'meeting', now = Date.now() }: { type?: Activity['type']; now?: number } = {},
) {
  const doc = createDoc<Activity>(newActivityFields({ type, summary, at, reminderAt }, now, 'bruno'), 'bruno', now);
  await db.activities.insert(doc);
  return doc;
}

async function task(summary: string, reminderAt: number, state: Activity['taskState'] = 'open', now = Date.now()) {
  const doc = createDoc<Activity>(
    { ...newActivityFields({ type: 'task', summary, dueAt: now + 3_600_000, reminderAt }, now, 'ana'), taskState: state },
    'ana',
    now,
  );
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

  it("fires a meeting's reminder at its set time, with the meeting's id to open it", async () => {
    const notify = vi.fn();
    renderWithApp(<Scheduler notify={notify} />, { db });
    await new Promise((r) => setTimeout(r, 50));
    const m = await meeting('Reunião com a diretoria da Acme', Date.now() + HOUR, Date.now() + 2_200);
    await meeting('Visita já feita', Date.now() + HOUR, Date.now() + 1_000, { type: 'visit' }).then(async (v) =>
      (await db.activities.findOne(v.id).exec())!.incrementalPatch({ taskState: 'done' }),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(notify).not.toHaveBeenCalled();
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { id: m.id, type: 'meeting', summary: 'Reunião com a diretoria da Acme' } });
  });

  it('at startup fires a missed reminder of a meeting still to come, not of one long over', async () => {
    await meeting('Ligação marcada', Date.now() + 20 * MINUTE, Date.now() - 10 * MINUTE, { type: 'call', now: Date.now() - DAY });
    await meeting('Reunião de ontem', Date.now() - DAY, Date.now() - DAY - 30 * MINUTE, { now: Date.now() - 2 * DAY });
    const notify = vi.fn();
    renderWithApp(<Scheduler notify={notify} />, { db });
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { summary: 'Ligação marcada' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('reads only the days around now, and reads again later: a meeting three days ahead is found when its reminder nears', async () => {
    let offset = 0;
    const clock = () => Date.now() + offset;
    const m = await meeting('Apresentação na feira', Date.now() + 3 * DAY, Date.now() + 3 * DAY - 30 * MINUTE, { type: 'presentation', now: Date.now() - DAY });
    const notify = vi.fn();
    const find = vi.spyOn(db.activities, 'find');
    renderWithApp(<Scheduler notify={notify} clock={clock} />, { db });
    await waitFor(() => expect(find).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 200));
    expect(notify).not.toHaveBeenCalled();
    // Every read is bounded by time (no scan of every open task or future meeting).
    const selectors = find.mock.calls.map(([q]) => (q as { selector: Record<string, { $gte?: number; $lte?: number }> }).selector);
    expect(selectors.length).toBeGreaterThan(0);
    for (const sel of selectors) expect((sel.dueAt ?? sel.at)?.$lte).toBeLessThanOrEqual(Date.now() + 2 * DAY + MINUTE);

    // Three days later (a laptop woken from sleep): the next look reads the windows again.
    offset = 3 * DAY - 29 * MINUTE;
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { id: m.id } });
    find.mockRestore();
  });

  it('keeps a reminder set a week before its meeting across restarts, and fires it then', async () => {
    let offset = 0;
    const clock = () => Date.now() + offset;
    const first = vi.fn();
    const running = renderWithApp(<Scheduler notify={first} clock={clock} />, { db });
    await new Promise((r) => setTimeout(r, 50));
    const m = await meeting('Negociação anual', Date.now() + 8 * DAY, Date.now() + DAY);
    await new Promise((r) => setTimeout(r, 3_500)); // the change settles; its id is kept
    running.unmount();
    expect(first).not.toHaveBeenCalled();

    offset = DAY + MINUTE; // the app starts again the next day: the meeting is a week away, outside every read window
    const next = vi.fn();
    renderWithApp(<Scheduler notify={next} clock={clock} />, { db });
    await waitFor(() => expect(next).toHaveBeenCalledTimes(1));
    expect(next.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { id: m.id, summary: 'Negociação anual' } });
  });

  it('reminds me of my own activities only, once I own any (the team’s meetings stay quiet)', async () => {
    const now = Date.now();
    // 'tester' is the signed-in author in renderWithApp.
    const mine = createDoc<Activity>(
      newActivityFields({ type: 'meeting', summary: 'Minha reunião', at: now + HOUR, reminderAt: now - 30_000 }, now, 'tester'),
      'tester',
      now,
    );
    await db.activities.insert(mine);
    await meeting('Reunião do Bruno', now + HOUR, now - 30_000);
    const notify = vi.fn();
    renderWithApp(<Scheduler notify={notify} />, { db });
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]![0]).toMatchObject({ kind: 'one', task: { summary: 'Minha reunião' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
