import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../sales/pipeline';
import { competitorReport, periodError, presetPeriod, type ReportDeal } from './report';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

let n = 0;
const deal = (competitorId: string, stage: string, amount: number, fields: Partial<ReportDeal> = {}): ReportDeal => ({
  id: `d${++n}`,
  competitorId,
  stage,
  value: { amount, currency: 'BRL' },
  lostReason: '',
  closedAt: stage === 'won' || stage === 'lost' ? '2026-11-10' : '',
  ...fields,
});

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe('competitorReport', () => {
  it('counts deals faced, won, lost and open, the value lost in minor units and the win rate', () => {
    const rows = competitorReport(
      DEFAULT_PIPELINE,
      [
        deal('acme', 'won', 100_00),
        deal('acme', 'lost', 1_234_56, { lostReason: 'Preço' }),
        deal('acme', 'lost', 10_01, { lostReason: 'Prazo de entrega' }),
        deal('acme', 'negotiation', 5_00),
        deal('beta', 'won', 1),
        deal('', 'lost', 999),
      ],
      NOVEMBER,
      ['acme', 'beta', 'gama'],
    );
    expect(rows.map((r) => r.competitorId)).toEqual(['acme', 'beta', 'gama']);
    const [acme, beta, gama] = rows;
    expect(acme).toMatchObject({ faced: 4, won: 1, lost: 2, open: 1, valueLost: [{ currency: 'BRL', amount: 1_244_57 }] });
    expect(acme!.winRateBp).toBe(3333);
    expect(beta).toMatchObject({ faced: 1, won: 1, lost: 0, winRateBp: 10_000, valueLost: [] });
    expect(gama).toMatchObject({ faced: 0, winRateBp: null, topLostReasons: [] });
  });

  it('keeps currencies apart and reads legacy stage ids', () => {
    const [row] = competitorReport(
      DEFAULT_PIPELINE,
      [deal('acme', 'lost', 500), deal('acme', 'lost', 700, { value: { amount: 700, currency: 'EUR' } })],
      NOVEMBER,
    );
    expect(row!.valueLost).toEqual([
      { currency: 'EUR', amount: 700 },
      { currency: 'BRL', amount: 500 },
    ]);
    const [legacy] = competitorReport(DEFAULT_PIPELINE, [deal('acme', 'qualified', 1)], NOVEMBER);
    expect(legacy).toMatchObject({ open: 1, faced: 1 });
  });

  it('groups lost reasons ignoring case, accents and spaces, most frequent first, as most often written', () => {
    const [row] = competitorReport(
      DEFAULT_PIPELINE,
      [
        deal('acme', 'lost', 1, { lostReason: 'Preço menor' }),
        deal('acme', 'lost', 1, { lostReason: 'preco  menor ' }),
        deal('acme', 'lost', 1, { lostReason: 'Preço menor' }),
        deal('acme', 'lost', 1, { lostReason: 'Prazo' }),
        deal('acme', 'lost', 1, { lostReason: 'Atendimento' }),
        deal('acme', 'lost', 1, { lostReason: 'Atendimento' }),
        deal('acme', 'lost', 1, { lostReason: 'Frete' }),
        deal('acme', 'lost', 1, { lostReason: '' }),
      ],
      NOVEMBER,
    );
    expect(row!.topLostReasons).toEqual([
      { reason: 'Preço menor', count: 3 },
      { reason: 'Atendimento', count: 2 },
      { reason: 'Frete', count: 1 },
    ]);
  });

  it('shows a reason written two ways equally often as it was written last, whatever the order of the deals', () => {
    const deals = [
      deal('acme', 'lost', 1, { lostReason: 'preço alto', closedAt: '2026-11-02' }),
      deal('acme', 'lost', 1, { lostReason: 'Preço alto', closedAt: '2026-11-20' }),
    ];
    for (const order of [deals, [...deals].reverse()]) {
      expect(competitorReport(DEFAULT_PIPELINE, order, NOVEMBER)[0]!.topLostReasons).toEqual([{ reason: 'Preço alto', count: 2 }]);
    }
  });

  it('counts closed deals only when their close day is in the period, both ends included; open ones always', () => {
    const deals = [
      deal('acme', 'lost', 1, { closedAt: '2026-10-31' }),
      deal('acme', 'lost', 2, { closedAt: '2026-11-01' }),
      deal('acme', 'won', 3, { closedAt: '2026-11-30' }),
      deal('acme', 'won', 4, { closedAt: '2026-12-01' }),
      deal('acme', 'lost', 5, { closedAt: '' }),
      deal('acme', 'proposal_presented', 6),
    ];
    const [row] = competitorReport(DEFAULT_PIPELINE, deals, NOVEMBER);
    expect(row).toMatchObject({ won: 1, lost: 1, open: 1, valueLost: [{ currency: 'BRL', amount: 2 }] });
    const [all] = competitorReport(DEFAULT_PIPELINE, deals, { from: '', to: '' });
    expect(all).toMatchObject({ won: 2, lost: 3, open: 1 });
  });
});

describe('report periods', () => {
  it("take the user's local day: 22:00 on 30 November in São Paulo is still November", () => {
    process.env.TZ = 'America/Sao_Paulo';
    const tenPm = new Date('2026-12-01T01:00:00Z');
    expect(presetPeriod('this_month', tenPm)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last_month', tenPm)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('this_year', tenPm)).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    expect(presetPeriod('last_12_months', tenPm)).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(presetPeriod('last_month', new Date(2026, 0, 15, 12))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('all', tenPm)).toEqual({ from: '', to: '' });
  });

  it('refuse an end before the start', () => {
    expect(periodError({ from: '2026-11-10', to: '2026-11-09' })).toBe('end_before_start');
    expect(periodError({ from: '2026-11-10', to: '' })).toBeNull();
  });
});
