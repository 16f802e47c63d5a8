import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RISK_SIGNALS } from '../models/accounts';
import { RISK_HALF_LIFE_DAYS, RISK_WEIGHTS, riskLevel, riskScore, signalWeight, withSignal, withoutSignal } from './risk';

const NOW = Date.UTC(2026, 10, 27);
const DAY = 86_400_000;
const signal = (kind: (typeof RISK_SIGNALS)[number], daysAgo = 0, id = `${kind}-${daysAgo}`) => ({
  id,
  kind,
  note: '',
  seenAt: NOW - daysAgo * DAY,
  recordedBy: 't',
});

describe('risk score', () => {
  it('is 0 without signals and the kind weight for one fresh signal', () => {
    expect(riskScore([], NOW)).toBe(0);
    expect(riskScore([signal('credit_restrictions')], NOW)).toBe(RISK_WEIGHTS.credit_restrictions);
    expect(riskScore([signal('other')], NOW)).toBe(RISK_WEIGHTS.other);
  });

  it('weighs serious signals more than mild ones', () => {
    expect(riskScore([signal('legal_disputes')], NOW)).toBeGreaterThan(riskScore([signal('frequent_management_changes')], NOW));
  });

  it('halves a signal every half-life and treats future dates as fresh', () => {
    expect(riskScore([signal('legal_disputes', RISK_HALF_LIFE_DAYS)], NOW)).toBe(15);
    expect(signalWeight(signal('legal_disputes', 2 * RISK_HALF_LIFE_DAYS), NOW)).toBeCloseTo(7.5, 6);
    expect(riskScore([signal('legal_disputes', -30)], NOW)).toBe(30);
  });

  it('combines signals like independent chances', () => {
    // 1 − (1 − 0.35)(1 − 0.30) = 0.545
    expect(riskScore([signal('credit_restrictions'), signal('legal_disputes')], NOW)).toBe(55);
  });

  it('stays within 0–100 and never drops when a signal is added', () => {
    const arb = fc.array(fc.record({ kind: fc.constantFrom(...RISK_SIGNALS), daysAgo: fc.integer({ min: -10, max: 5000 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.constantFrom(...RISK_SIGNALS), (list, extra) => {
        const signals = list.map((s, i) => signal(s.kind, s.daysAgo, String(i)));
        const score = riskScore(signals, NOW);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(riskScore([...signals, signal(extra)], NOW)).toBeGreaterThanOrEqual(score);
      }),
    );
  });

  it('names levels', () => {
    expect([0, 10, 30, 70].map(riskLevel)).toEqual(['none', 'low', 'medium', 'high']);
  });

  it('adds and removes signals, newest first, recomputing the score', () => {
    let risk = { signals: [], score: 0 } as { signals: ReturnType<typeof signal>[]; score: number };
    risk = withSignal(risk, signal('late_payments', 100, 'a'), NOW);
    risk = withSignal(risk, signal('bad_references', 0, 'b'), NOW);
    expect(risk.signals.map((s) => s.id)).toEqual(['b', 'a']);
    expect(risk.score).toBe(riskScore(risk.signals, NOW));
    expect(risk.score).toBeGreaterThan(RISK_WEIGHTS.bad_references);
    risk = withoutSignal(risk, 'b', NOW);
    expect(risk.signals.map((s) => s.id)).toEqual(['a']);
    expect(risk.score).toBe(riskScore(risk.signals, NOW));
  });
});
