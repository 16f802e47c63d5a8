import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from './pipeline';
import { boardColumns, boardMove, EMPTY_BOARD_FILTER, filterBoardDeals, isOverdue, type BoardAccount, type BoardDeal } from './pipeline-board';

const deal = (id: string, over: Partial<BoardDeal> = {}): BoardDeal => ({
  id,
  title: `Negócio ${id}`,
  accountId: 'a1',
  stage: 'prospecting',
  value: { amount: 100_00, currency: 'BRL' },
  probability: 5,
  expectedClose: '2026-12-20',
  ownerId: 'ana',
  competitorId: '',
  lostReason: '',
  updatedAt: 1,
  ...over,
});

const accounts: Record<string, BoardAccount> = {
  a1: { name: 'Hospital São Lucas', segment: 'enterprise' },
  a2: { name: 'Padaria Pão Quente', segment: 'small_business' },
};
const accountOf = (id: string) => accounts[id];

describe('filterBoardDeals', () => {
  const deals = [
    deal('d1', { ownerId: 'ana', value: { amount: 500_00, currency: 'BRL' }, expectedClose: '2026-12-05' }),
    deal('d2', { ownerId: 'bruno', accountId: 'a2', competitorId: 'c1', expectedClose: '2027-01-10' }),
    deal('d3', { ownerId: 'ana', accountId: 'a2', expectedClose: '', title: 'Fornecimento de luvas' }),
  ];
  const ids = (f: Partial<typeof EMPTY_BOARD_FILTER>) => filterBoardDeals(deals, { ...EMPTY_BOARD_FILTER, ...f }, accountOf).map((d) => d.id);

  it('keeps everything with no filter', () => expect(ids({})).toEqual(['d1', 'd2', 'd3']));
  it('by owner', () => expect(ids({ ownerId: 'ana' })).toEqual(['d1', 'd3']));
  it("by the account's segment", () => expect(ids({ segment: 'small_business' })).toEqual(['d2', 'd3']));
  it('by competitor, or deals with none', () => {
    expect(ids({ competitorId: 'c1' })).toEqual(['d2']);
    expect(ids({ competitorId: '-' })).toEqual(['d1', 'd3']);
  });
  it('by expected close; a deal with no date is outside any range', () => {
    expect(ids({ closeFrom: '2026-12-01', closeTo: '2026-12-31' })).toEqual(['d1']);
    expect(ids({ closeFrom: '2027-01-01' })).toEqual(['d2']);
  });
  it('by value, bounds included', () => {
    expect(ids({ minValue: 500_00 })).toEqual(['d1']);
    expect(ids({ maxValue: 100_00 })).toEqual(['d2', 'd3']);
  });
  it("by words of the title or the account's name, accents and case ignored", () => {
    expect(ids({ text: 'sao lucas' })).toEqual(['d1']);
    expect(ids({ text: 'LUVAS pão' })).toEqual(['d3']);
  });
});

describe('boardColumns', () => {
  it('puts every deal in its stage, soonest close first, undated last, with the stage totals', () => {
    const { columns, orphans } = boardColumns(DEFAULT_PIPELINE, [
      deal('late', { expectedClose: '2027-02-01', probability: 50, value: { amount: 1_001, currency: 'BRL' } }),
      deal('undated', { expectedClose: '' }),
      deal('soon', { expectedClose: '2026-12-02', probability: 50, value: { amount: 1_000, currency: 'BRL' } }),
      deal('won', { stage: 'won', probability: 100 }),
      deal('odd', { stage: 'retired_stage' }),
    ]);
    expect(columns.map((c) => c.stage.id)).toEqual(DEFAULT_PIPELINE.stages.map((s) => s.id));
    const prospecting = columns[0]!;
    expect(prospecting.deals.map((d) => d.id)).toEqual(['soon', 'late', 'undated']);
    expect(prospecting.totals.count).toBe(3);
    // 1 000 × 50 % + 1 001 × 50 % + 10 000 × 5 % = 500 + 500.5 + 500 → 1 500.5 → 1 501 (rounded once per stage)
    expect(prospecting.totals.totals).toEqual([{ currency: 'BRL', value: 12_001, weighted: 1_501 }]);
    expect(columns.find((c) => c.stage.id === 'won')!.deals.map((d) => d.id)).toEqual(['won']);
    expect(orphans.map((d) => d.id)).toEqual(['odd']);
  });
});

describe('boardMove', () => {
  it('gives the stage its probability and no close day while open', () => {
    expect(boardMove(DEFAULT_PIPELINE, deal('d'), 'negotiation', '2026-12-03')).toEqual({
      ok: true,
      patch: { stage: 'negotiation', probability: 75, lostReason: '', closedAt: '' },
    });
  });
  it('stamps the close day on a won deal', () => {
    expect(boardMove(DEFAULT_PIPELINE, deal('d'), 'won', '2026-12-03')).toEqual({
      ok: true,
      patch: { stage: 'won', probability: 100, lostReason: '', closedAt: '2026-12-03' },
    });
  });
  it('refuses to mark a deal lost without a reason, and keeps the reason trimmed', () => {
    expect(boardMove(DEFAULT_PIPELINE, deal('d'), 'lost', '2026-12-03', '   ')).toEqual({ ok: false, error: 'lost_reason_required' });
    expect(boardMove(DEFAULT_PIPELINE, deal('d'), 'lost', '2026-12-03', ' Preço ')).toEqual({
      ok: true,
      patch: { stage: 'lost', probability: 0, lostReason: 'Preço', closedAt: '2026-12-03' },
    });
  });
  it('changes nothing when dropped where it already is, a legacy id included', () => {
    expect(boardMove(DEFAULT_PIPELINE, deal('d', { stage: 'lead' }), 'prospecting', '2026-12-03')).toEqual({ ok: true, patch: null });
  });
  it('reopens a lost deal: reason and close day cleared', () => {
    expect(boardMove(DEFAULT_PIPELINE, deal('d', { stage: 'lost', probability: 0 }), 'negotiation', '2026-12-03')).toEqual({
      ok: true,
      patch: { stage: 'negotiation', probability: 75, lostReason: '', closedAt: '' },
    });
  });
});

describe('isOverdue', () => {
  it('is an open deal whose expected close is before today', () => {
    expect(isOverdue(DEFAULT_PIPELINE, deal('d', { expectedClose: '2026-12-02' }), '2026-12-03')).toBe(true);
    expect(isOverdue(DEFAULT_PIPELINE, deal('d', { expectedClose: '2026-12-03' }), '2026-12-03')).toBe(false);
    expect(isOverdue(DEFAULT_PIPELINE, deal('d', { stage: 'won', expectedClose: '2026-11-01' }), '2026-12-03')).toBe(false);
    expect(isOverdue(DEFAULT_PIPELINE, deal('d', { expectedClose: '' }), '2026-12-03')).toBe(false);
  });
});
