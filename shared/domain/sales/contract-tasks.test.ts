import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDay } from '../local-day';
import { contractTermIssues, diffContractTerms, type ContractTerms } from './contracts';
import { contractTaskId, daysToExpiry, expiresWithin, planReferralTask, planReminderTasks, referralDelayDays } from './contract-tasks';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

const id = '0mf3k2a1bcdefghijklmno';

describe('contract tasks', () => {
  it('give each contract task an id of its own, the same on every laptop and within the id limit', () => {
    expect(contractTaskId(id, 'expiry')).toBe(`${id}~expiry`);
    expect(contractTaskId(id, 'referral')).not.toBe(contractTaskId(id, 'renewal'));
    expect(contractTaskId('x'.repeat(40), 'referral')).toHaveLength(40);
  });

  it('read the delay of a referral clause in days, weeks or months, in Portuguese or English', () => {
    expect(referralDelayDays('O cliente indicará 2 empresas após 90 dias')).toBe(90);
    expect(referralDelayDays('The client refers two companies after 45 days.')).toBe(45);
    expect(referralDelayDays('Indicação em 3 meses')).toBe(90);
    expect(referralDelayDays('within 2 weeks')).toBe(14);
    expect(referralDelayDays('O cliente indicará duas empresas do grupo')).toBeNull();
  });

  it('ask for the referral the clause says after signing, or 30 days after, at 09:00 local time', () => {
    process.env.TZ = 'America/Sao_Paulo';
    // Signed at 22:00 on 15 December in São Paulo (already the 16th in UTC): the local day counts.
    const signedDay = localIsoDay(new Date('2026-12-16T01:00:00Z'));
    expect(signedDay).toBe('2026-12-15');
    const withClause = planReferralTask({ id, clauses: [{ id: 'c1', kind: 'referral', text: 'o cliente indicará 2 empresas após 90 dias' }] }, signedDay);
    expect(withClause).toEqual({
      id: `${id}~referral`,
      dueDay: '2027-03-15',
      dueAt: new Date('2027-03-15T12:00:00Z').getTime(),
      clauseText: 'o cliente indicará 2 empresas após 90 dias',
    });
    const without = planReferralTask({ id, clauses: [{ id: 'c1', kind: 'sla', text: 'Entrega em 5 dias' }] }, signedDay);
    expect(without).toMatchObject({ dueDay: '2027-01-14', clauseText: '' });
  });

  it('plan the expiry and renewal reminders of a signed contract as tasks due on the reminder day, none for a draft or an ended one', () => {
    process.env.TZ = 'America/Sao_Paulo';
    const signed = { id, status: 'signed' as const, endDate: '2027-12-31', renewalDate: '2027-10-31' };
    const plan = planReminderTasks(signed, '2026-12-15');
    expect(plan.remove).toEqual([]);
    expect(plan.upsert.map((t) => [t.id, t.eventDay, new Date(t.dueAt).toISOString(), t.reminderAt === t.dueAt])).toEqual([
      [`${id}~renewal`, '2027-10-31', '2027-09-01T12:00:00.000Z', true],
      [`${id}~expiry`, '2027-12-31', '2027-12-01T12:00:00.000Z', true],
    ]);
    expect(planReminderTasks({ ...signed, status: 'terminated' }, '2026-12-15')).toEqual({ upsert: [], remove: ['expiry', 'renewal'] });
    expect(planReminderTasks({ ...signed, status: 'draft' }, '2026-12-15').upsert).toEqual([]);
    // Past the renewal day, only the expiry remains.
    const late = planReminderTasks(signed, '2027-11-15');
    expect(late.upsert.map((t) => t.kind)).toEqual(['expiry']);
    expect(late.remove).toEqual(['renewal']);
  });

  it('count the days to expiry and tell the contracts ending within 90 days', () => {
    expect(daysToExpiry({ endDate: '2027-03-15' }, '2026-12-15')).toBe(90);
    expect(daysToExpiry({ endDate: '' }, '2026-12-15')).toBeNull();
    expect(expiresWithin({ status: 'active', endDate: '2027-03-15' }, '2026-12-15', 90)).toBe(true);
    expect(expiresWithin({ status: 'active', endDate: '2027-03-16' }, '2026-12-15', 90)).toBe(false);
    expect(expiresWithin({ status: 'draft', endDate: '2027-01-15' }, '2026-12-15', 90)).toBe(false);
    expect(expiresWithin({ status: 'signed', endDate: '2026-12-14' }, '2026-12-15', 90)).toBe(false);
  });
});

describe('renewal day in the terms', () => {
  const terms: ContractTerms = {
    title: 'EPIs',
    value: { amount: 100, currency: 'BRL' },
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    termMonths: 12,
    clauses: [],
  };
  it('is a change when set, and none when an older version has no renewal field and the new one is empty', () => {
    expect(diffContractTerms(terms, { ...terms, renewalDate: '' })).toEqual([]);
    expect(diffContractTerms(terms, { ...terms, renewalDate: '2027-10-31' })).toEqual([
      { kind: 'field', field: 'renewalDate', before: '', after: '2027-10-31' },
    ]);
  });
  it('must fall on or before the end day', () => {
    expect(contractTermIssues({ ...terms, renewalDate: '2028-01-01' })).toEqual(['renewal_after_end']);
    expect(contractTermIssues({ ...terms, renewalDate: '2027-12-31' })).toEqual([]);
  });
});
