import { z } from 'zod';
import { ACCOUNT_SEGMENTS, ACCOUNT_STATUSES } from './accounts';
import { baseFields, ref, text, timestamp } from './common';

export const CAMPAIGN_CHANNELS = ['email', 'whatsapp', 'sms', 'phone', 'letter', 'visit'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export const RECIPIENT_STATUSES = ['pending', 'sent', 'delivered', 'opened', 'replied', 'failed', 'opted_out'] as const;

/** Informing clients of new products and promotions on a channel, with per-recipient status. */
export const campaignSchema = z.object({
  ...baseFields,
  name: text(200).min(1),
  channel: z.enum(CAMPAIGN_CHANNELS),
  subject: text(300),
  message: text(20_000),
  audience: z.object({
    segments: z.array(z.enum(ACCOUNT_SEGMENTS)),
    statuses: z.array(z.enum(ACCOUNT_STATUSES)),
    tags: z.array(text(40)),
    states: z.array(text(40)),
  }),
  productIds: z.array(ref()),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: timestamp(),
  recipients: z.array(z.object({ accountId: ref(), contactId: ref(), status: z.enum(RECIPIENT_STATUSES) })),
  ownerId: text(80),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignIndexes = ['scheduledAt'];
