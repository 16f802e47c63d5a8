import { describe, expect, it } from 'vitest';
import type { Case } from '../models';
import { createDoc } from './documents';
import { DAY, HOUR } from './activity-fields';
import {
  appendAction,
  becameResolvedWell,
  byUrgency,
  caseDuration,
  caseTransition,
  durationParts,
  isOverdueCase,
  newCaseErrors,
  rateCase,
  resolvedWell,
} from './cases';

const T0 = Date.UTC(2026, 2, 9, 12);

function aCase(fields: Partial<Case> = {}): Case {
  return createDoc<Case>(
    {
      accountId: 'a1',
      contactId: '',
      orderId: '',
      productId: '',
      kind: 'complaint',
      subject: 'Entrega com avaria',
      description: '',
      severity: 'high',
      status: 'open',
      resolution: '',
      satisfaction: 0,
      openedAt: T0,
      resolvedAt: 0,
      ownerId: 'ana',
      notes: [],
      ...fields,
    },
    'seed',
    T0,
    fields.id ?? `c-${Math.random()}`,
  );
}

describe('case status transitions', () => {
  it('refuses to resolve without a resolution, even one of blanks', () => {
    expect(caseTransition(aCase(), 'resolved', {}, T0 + HOUR)).toEqual({ ok: false, error: 'resolution_required' });
    expect(caseTransition(aCase(), 'resolved', { resolution: '   ' }, T0 + HOUR)).toEqual({ ok: false, error: 'resolution_required' });
    expect(caseTransition(aCase(), 'closed', {}, T0 + HOUR)).toEqual({ ok: false, error: 'resolution_required' });
  });

  it('resolves with the typed resolution and rating, stamping when', () => {
    const r = caseTransition(aCase(), 'resolved', { resolution: ' Troca feita ', satisfaction: 5 }, T0 + 5 * HOUR);
    expect(r).toEqual({ ok: true, patch: { status: 'resolved', resolution: 'Troca feita', satisfaction: 5, resolvedAt: T0 + 5 * HOUR } });
  });

  it('closes a resolved case keeping when it was resolved', () => {
    const c = aCase({ status: 'resolved', resolution: 'Troca feita', resolvedAt: T0 + HOUR, satisfaction: 4 });
    expect(caseTransition(c, 'closed', {}, T0 + 3 * DAY)).toEqual({ ok: true, patch: { status: 'closed' } });
  });

  it('reopens: forgets when it was resolved and the rating, keeps the resolution text', () => {
    const c = aCase({ status: 'closed', resolution: 'Troca feita', resolvedAt: T0 + HOUR, satisfaction: 2 });
    expect(caseTransition(c, 'open', {}, T0 + 3 * DAY)).toEqual({ ok: true, patch: { status: 'open', resolvedAt: 0, satisfaction: 0 } });
  });

  it('moves freely between open statuses, and says nothing changed when nothing did', () => {
    expect(caseTransition(aCase(), 'waiting_client', {}, T0)).toEqual({ ok: true, patch: { status: 'waiting_client' } });
    expect(caseTransition(aCase(), 'open', {}, T0)).toEqual({ ok: true, patch: null });
  });

  it('accepts a rating only once resolved, from 1 to 5', () => {
    expect(rateCase(aCase(), 4)).toEqual({ ok: false, error: 'satisfaction_needs_resolution' });
    expect(rateCase(aCase({ status: 'resolved', resolution: 'ok' }), 6)).toEqual({ ok: false, error: 'satisfaction_invalid' });
    expect(rateCase(aCase({ status: 'resolved', resolution: 'ok' }), 4)).toEqual({ ok: true, patch: { satisfaction: 4 } });
    expect(caseTransition(aCase(), 'in_progress', { satisfaction: 3 }, T0)).toEqual({ ok: false, error: 'satisfaction_needs_resolution' });
  });
});

describe('resolved well', () => {
  it('is a resolved or closed case rated 4 or 5', () => {
    expect(resolvedWell(aCase({ status: 'resolved', satisfaction: 4 }))).toBe(true);
    expect(resolvedWell(aCase({ status: 'closed', satisfaction: 5 }))).toBe(true);
    expect(resolvedWell(aCase({ status: 'resolved', satisfaction: 3 }))).toBe(false);
    expect(resolvedWell(aCase({ status: 'open', satisfaction: 5 }))).toBe(false);
  });

  it('becomes so only on the change that makes it so (not again on close)', () => {
    const open = aCase();
    const resolved = { ...open, status: 'resolved' as const, satisfaction: 5 };
    expect(becameResolvedWell(open, resolved)).toBe(true);
    expect(becameResolvedWell(resolved, { ...resolved, status: 'closed' })).toBe(false);
  });
});

describe('time to resolve', () => {
  it('runs from opening to resolution, or to now while open', () => {
    expect(caseDuration(aCase({ status: 'resolved', resolvedAt: T0 + 30 * HOUR }), T0 + 90 * DAY)).toEqual({ ms: 30 * HOUR, running: false });
    expect(caseDuration(aCase(), T0 + 2 * HOUR)).toEqual({ ms: 2 * HOUR, running: true });
  });

  it('is told in hours under a day, in whole days after', () => {
    expect(durationParts(0)).toEqual({ unit: 'hours', count: 0 });
    expect(durationParts(23 * HOUR + 59 * 60_000)).toEqual({ unit: 'hours', count: 23 });
    expect(durationParts(DAY)).toEqual({ unit: 'days', count: 1 });
    expect(durationParts(3 * DAY + 20 * HOUR)).toEqual({ unit: 'days', count: 3 });
  });
});

describe('overdue and urgency', () => {
  it('a critical case is overdue after a day, a high one after three, a low one after fourteen', () => {
    expect(isOverdueCase(aCase({ severity: 'critical' }), T0 + DAY + 1)).toBe(true);
    expect(isOverdueCase(aCase({ severity: 'critical' }), T0 + DAY - 1)).toBe(false);
    expect(isOverdueCase(aCase({ severity: 'high' }), T0 + 2 * DAY)).toBe(false);
    expect(isOverdueCase(aCase({ severity: 'high' }), T0 + 3 * DAY + 1)).toBe(true);
    expect(isOverdueCase(aCase({ severity: 'low' }), T0 + 10 * DAY)).toBe(false);
    expect(isOverdueCase(aCase({ severity: 'critical', status: 'resolved' }), T0 + 10 * DAY)).toBe(false);
  });

  it('lists the most severe first, then the oldest', () => {
    const list = [
      aCase({ id: 'low-old', severity: 'low', openedAt: T0 - 9 * DAY }),
      aCase({ id: 'crit-new', severity: 'critical', openedAt: T0 }),
      aCase({ id: 'high-new', severity: 'high', openedAt: T0 }),
      aCase({ id: 'high-old', severity: 'high', openedAt: T0 - DAY }),
    ];
    expect([...list].sort(byUrgency).map((c) => c.id)).toEqual(['crit-new', 'high-old', 'high-new', 'low-old']);
  });
});

describe('what was done', () => {
  it('appends a trimmed entry, refuses an empty one', () => {
    const entry = { id: 'x1', at: T0, by: 'ana', text: '  Liguei para o cliente ' };
    expect(appendAction(undefined, entry)).toEqual({ ok: true, actions: [{ ...entry, text: 'Liguei para o cliente' }] });
    expect(appendAction([], { ...entry, text: ' ' })).toEqual({ ok: false, error: 'action_required' });
  });
});

describe('a new case', () => {
  it('needs an account and a subject', () => {
    expect(newCaseErrors({ accountId: '', subject: ' ' })).toEqual({ accountId: 'account_required', subject: 'subject_required' });
    expect(newCaseErrors({ accountId: 'a1', subject: 'x'.repeat(201) })).toEqual({ subject: 'subject_too_long' });
    expect(newCaseErrors({ accountId: 'a1', subject: 'Atraso' })).toEqual({});
  });
});
