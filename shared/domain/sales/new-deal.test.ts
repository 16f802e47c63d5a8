import { describe, expect, it } from 'vitest';
import { dealSchema } from '../../models';
import { createDoc } from '../documents';
import { DEFAULT_PIPELINE } from './pipeline';
import { newDealFields, newDealIssues, openStages } from './new-deal';

const today = '2026-12-03';
const input = { accountId: 'acc-1', title: '  Papel A4 para 2027 ', expectedClose: '2027-01-15', stage: '' };

describe('a new deal', () => {
  it('starts in the first open stage with its probability, trimmed title, no lines and zero in the account currency', () => {
    const fields = newDealFields(input, DEFAULT_PIPELINE, { currency: 'EUR', ownerId: 'ana' });
    expect(fields).toMatchObject({ stage: 'prospecting', probability: 5, title: 'Papel A4 para 2027', lines: [], value: { amount: 0, currency: 'EUR' } });
    expect(fields.ownerId).toBe('ana');
    // A document the schema accepts as it is.
    expect(dealSchema.safeParse(createDoc(fields, 'ana')).success).toBe(true);
  });

  it('starts in a chosen open stage with that stage probability', () => {
    expect(newDealFields({ ...input, stage: 'negotiation' }, DEFAULT_PIPELINE, { currency: 'BRL', ownerId: 'ana' })).toMatchObject({
      stage: 'negotiation',
      probability: 75,
    });
    expect(openStages(DEFAULT_PIPELINE).map((s) => s.id)).not.toContain('won');
  });

  it('names each problem under its field: account, title, a closed stage, a close before today', () => {
    expect(newDealIssues(input, DEFAULT_PIPELINE, today)).toEqual({});
    expect(newDealIssues({ accountId: '', title: '   ', expectedClose: '2026-12-02', stage: 'won' }, DEFAULT_PIPELINE, today)).toEqual({
      accountId: 'account_required',
      title: 'title_required',
      stage: 'stage_not_open',
      expectedClose: 'close_in_past',
    });
    expect(newDealIssues({ ...input, title: 'x'.repeat(201) }, DEFAULT_PIPELINE, today)).toEqual({ title: 'title_too_long' });
    // Today itself is a fine close day.
    expect(newDealIssues({ ...input, expectedClose: today }, DEFAULT_PIPELINE, today)).toEqual({});
  });
});
