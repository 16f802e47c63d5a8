import { z } from 'zod';
import { baseFields, id, isoDate, money, note, ref, text, timestamp } from './common';

export const EVENT_KINDS = ['trade_fair', 'exhibition', 'presentation', 'webinar', 'open_house'] as const;
export const INVITATION_STATUSES = ['planned', 'invited', 'accepted', 'declined', 'attended', 'no_show'] as const;

export const invitation = z.object({
  accountId: ref(),
  contactId: ref(),
  status: z.enum(INVITATION_STATUSES),
});

export const EVENT_QUESTION_KINDS = ['yes_no', 'choice', 'text'] as const;
export const CAPTURE_KINDS = ['lead', 'visit'] as const;

/** A qualification question the event asks every lead it captures (fair mode shows them in order). */
export const eventQuestion = z.object({
  id: id(),
  label: text(200),
  kind: z.enum(EVENT_QUESTION_KINDS),
  /** The choices of a 'choice' question. */
  options: z.array(text(100)).optional(),
});
export type EventQuestion = z.infer<typeof eventQuestion>;

/**
 * One lead captured in fair mode, or one visit of an existing client logged there: who, when, the
 * product categories they showed interest in and their answers to the event's questions.
 */
export const eventCapture = z.object({
  id: id(),
  kind: z.enum(CAPTURE_KINDS),
  accountId: ref(),
  contactId: ref(),
  /** The visit's activity ('' for a new lead). */
  activityId: ref(),
  at: timestamp(),
  by: text(80),
  interests: z.array(text(100)),
  answers: z.array(z.object({ questionId: id(), value: text(500) })),
});
export type EventCapture = z.infer<typeof eventCapture>;

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
  // Version 1 (all optional: events of older peers still pass):
  stand: text(100).optional(),
  budget: money.optional(),
  goals: text(2000).optional(),
  /** The qualification questions fair mode asks. */
  questions: z.array(eventQuestion).optional(),
  /** The consent text fair mode shows each lead; recorded word for word on the contact. */
  consentText: text(2000).optional(),
  /** Whether a lead can be saved only with the consent given. */
  consentRequired: z.boolean().optional(),
  /** What fair mode captured, in order. */
  captures: z.array(eventCapture).optional(),
});
export type CrmEvent = z.infer<typeof eventSchema>;
export const eventIndexes = ['startDate'];
