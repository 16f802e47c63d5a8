import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import type { Activity, Contract } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { localIsoDay } from '@shared/domain/local-day';
import { addDays } from '@shared/domain/sales/days';
import { contractTaskId } from '@shared/domain/sales/contract-tasks';
import { newContractFields } from '@shared/domain/sales/contract-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { createRepository } from '../../db/repository';
import type { CarteiraDatabase } from '../../db/types';
import { useReminderScheduler, type ReminderNotify } from '../activities/useReminderScheduler';
import { ensureReferralTask, syncContractReminderTasks, type ContractTaskTexts } from './contract-tasks-sync';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['activities'] });
  localStorage.clear();
});
afterEach(async () => {
  await db.close();
});

const DAY = 86_400_000;
const today = localIsoDay();
const texts: ContractTaskTexts = {
  reminder: (c, plan) => ({ summary: `${plan.kind} ${c.number} ${plan.eventDay}`, body: '' }),
  referral: (c, clause) => ({ summary: `referral ${c.number}`, body: clause }),
};

function contract(fields: Partial<Contract>): Contract {
  const base = newContractFields({
    id: 'c0000000000000000abcde',
    today,
    at: 1,
    by: 'ana',
    accountId: 'acc1',
    title: 'EPIs',
    value: { amount: 100, currency: 'BRL' },
    clauses: [{ id: 'k1', kind: 'referral', text: 'indicará 2 empresas após 90 dias' }],
    ownerId: 'ana',
  });
  return createDoc<Contract>({ ...base, ...fields }, 'ana', 1, 'c0000000000000000abcde');
}

function Scheduler({ notify, clock }: { notify: ReminderNotify; clock: () => number }) {
  useReminderScheduler(notify, { startDelayMs: 0, clock });
  return null;
}

describe('contract tasks in the activities', () => {
  it('ring through the reminder scheduler on their day', async () => {
    const active = contract({ status: 'active', startDate: addDays(today, -300)!, endDate: addDays(today, 20)! });
    // Written the day before the reminders' time; the app starts a minute after it.
    const expiryAt = new Date(`${today}T09:00:00`).getTime();
    const repo = createRepository(
      db,
      'activities',
      () => 'ana',
      () => expiryAt - DAY,
    );
    await syncContractReminderTasks(repo, active, today, texts, 'ana');
    const notify = vi.fn<ReminderNotify>();
    renderWithApp(<Scheduler notify={notify} clock={() => expiryAt + 60_000} />, { db });
    const rung = () => notify.mock.calls.flatMap(([notice]) => (notice.kind === 'one' ? [notice.task.summary] : notice.titles));
    await waitFor(() => expect(rung()).toHaveLength(2));
    expect(rung().sort()).toEqual([`expiry ${active.number} ${active.endDate}`, `renewal ${active.number} ${active.endDate}`]);
  });

  it('are written once, moved with the dates, and two writers at once (two windows, the same id on two laptops) make no duplicate', async () => {
    const laptopA = createRepository(db, 'activities', () => 'ana');
    const laptopB = createRepository(db, 'activities', () => 'bia');
    const signed = contract({ status: 'signed', startDate: addDays(today, 1)!, endDate: addDays(today, 200)!, signedAt: Date.now() });
    await Promise.all([
      syncContractReminderTasks(laptopA, signed, today, texts, 'ana'),
      syncContractReminderTasks(laptopB, signed, today, texts, 'bia'),
      ensureReferralTask(laptopA, signed, today, texts, 'ana'),
      ensureReferralTask(laptopB, signed, today, texts, 'bia'),
    ]);
    expect(await db.activities.count().exec()).toBe(3);
    const referral = (await db.activities.findOne(contractTaskId(signed.id, 'referral')).exec())!.toJSON() as Activity;
    expect(referral.body).toBe('indicará 2 empresas após 90 dias');

    // Done, then the end moves: the expiry asks again for the new day.
    const expiryId = contractTaskId(signed.id, 'expiry');
    await laptopA.update(expiryId, { taskState: 'done' });
    await syncContractReminderTasks(laptopA, signed, today, texts, 'ana');
    expect((await laptopA.get(expiryId))!.taskState).toBe('done');
    const later = { ...signed, endDate: addDays(today, 260)! };
    await syncContractReminderTasks(laptopA, later, today, texts, 'ana');
    const moved = (await laptopA.get(expiryId))!;
    expect(moved).toMatchObject({ taskState: 'open', summary: `expiry ${signed.number} ${later.endDate}` });
    expect(await db.activities.count().exec()).toBe(3);
  });
});
