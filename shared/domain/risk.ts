import type { Account } from '../models';
import { RISK_SIGNALS } from '../models/accounts';

export type RiskSignalKind = (typeof RISK_SIGNALS)[number];
export type RiskSignal = Account['risk']['signals'][number];

/**
 * How much one fresh signal of each kind says about a prospect's reliability (0–100). Credit
 * restrictions and lawsuits weigh most; a vague "other" least.
 */
export const RISK_WEIGHTS: Record<RiskSignalKind, number> = {
  credit_restrictions: 35,
  legal_disputes: 30,
  late_payments: 25,
  unclear_ownership: 20,
  bad_references: 20,
  negative_press: 15,
  frequent_management_changes: 10,
  other: 10,
};

/** A signal's weight halves every this many days: an old late payment says less than last month's. */
export const RISK_HALF_LIFE_DAYS = 180;
const DAY_MS = 86_400_000;

/** What a signal still weighs at `now` (a signal dated in the future counts as fresh). */
export function signalWeight(signal: Pick<RiskSignal, 'kind' | 'seenAt'>, now: number): number {
  const ageDays = Math.max(0, now - signal.seenAt) / DAY_MS;
  return RISK_WEIGHTS[signal.kind] * 0.5 ** (ageDays / RISK_HALF_LIFE_DAYS);
}

/**
 * The account's risk score, 0 (no warning signs) to 100. Signals combine like independent
 * chances, 1 − Π(1 − wᵢ/100): each one adds to the score, none alone reaches 100, and the score
 * never leaves 0–100 however many are recorded.
 */
export function riskScore(signals: readonly Pick<RiskSignal, 'kind' | 'seenAt'>[], now: number): number {
  let clear = 1;
  for (const s of signals) clear *= 1 - signalWeight(s, now) / 100;
  return Math.round((1 - clear) * 100);
}

export type RiskLevel = 'none' | 'low' | 'medium' | 'high';

/** A word for the score, for badges: high from 50, medium from 25. */
export function riskLevel(score: number): RiskLevel {
  if (score <= 0) return 'none';
  if (score < 25) return 'low';
  if (score < 50) return 'medium';
  return 'high';
}

/** The risk block after adding a signal, newest first, with the score recomputed. */
export function withSignal(risk: Account['risk'], signal: RiskSignal, now: number): Account['risk'] {
  const signals = [...risk.signals.filter((s) => s.id !== signal.id), signal].sort((a, b) => b.seenAt - a.seenAt);
  return { signals, score: riskScore(signals, now) };
}

/** The risk block after removing a signal, with the score recomputed. */
export function withoutSignal(risk: Account['risk'], signalId: string, now: number): Account['risk'] {
  const signals = risk.signals.filter((s) => s.id !== signalId);
  return { signals, score: riskScore(signals, now) };
}
