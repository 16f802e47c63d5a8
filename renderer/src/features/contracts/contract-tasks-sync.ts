import type { Contract } from '@shared/models';
import { dueAtPatch, newActivityFields } from '@shared/domain/activity-fields';
import { contractTaskId, planReferralTask, planReminderTasks, type ReminderTaskPlan } from '@shared/domain/sales/contract-tasks';
import type { Repository } from '../../db/repository';

/** The words of a contract's tasks, in the user's language (the task keeps them as written). */
export interface ContractTaskTexts {
  reminder(contract: Contract, plan: ReminderTaskPlan): { summary: string; body: string };
  referral(contract: Contract, clauseText: string): { summary: string; body: string };
}

/**
 * Brings the expiry and renewal reminder tasks of `contract` in line with its status and dates on
 * the local day `today`: creates the missing ones (ids from the contract's id, so a second laptop
 * writes the same task), moves them when a date changed (reopening one done for the old date) and
 * removes open ones the contract no longer calls for (a draft again, terminated, a day gone).
 */
export async function syncContractReminderTasks(
  activities: Repository<'activities'>,
  contract: Contract,
  today: string,
  texts: ContractTaskTexts,
  owner: string,
  now: number = Date.now(),
): Promise<void> {
  const plan = planReminderTasks(contract, today);
  for (const task of plan.upsert) {
    const { summary, body } = texts.reminder(contract, task);
    const existing = await activities.get(task.id);
    if (!existing) {
      const fields = newActivityFields(
        { type: 'task', summary, body, accountId: contract.accountId, dealId: contract.dealId, dueAt: task.dueAt, reminderAt: task.reminderAt },
        now,
        contract.ownerId || owner,
      );
      await createOnce(activities, fields, task.id);
    } else if (existing.taskState !== 'done' || existing.dueAt !== task.dueAt || existing.accountId !== contract.accountId) {
      await activities.update(task.id, {
        ...dueAtPatch(task.dueAt),
        reminderAt: task.reminderAt,
        summary: summary.slice(0, 300),
        accountId: contract.accountId,
        // Done for this date stays done; a moved date asks again.
        taskState: existing.taskState === 'done' && existing.dueAt === task.dueAt ? 'done' : 'open',
      });
    }
  }
  for (const kind of plan.remove) {
    const id = contractTaskId(contract.id, kind);
    const existing = await activities.get(id);
    if (existing && existing.taskState === 'open') await activities.remove(id);
  }
}

/**
 * The "ask for a referral" task of a contract signed on `signedDay`: created once (a second
 * signing laptop finds it by its id), due per the referral clause, carrying the clause's terms.
 */
export async function ensureReferralTask(
  activities: Repository<'activities'>,
  contract: Contract,
  signedDay: string,
  texts: ContractTaskTexts,
  owner: string,
  now: number = Date.now(),
): Promise<void> {
  const plan = planReferralTask(contract, signedDay);
  if (!plan || (await activities.get(plan.id))) return;
  const { summary, body } = texts.referral(contract, plan.clauseText);
  const fields = newActivityFields(
    { type: 'task', summary, body, accountId: contract.accountId, dealId: contract.dealId, dueAt: plan.dueAt, reminderAt: plan.dueAt },
    now,
    contract.ownerId || owner,
  );
  await createOnce(activities, fields, plan.id);
}

/**
 * Creates the task `id` unless it exists: two writers at once (the page and a status change, two
 * windows) both find it missing; the second insert is refused and the task already there is kept.
 */
async function createOnce(activities: Repository<'activities'>, fields: Parameters<Repository<'activities'>['create']>[0], id: string): Promise<void> {
  try {
    await activities.create(fields, { id });
  } catch (e) {
    if (!(await activities.get(id))) throw e;
  }
}
