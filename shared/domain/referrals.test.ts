import { describe, expect, it } from 'vitest';
import { ID_MAX } from '../models';
import { activityAtInv } from './activity-fields';
import { countBySource, isReferralAsk, referralAskId, referralAskTask, referralOutcome, referralRecord, referralRecordId } from './referrals';

const DUE = Date.UTC(2026, 2, 12, 12);

describe('the "ask for a referral" task', () => {
  it('is an open task on the account, due when asked, with the clause terms in its body', () => {
    const { id, fields } = referralAskTask({
      accountId: 'a1',
      reason: 'contract',
      sourceId: 'k1',
      dueAt: DUE,
      terms: '5% por indicação fechada',
      now: DUE - 1,
    });
    expect(id).toBe('refask-k-k1');
    expect(fields).toMatchObject({ type: 'task', taskState: 'open', accountId: 'a1', dueAt: DUE, at: DUE, atInv: activityAtInv(DUE) });
    expect(fields.summary).toBe('Pedir indicação');
    expect(fields.body).toBe('5% por indicação fechada');
    expect(isReferralAsk({ id, type: fields.type })).toBe(true);
  });

  it('has the same id on every laptop for the same cause, another for another cause', () => {
    expect(referralAskId('case', 'c1')).toBe(referralAskId('case', 'c1'));
    expect(referralAskId('case', 'c1')).not.toBe(referralAskId('contract', 'c1'));
    expect(referralAskId('case', 'c1')).not.toBe(referralAskId('case', 'c2'));
  });

  it('keeps a long source id within the id limit, still telling sources apart and keeping the sample marker', () => {
    const long = 'x'.repeat(33) + '-sample';
    const other = 'y'.repeat(33) + '-sample';
    expect(referralAskId('case', long).length).toBeLessThanOrEqual(ID_MAX);
    expect(referralAskId('case', long)).not.toBe(referralAskId('case', other));
    expect(referralAskId('case', long).endsWith('-sample')).toBe(true);
  });
});

describe('the referral record', () => {
  it('is a note on the referring account, with the contact who referred, under an id of the referred account', () => {
    const r = referralRecord({ referred: { id: 'new1', name: 'Padaria Sol', referredBy: 'old1' }, contactId: 'ct1', ownerId: 'ana', now: DUE });
    expect(r?.id).toBe(referralRecordId('new1'));
    expect(r?.fields).toMatchObject({ type: 'note', accountId: 'old1', contactId: 'ct1', summary: 'Indicou Padaria Sol' });
    expect(referralRecord({ referred: { id: 'n', name: 'X', referredBy: '' }, contactId: '', ownerId: 'ana', now: DUE })).toBeNull();
  });

  it('reads its outcome from what the referred account became', () => {
    expect(referralOutcome('lead')).toBe('pending');
    expect(referralOutcome('prospect')).toBe('pending');
    expect(referralOutcome('client')).toBe('converted');
    expect(referralOutcome('key')).toBe('converted');
    expect(referralOutcome('lost')).toBe('not_converted');
  });
});

describe('lead sources', () => {
  it('counts accounts by source, every source present', () => {
    const counts = countBySource([{ source: 'referral' }, { source: 'referral' }, { source: 'fair' }]);
    expect(counts.referral).toBe(2);
    expect(counts.fair).toBe(1);
    expect(counts.website).toBe(0);
    expect(Object.keys(counts)).toHaveLength(8);
  });
});
