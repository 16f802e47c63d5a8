import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACT_STATUSES, type Contract } from '../../models';
import { localIsoDay } from '../local-day';
import {
  CONTRACT_TRANSITIONS,
  canTransition,
  contractReminders,
  diffContractTerms,
  nextContractVersion,
  statusDue,
  transitionContract,
  type ContractTerms,
  type TransitionContract,
} from './contracts';
import { addDays, daysBetween } from './days';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

const contract = (over: Partial<TransitionContract> = {}): TransitionContract => ({
  status: 'draft',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  value: { amount: 1_200_000, currency: 'BRL' },
  signedAt: 0,
  ...over,
});
const ctx = { today: '2026-12-15', now: 1_800_000_000_000 };

describe('contract lifecycle', () => {
  it('allows only the transitions of the lifecycle; expired and terminated are final', () => {
    expect(canTransition('draft', 'negotiation')).toBe(true);
    expect(canTransition('negotiation', 'draft')).toBe(true);
    expect(canTransition('draft', 'signed')).toBe(true);
    expect(canTransition('signed', 'active')).toBe(true);
    expect(canTransition('active', 'expired')).toBe(true);
    expect(canTransition('active', 'terminated')).toBe(true);
    expect(canTransition('draft', 'active')).toBe(false);
    expect(canTransition('expired', 'active')).toBe(false);
    expect(CONTRACT_TRANSITIONS.terminated).toEqual([]);
    expect(transitionContract(contract({ status: 'expired' }), 'active', ctx)).toEqual({ ok: false, issues: ['transition_not_allowed'] });
    // Every status of the schema has its row, and every target is a status.
    expect(Object.keys(CONTRACT_TRANSITIONS).sort()).toEqual([...CONTRACT_STATUSES].sort());
    for (const targets of Object.values(CONTRACT_TRANSITIONS)) for (const t of targets) expect(CONTRACT_STATUSES).toContain(t);
  });

  it('signs only with both dates in order, stamping the signing time once', () => {
    expect(transitionContract(contract({ endDate: '' }), 'signed', ctx)).toEqual({ ok: false, issues: ['dates_required'] });
    expect(transitionContract(contract({ endDate: '2026-12-31' }), 'signed', ctx)).toEqual({ ok: false, issues: ['dates_out_of_order'] });
    expect(transitionContract(contract(), 'signed', ctx)).toEqual({ ok: true, changes: { status: 'signed', signedAt: ctx.now } });
    expect(transitionContract(contract({ status: 'negotiation', signedAt: 5 }), 'signed', ctx)).toEqual({
      ok: true,
      changes: { status: 'signed', signedAt: 5 },
    });
  });

  it('activates from the start day and expires only after the end day, by the local calendar', () => {
    const signed = contract({ status: 'signed', signedAt: 5 });
    expect(transitionContract(signed, 'active', ctx)).toEqual({ ok: false, issues: ['not_started_yet'] });
    expect(transitionContract(signed, 'active', { ...ctx, today: '2027-01-01' })).toMatchObject({ ok: true, changes: { status: 'active' } });
    const active = contract({ status: 'active', signedAt: 5 });
    expect(transitionContract(active, 'expired', { ...ctx, today: '2027-12-31' })).toEqual({ ok: false, issues: ['not_ended_yet'] });
    expect(transitionContract(active, 'expired', { ...ctx, today: '2028-01-01' })).toMatchObject({ ok: true });
  });

  it('terminates only with a reason', () => {
    const active = contract({ status: 'active', signedAt: 5 });
    expect(transitionContract(active, 'terminated', ctx)).toEqual({ ok: false, issues: ['termination_reason_required'] });
    expect(transitionContract(active, 'terminated', { ...ctx, reason: 'Cliente encerrou a filial' })).toMatchObject({
      ok: true,
      changes: { status: 'terminated' },
    });
  });

  it('says which status the calendar calls for', () => {
    expect(statusDue({ status: 'signed', startDate: '2027-01-01', endDate: '2027-12-31' }, '2026-12-31')).toBeNull();
    expect(statusDue({ status: 'signed', startDate: '2027-01-01', endDate: '2027-12-31' }, '2027-01-01')).toBe('active');
    expect(statusDue({ status: 'signed', startDate: '2027-01-01', endDate: '2027-12-31' }, '2028-02-01')).toBe('expired');
    expect(statusDue({ status: 'active', startDate: '2027-01-01', endDate: '2027-12-31' }, '2028-01-01')).toBe('expired');
    expect(statusDue({ status: 'draft', startDate: '2020-01-01', endDate: '2020-12-31' }, '2028-01-01')).toBeNull();
  });
});

describe('contract versions', () => {
  const v1: ContractTerms = {
    title: 'Fornecimento de EPIs 2027',
    value: { amount: 1_200_000, currency: 'BRL' },
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    termMonths: 12,
    clauses: [
      { id: 'c1', kind: 'discount', text: 'Desconto de 5% em pedidos acima de R$ 10.000,00.' },
      { id: 'c2', kind: 'sla', text: 'Entrega em até 5 dias úteis.' },
    ],
  };

  it('lists what changed between two versions: fields, then clauses added, changed and removed', () => {
    const v2: ContractTerms = {
      ...v1,
      value: { amount: 1_350_000, currency: 'BRL' },
      endDate: '2028-03-31',
      termMonths: 15,
      clauses: [
        { id: 'c1', kind: 'discount', text: 'Desconto de 7% em pedidos acima de R$ 10.000,00.' },
        { id: 'c3', kind: 'referral', text: 'O cliente indicará duas empresas do seu grupo.' },
      ],
    };
    expect(diffContractTerms(v1, v2)).toEqual([
      { kind: 'field', field: 'value', before: { amount: 1_200_000, currency: 'BRL' }, after: { amount: 1_350_000, currency: 'BRL' } },
      { kind: 'field', field: 'endDate', before: '2027-12-31', after: '2028-03-31' },
      { kind: 'field', field: 'termMonths', before: 12, after: 15 },
      { kind: 'clause_changed', clauseId: 'c1', clauseKind: 'discount', before: v1.clauses[0]!.text, after: v2.clauses[0]!.text },
      { kind: 'clause_added', clauseId: 'c3', clauseKind: 'referral', text: v2.clauses[1]!.text },
      { kind: 'clause_removed', clauseId: 'c2', clauseKind: 'sla', text: v1.clauses[1]!.text },
    ]);
    const next = nextContractVersion([{ version: 1, at: 1, by: 'ana', summary: '' }], v1, v2, 'ana', 99);
    expect(next?.entry).toEqual({
      version: 2,
      at: 99,
      by: 'ana',
      summary: 'value, endDate, termMonths, ~discount, +referral, −sla',
      terms: { ...v2, renewalDate: '' },
    });
  });

  it('records no version when nothing changed', () => {
    expect(diffContractTerms(v1, structuredClone(v1))).toEqual([]);
    expect(nextContractVersion([], v1, structuredClone(v1), 'ana', 1)).toBeNull();
  });
});

describe('contract reminders', () => {
  const active: Pick<Contract, 'status' | 'endDate'> = { status: 'active', endDate: '2027-03-31' };

  it('remind lead days before the end and the renewal day, at 09:00 local time', () => {
    process.env.TZ = 'America/Sao_Paulo';
    const reminders = contractReminders(active, { today: '2026-12-15', renewalDate: '2027-02-28' });
    expect(reminders.map((r) => [r.kind, r.eventDay, r.remindOn, r.daysLeft])).toEqual([
      ['renewal', '2027-02-28', '2026-12-30', 75],
      ['expiry', '2027-03-31', '2027-03-01', 106],
    ]);
    expect(new Date(reminders[0]!.reminderAt).toISOString()).toBe('2026-12-30T12:00:00.000Z'); // 09:00 in São Paulo (UTC−3)
  });

  it('move a reminder whose day passed to today, and drop it once its day is gone', () => {
    process.env.TZ = 'America/Sao_Paulo';
    // 22:00 on 20 March in São Paulo is already 21 March in UTC: the user's day decides.
    const today = localIsoDay(new Date('2027-03-21T01:00:00Z'));
    expect(today).toBe('2027-03-20');
    expect(contractReminders(active, { today, renewalLeadDays: 10 })).toEqual([
      { kind: 'expiry', eventDay: '2027-03-31', remindOn: '2027-03-20', reminderAt: new Date('2027-03-20T12:00:00Z').getTime(), daysLeft: 11 },
      { kind: 'renewal', eventDay: '2027-03-31', remindOn: '2027-03-21', reminderAt: new Date('2027-03-21T12:00:00Z').getTime(), daysLeft: 11 },
    ]);
    expect(contractReminders(active, { today: '2027-04-01' })).toEqual([]);
    expect(contractReminders({ status: 'draft', endDate: '2027-03-31' }, { today: '2026-12-15' })).toEqual([]);
    expect(contractReminders({ status: 'terminated', endDate: '2027-03-31' }, { today: '2026-12-15' })).toEqual([]);
  });
});

describe('calendar days', () => {
  it('add and count days across month ends, leap days and daylight-saving changes', () => {
    process.env.TZ = 'America/Sao_Paulo';
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-02-30', 1)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3_000, max: 3_000 }), (offset, n) => {
        const day = addDays('2000-01-01', offset)!;
        expect(daysBetween(day, addDays(day, n)!)).toBe(n);
      }),
    );
  });
});
