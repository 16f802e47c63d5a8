import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, DEFAULT_STAGE_IDS, moveDeal, nextStage, pipelineConfigSchema, previousStage, stageTotals, type PipelineConfig } from './pipeline';

const brl = (amount: number) => ({ amount, currency: 'BRL' as const });

describe('pipeline stages', () => {
  it('starts every team on the seven default stages, which are a valid pipeline', () => {
    expect(DEFAULT_PIPELINE.stages.map((s) => s.id)).toEqual([...DEFAULT_STAGE_IDS]);
    expect(pipelineConfigSchema.safeParse(DEFAULT_PIPELINE).success).toBe(true);
  });

  it('accepts a team’s own stages and refuses pipelines a board could not show', () => {
    const custom: PipelineConfig = {
      stages: [
        { id: 'visita', label: 'Visita técnica', kind: 'open', probability: 20 },
        { id: 'amostra', label: 'Amostra enviada', kind: 'open', probability: 60 },
        { id: 'ganho', label: 'Ganho', kind: 'won', probability: 100 },
        { id: 'perdido', label: 'Perdido', kind: 'lost', probability: 0 },
      ],
    };
    expect(pipelineConfigSchema.safeParse(custom).success).toBe(true);
    const messages = (config: PipelineConfig) => (pipelineConfigSchema.safeParse(config).error?.issues ?? []).map((i) => i.message);
    const [a, b, won, lost] = custom.stages as [
      PipelineConfig['stages'][number],
      PipelineConfig['stages'][number],
      PipelineConfig['stages'][number],
      PipelineConfig['stages'][number],
    ];
    expect(messages({ stages: [a, { ...b, id: 'visita' }, won, lost] })).toContain('duplicate_stage');
    expect(messages({ stages: [a, b, lost, { ...lost, id: 'x' }] })).toEqual(expect.arrayContaining(['one_won_stage', 'one_lost_stage']));
    expect(messages({ stages: [a, won, b, lost] })).toContain('closed_stages_last');
    expect(messages({ stages: [won, lost, { ...won, id: 'w2', kind: 'open' }] })).toContain('closed_stages_last');
    expect(messages({ stages: [a, { ...won, probability: 90 }, lost] })).toContain('won_is_100');
    expect(pipelineConfigSchema.safeParse({ stages: [{ ...a, id: 'Visita Técnica' }, won, lost] }).success).toBe(false);
  });

  it('moves to the next and previous stage along the open stages, into won, and reopens a lost deal at the last open stage', () => {
    const next = (id: string) => nextStage(DEFAULT_PIPELINE, id)?.id ?? null;
    const previous = (id: string) => previousStage(DEFAULT_PIPELINE, id)?.id ?? null;
    expect(next('prospecting')).toBe('first_contact');
    expect(next('negotiation')).toBe('won');
    expect(next('won')).toBeNull();
    expect(next('lost')).toBeNull();
    expect(previous('prospecting')).toBeNull();
    expect(previous('first_contact')).toBe('prospecting');
    expect(previous('won')).toBe('negotiation');
    expect(previous('lost')).toBe('negotiation');
    expect(next('no_such_stage')).toBeNull();
    // Deals stored with today's schema ids are placed on the default pipeline.
    expect(next('qualified')).toBe('proposal_presented');
    expect(previous('proposal')).toBe('needs_identified');
  });

  it('walks every open stage to won with "next" and back with "previous"', () => {
    const ids: string[] = ['prospecting'];
    for (let s = nextStage(DEFAULT_PIPELINE, 'prospecting'); s; s = nextStage(DEFAULT_PIPELINE, s.id)) ids.push(s.id);
    expect(ids).toEqual(DEFAULT_STAGE_IDS.filter((id) => id !== 'lost'));
    const back: string[] = ['won'];
    for (let s = previousStage(DEFAULT_PIPELINE, 'won'); s; s = previousStage(DEFAULT_PIPELINE, s.id)) back.push(s.id);
    expect(back).toEqual([...ids].reverse());
  });
});

describe('moveDeal', () => {
  it('will not mark a deal lost without a reason, and keeps the reason trimmed', () => {
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 50 }, 'lost')).toEqual({ ok: false, error: 'lost_reason_required' });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 50 }, 'lost', { lostReason: '   ' })).toEqual({ ok: false, error: 'lost_reason_required' });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 50 }, 'lost', { lostReason: 'x'.repeat(501) })).toEqual({ ok: false, error: 'lost_reason_too_long' });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 50 }, 'lost', { lostReason: '  Preço do concorrente 12% menor ' })).toEqual({
      ok: true,
      move: { stage: 'lost', probability: 0, lostReason: 'Preço do concorrente 12% menor' },
    });
  });

  it('gives the deal the stage’s probability unless asked to keep it; won is 100; reopening clears the lost reason', () => {
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 40 }, 'proposal_presented')).toEqual({
      ok: true,
      move: { stage: 'proposal_presented', probability: 50, lostReason: '' },
    });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 40 }, 'negotiation', { keepProbability: true })).toMatchObject({ move: { probability: 40 } });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 40 }, 'won', { keepProbability: true })).toMatchObject({ move: { probability: 100 } });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 0 }, 'negotiation')).toMatchObject({ move: { lostReason: '' } });
    expect(moveDeal(DEFAULT_PIPELINE, { probability: 0 }, 'nowhere')).toEqual({ ok: false, error: 'unknown_stage' });
  });
});

describe('stageTotals', () => {
  it('counts, sums and weights every stage in pipeline order, empty stages included, to the cent', () => {
    const totals = stageTotals(DEFAULT_PIPELINE, [
      { stage: 'negotiation', value: brl(123_456), probability: 75 },
      { stage: 'negotiation', value: brl(1), probability: 50 },
      { stage: 'negotiation', value: brl(1), probability: 50 },
      { stage: 'proposal', value: brl(10_000), probability: 33 }, // a legacy id → proposal_presented
      { stage: 'won', value: brl(99_999), probability: 100 },
      { stage: 'won', value: { amount: 5_000, currency: 'EUR' }, probability: 100 },
    ]);
    expect(totals.map((t) => t.stageId)).toEqual([...DEFAULT_STAGE_IDS]);
    const of = (id: string) => totals.find((t) => t.stageId === id)!;
    expect(of('prospecting')).toEqual({ stageId: 'prospecting', count: 0, totals: [] });
    // 123 456 × 0.75 = 92 592 and two half centavos = 1: weighted once per stage, not rounded per deal (which gives 92 594).
    expect(of('negotiation')).toEqual({ stageId: 'negotiation', count: 3, totals: [{ currency: 'BRL', value: 123_458, weighted: 92_593 }] });
    expect(of('proposal_presented').totals).toEqual([{ currency: 'BRL', value: 10_000, weighted: 3_300 }]);
    expect(of('won').totals).toEqual([
      { currency: 'BRL', value: 99_999, weighted: 99_999 },
      { currency: 'EUR', value: 5_000, weighted: 5_000 },
    ]);
  });

  it('puts deals of stages the pipeline lacks in a last bucket, so none vanishes from the totals', () => {
    const totals = stageTotals(DEFAULT_PIPELINE, [{ stage: 'retired_stage', value: brl(700), probability: 10 }]);
    expect(totals.at(-1)).toEqual({ stageId: '', count: 1, totals: [{ currency: 'BRL', value: 700, weighted: 70 }] });
  });

  it('loses no deal and no centavo: the stage counts and values add up to the input', () => {
    const stage = fc.constantFrom(...DEFAULT_STAGE_IDS, 'lead', 'gone');
    const deal = fc.record({ stage, value: fc.integer({ min: 0, max: 10_000_000_00 }).map(brl), probability: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 60 }), (deals) => {
        const totals = stageTotals(DEFAULT_PIPELINE, deals);
        expect(totals.reduce((n, t) => n + t.count, 0)).toBe(deals.length);
        const value = totals.flatMap((t) => t.totals).reduce((n, t) => n + t.value, 0);
        expect(value).toBe(deals.reduce((n, d) => n + d.value.amount, 0));
        for (const t of totals.flatMap((s) => s.totals)) expect(t.weighted).toBeLessThanOrEqual(t.value);
      }),
    );
  });
});
