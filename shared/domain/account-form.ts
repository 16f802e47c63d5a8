import { z } from 'zod';
import { ACCOUNT_SEGMENTS, ACCOUNT_SOURCES, ACCOUNT_STATUSES, TAX_ID_KINDS, type Account } from '../models';
import { accountSortKey } from './derived-fields';
import { normalizePhone, validateEmail, validateTaxId } from './validators';

export const FORM_COUNTRIES = ['BR', 'PT', 'other'] as const;

/**
 * The account editor's fields as typed (strings, so nothing the user typed is ever coerced away).
 * Error messages are i18n keys under `errors.`.
 */
export const accountFormSchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(200, 'too_long'),
    tradeName: z.string().trim().max(200, 'too_long'),
    status: z.enum(ACCOUNT_STATUSES),
    segment: z.enum(ACCOUNT_SEGMENTS),
    industry: z.string().trim().max(80, 'too_long'),
    country: z.enum(FORM_COUNTRIES),
    taxIdKind: z.enum(TAX_ID_KINDS),
    taxId: z.string(),
    city: z.string().trim().max(100, 'too_long'),
    state: z.string().trim().max(40, 'too_long'),
    phone: z.string(),
    email: z.string(),
    website: z.string().trim().max(200, 'too_long'),
    source: z.enum(ACCOUNT_SOURCES),
    /** With source 'referral': the account that referred this one ('' when unknown). Absent in drafts of older versions. */
    referredBy: z.string().max(40).optional(),
    /** The referring account's contact who made the referral: not an account field, it goes on the referral record (shared/domain/referrals.ts). */
    referrerContactId: z.string().max(40).optional(),
    tags: z.string().max(1000, 'too_long'),
    priceListId: z.string().trim().max(40, 'too_long'),
    discountPct: z.string(),
    paymentTerms: z.string().trim().max(120, 'too_long'),
  })
  .superRefine((v, ctx) => {
    const taxId = validateTaxId(v.taxIdKind, v.taxId);
    if (!taxId.ok) ctx.addIssue({ code: 'custom', path: ['taxId'], message: taxId.error });
    if (v.phone.trim()) {
      const phone = normalizePhone(v.phone, phoneCountry(v.country));
      if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.error });
    }
    if (v.email.trim()) {
      const email = validateEmail(v.email);
      if (!email.ok) ctx.addIssue({ code: 'custom', path: ['email'], message: email.error });
    }
    if (v.website.trim() && !/^(https?:\/\/)?[\w-]+(\.[\w-]+)+([/?#]\S*)?$/i.test(v.website.trim())) {
      ctx.addIssue({ code: 'custom', path: ['website'], message: 'website_invalid' });
    }
    if (parseDiscountBp(v.discountPct) === null) ctx.addIssue({ code: 'custom', path: ['discountPct'], message: 'discount_invalid' });
  });

export type AccountFormValues = z.input<typeof accountFormSchema>;

/** Fields derived from the form, ready to store (the repository adds id and edit times). */
export type AccountFields = Omit<Account, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

export function emptyAccountForm(country: (typeof FORM_COUNTRIES)[number] = 'BR'): AccountFormValues {
  return {
    name: '',
    tradeName: '',
    status: 'prospect',
    segment: 'small_business',
    industry: '',
    country,
    taxIdKind: country === 'PT' ? 'nif' : 'cnpj',
    taxId: '',
    city: '',
    state: '',
    phone: '',
    email: '',
    website: '',
    source: 'other',
    referredBy: '',
    referrerContactId: '',
    tags: '',
    priceListId: '',
    discountPct: '',
    paymentTerms: '',
  };
}

/** "12,5" or "12.5" → 1250 basis points; '' → 0; anything else (or outside 0–100) → null. */
export function parseDiscountBp(value: string): number | null {
  const typed = value.trim().replace(',', '.');
  if (!typed) return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(typed)) return null;
  const bp = Math.round(Number(typed) * 100);
  return bp <= 10_000 ? bp : null;
}

function phoneCountry(country: string): 'BR' | 'PT' {
  return country === 'PT' ? 'PT' : 'BR';
}

/**
 * The account fields for valid form values. `existing` keeps what the form does not show
 * (other phones and e-mails, addresses, notes, risk, …) untouched.
 */
export function accountFieldsFromForm(values: AccountFormValues, existing?: Account): AccountFields {
  const v = accountFormSchema.parse(values);
  const taxId = validateTaxId(v.taxIdKind, v.taxId);
  const phone = v.phone.trim() ? normalizePhone(v.phone, phoneCountry(v.country)) : null;
  const email = v.email.trim() ? validateEmail(v.email) : null;
  const otherPhones = existing?.phones.slice(1) ?? [];
  const otherEmails = existing?.emails.slice(1) ?? [];
  return {
    name: v.name,
    tradeName: v.tradeName,
    nameSort: accountSortKey(v),
    status: v.status,
    segment: v.segment,
    industry: v.industry,
    taxIdKind: v.taxIdKind,
    taxId: taxId.ok ? taxId.formatted : v.taxId.trim(),
    taxIdDigits: taxId.ok ? taxId.normalized : '',
    country: v.country === 'other' ? (existing?.country ?? '') : v.country,
    city: v.city,
    state: v.state,
    addresses: existing?.addresses ?? [],
    phones: phone?.ok ? [{ label: existing?.phones[0]?.label ?? 'work', number: phone.international }, ...otherPhones] : otherPhones,
    emails: email?.ok ? [{ label: existing?.emails[0]?.label ?? 'work', address: email.normalized }, ...otherEmails] : otherEmails,
    website: v.website,
    preferredChannel: existing?.preferredChannel ?? 'phone',
    ownerId: existing?.ownerId ?? '',
    tags: [
      ...new Set(
        v.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    source: v.source,
    // Only a referral names who referred it; another source clears it.
    referredBy: v.source === 'referral' ? (v.referredBy ?? '') : '',
    risk: existing?.risk ?? { signals: [], score: 0 },
    conditions: {
      priceListId: v.priceListId,
      discountBp: parseDiscountBp(v.discountPct) ?? 0,
      paymentTerms: v.paymentTerms,
      bonuses: existing?.conditions.bonuses ?? '',
      loyaltyTier: existing?.conditions.loyaltyTier ?? 'none',
    },
    notes: existing?.notes ?? [],
  };
}

/** Which stored fields each editor field writes (a changed phone rewrites the phone list, …). */
const FORM_FIELD_TARGETS: Record<keyof AccountFormValues, readonly (keyof AccountFields)[]> = {
  name: ['name', 'nameSort'],
  tradeName: ['tradeName', 'nameSort'],
  status: ['status'],
  segment: ['segment'],
  industry: ['industry'],
  country: ['country', 'phones'],
  taxIdKind: ['taxIdKind', 'taxId', 'taxIdDigits'],
  taxId: ['taxIdKind', 'taxId', 'taxIdDigits'],
  city: ['city'],
  state: ['state'],
  phone: ['phones'],
  email: ['emails'],
  website: ['website'],
  source: ['source', 'referredBy'],
  referredBy: ['referredBy'],
  referrerContactId: [],
  tags: ['tags'],
  priceListId: [],
  discountPct: [],
  paymentTerms: [],
};
const CONDITION_FIELDS = { priceListId: 'priceListId', discountPct: 'discountBp', paymentTerms: 'paymentTerms' } as const;

/**
 * The patch an edit makes: only the fields the user changed in the editor (from `started`, what the
 * editor opened with, to `values`), applied over the document as it is now. A field the user did not
 * touch keeps whatever sync or another window wrote meanwhile, instead of being written back with
 * the value the editor happened to load.
 */
export function accountEditPatch(started: AccountFormValues, values: AccountFormValues, current: Account): Partial<AccountFields> {
  const next = accountFieldsFromForm(values, current);
  const patch: Partial<AccountFields> = {};
  const changed = (Object.keys(values) as (keyof AccountFormValues)[]).filter((k) => started[k] !== values[k]);
  for (const key of changed) {
    for (const field of FORM_FIELD_TARGETS[key]) (patch as Record<string, unknown>)[field] = next[field];
  }
  const conditionKeys = changed.filter((k): k is keyof typeof CONDITION_FIELDS => k in CONDITION_FIELDS);
  if (conditionKeys.length) {
    const conditions = { ...current.conditions };
    for (const key of conditionKeys) (conditions as Record<string, unknown>)[CONDITION_FIELDS[key]] = next.conditions[CONDITION_FIELDS[key]];
    patch.conditions = conditions;
  }
  return patch;
}

/** The editor's values for a stored account. */
export function accountFormFromAccount(a: Account): AccountFormValues {
  const country = a.country === 'BR' || a.country === 'PT' ? a.country : 'other';
  return {
    name: a.name,
    tradeName: a.tradeName,
    status: a.status,
    segment: a.segment,
    industry: a.industry,
    country,
    taxIdKind: a.taxIdKind,
    taxId: a.taxId,
    city: a.city,
    state: a.state,
    phone: a.phones[0]?.number ?? '',
    email: a.emails[0]?.address ?? '',
    website: a.website,
    source: a.source,
    referredBy: a.referredBy,
    referrerContactId: '',
    tags: a.tags.join(', '),
    priceListId: a.conditions.priceListId,
    discountPct: a.conditions.discountBp ? String(a.conditions.discountBp / 100).replace('.', ',') : '',
    paymentTerms: a.conditions.paymentTerms,
  };
}
