import { z } from 'zod';
import { ACCOUNT_SEGMENTS, type Account } from '../../models/accounts';
import { basisPoints } from '../../models/common';
import { DEFAULT_PIPELINE, pipelineConfigSchema } from './pipeline';

/**
 * The team's commercial policy: its pipeline stages, the discount ceilings a manager may give on a
 * line (by account, else by segment, else the team's default), and the proposals' default
 * validity. The catalogue admin publishes it alongside the catalogue (no collection of its own);
 * deals, proposals and orders read their ceiling through `discountCeilingFor`, the one rule.
 */
export const commercialPolicySchema = z.object({
  pipeline: pipelineConfigSchema,
  discountCeilings: z.object({
    defaultBp: basisPoints(),
    bySegment: z.partialRecord(z.enum(ACCOUNT_SEGMENTS), basisPoints()),
    /** Account id → ceiling: a special agreement with one client. */
    byAccount: z.record(z.string().max(40), basisPoints()),
  }),
  proposalValidityDays: z.number().int().min(0).max(365),
});
export type CommercialPolicy = z.infer<typeof commercialPolicySchema>;

/** Until the team publishes its own: the default stages, 10 % ceiling, proposals valid 15 days. */
export const DEFAULT_COMMERCIAL_POLICY: CommercialPolicy = {
  pipeline: DEFAULT_PIPELINE,
  discountCeilings: { defaultBp: 1_000, bySegment: {}, byAccount: {} },
  proposalValidityDays: 15,
};

/** The highest negotiated line discount for an account: its own agreement, else its segment's, else the default. */
export function discountCeilingFor(policy: Pick<CommercialPolicy, 'discountCeilings'>, account: Pick<Account, 'id' | 'segment'>): number {
  const c = policy.discountCeilings;
  return (Object.hasOwn(c.byAccount, account.id) ? c.byAccount[account.id] : undefined) ?? c.bySegment[account.segment] ?? c.defaultBp;
}
