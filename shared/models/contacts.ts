import { z } from 'zod';
import { baseFields, email, isoDate, note, phone, ref, text, timestamp } from './common';
import { PREFERRED_CHANNELS } from './accounts';

export const CONSENT_BASES = ['consent', 'contract', 'legitimate_interest', 'none'] as const;

/** A person at an account. */
export const contactSchema = z.object({
  ...baseFields,
  accountId: ref(),
  firstName: text(80),
  lastName: text(120),
  nameSort: text(120),
  role: text(120),
  department: text(120),
  phones: z.array(phone),
  emails: z.array(email),
  /** Lower-cased main e-mail: duplicate detection and lookups. */
  emailKey: text(254),
  preferredChannel: z.enum(PREFERRED_CHANNELS),
  birthday: isoDate(),
  decisionMaker: z.boolean(),
  /** LGPD / GDPR: legal basis for contacting, when and where it was obtained. */
  consent: z.object({
    basis: z.enum(CONSENT_BASES),
    marketing: z.boolean(),
    at: timestamp(),
    source: text(200),
  }),
  ownerId: text(80),
  tags: z.array(text(40)),
  notes: z.array(note),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactIndexes = ['nameSort', ['accountId', 'nameSort'], 'emailKey'];
