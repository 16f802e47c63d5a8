import { z } from 'zod';
import { baseFields, isoDate, note, ref, text } from './common';

export const EVENT_KINDS = ['trade_fair', 'exhibition', 'presentation', 'webinar', 'open_house'] as const;
export const INVITATION_STATUSES = ['planned', 'invited', 'accepted', 'declined', 'attended', 'no_show'] as const;

export const invitation = z.object({
  accountId: ref(),
  contactId: ref(),
  status: z.enum(INVITATION_STATUSES),
});

/** A trade fair, exhibition or presentation: invitations, attendance and the leads captured there. */
export const eventSchema = z.object({
  ...baseFields,
  name: text(200).min(1),
  kind: z.enum(EVENT_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  venue: text(200),
  city: text(100),
  state: text(40),
  invitations: z.array(invitation),
  leadAccountIds: z.array(ref()),
  ownerId: text(80),
  notes: z.array(note),
});
export type CrmEvent = z.infer<typeof eventSchema>;
export const eventIndexes = ['startDate'];
