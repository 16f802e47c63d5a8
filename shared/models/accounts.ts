import { z } from 'zod';
import { address, baseFields, basisPoints, email, id, note, phone, ref, text, timestamp } from './common';

export const ACCOUNT_STATUSES = ['lead', 'prospect', 'client', 'key', 'inactive', 'lost'] as const;
export const ACCOUNT_SEGMENTS = ['enterprise', 'mid_market', 'small_business', 'public_sector', 'retail', 'distributor'] as const;
export const ACCOUNT_SOURCES = ['fair', 'referral', 'campaign', 'website', 'cold_call', 'inbound', 'partner', 'other'] as const;
export const TAX_ID_KINDS = ['cnpj', 'cpf', 'nif', 'other', 'none'] as const;
export const RISK_SIGNALS = [
  'late_payments',
  'legal_disputes',
  'unclear_ownership',
  'bad_references',
  'frequent_management_changes',
  'negative_press',
  'credit_restrictions',
  'other',
] as const;
export const LOYALTY_TIERS = ['none', 'bronze', 'silver', 'gold', 'platinum'] as const;
export const PREFERRED_CHANNELS = ['phone', 'email', 'whatsapp', 'visit', 'video', 'letter'] as const;

export const riskSignal = z.object({
  id: id(),
  kind: z.enum(RISK_SIGNALS),
  note: text(2000),
  seenAt: timestamp(),
  recordedBy: text(80),
});

export const commercialConditions = z.object({
  priceListId: text(40),
  discountBp: basisPoints(),
  paymentTerms: text(120),
  bonuses: text(500),
  loyaltyTier: z.enum(LOYALTY_TIERS),
});
export type CommercialConditions = z.infer<typeof commercialConditions>;

/** A company (or a person trading as one) in the manager's client base. */
export const accountSchema = z.object({
  ...baseFields,
  name: text(200).min(1),
  tradeName: text(200),
  /** Lower-case, unaccented name used to sort and page the list by an ascending index. */
  nameSort: text(120),
  status: z.enum(ACCOUNT_STATUSES),
  segment: z.enum(ACCOUNT_SEGMENTS),
  industry: text(80),
  taxIdKind: z.enum(TAX_ID_KINDS),
  /** As typed, with punctuation. */
  taxId: text(30),
  /** Letters and digits only, upper-case: duplicate detection and search. */
  taxIdDigits: text(20),
  country: text(2),
  city: text(100),
  state: text(40),
  addresses: z.array(address),
  phones: z.array(phone),
  emails: z.array(email),
  website: text(200),
  preferredChannel: z.enum(PREFERRED_CHANNELS),
  ownerId: text(80),
  tags: z.array(text(40)),
  source: z.enum(ACCOUNT_SOURCES),
  referredBy: ref(),
  risk: z.object({ signals: z.array(riskSignal), score: z.number().int().min(0).max(100) }),
  conditions: commercialConditions,
  notes: z.array(note),
});
export type Account = z.infer<typeof accountSchema>;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const accountIndexes = ['nameSort', ['status', 'nameSort'], ['ownerId', 'nameSort'], ['state', 'nameSort'], 'taxIdDigits', 'updatedAt'];
