import { describe, expect, it } from 'vitest';
import { commercialPolicySchema, DEFAULT_COMMERCIAL_POLICY, discountCeilingFor, type CommercialPolicy } from './commercial-policy';

describe('commercial policy', () => {
  const policy: CommercialPolicy = {
    ...DEFAULT_COMMERCIAL_POLICY,
    discountCeilings: { defaultBp: 800, bySegment: { distributor: 1_500, public_sector: 0 }, byAccount: { 'acc-vip': 2_000, 'acc-strict': 0 } },
  };

  it('gives the account’s own ceiling first, then its segment’s, then the team’s default — a zero ceiling included', () => {
    expect(discountCeilingFor(policy, { id: 'acc-vip', segment: 'distributor' })).toBe(2_000);
    expect(discountCeilingFor(policy, { id: 'acc-strict', segment: 'distributor' })).toBe(0);
    expect(discountCeilingFor(policy, { id: 'acc-1', segment: 'distributor' })).toBe(1_500);
    expect(discountCeilingFor(policy, { id: 'acc-2', segment: 'public_sector' })).toBe(0);
    expect(discountCeilingFor(policy, { id: 'acc-3', segment: 'retail' })).toBe(800);
    expect(discountCeilingFor(policy, { id: 'toString', segment: 'retail' })).toBe(800);
  });

  it('validates what the catalogue admin publishes', () => {
    expect(commercialPolicySchema.safeParse(policy).success).toBe(true);
    expect(commercialPolicySchema.safeParse({ ...policy, discountCeilings: { ...policy.discountCeilings, defaultBp: 12_000 } }).success).toBe(false);
    expect(commercialPolicySchema.safeParse({ ...policy, discountCeilings: { ...policy.discountCeilings, bySegment: { wholesale: 100 } } }).success).toBe(
      false,
    );
    expect(commercialPolicySchema.safeParse({ ...policy, pipeline: { stages: policy.pipeline.stages.filter((s) => s.kind !== 'won') } }).success).toBe(false);
  });
});
