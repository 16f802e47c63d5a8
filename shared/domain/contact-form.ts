import { z } from 'zod';
import { CONSENT_BASES, PREFERRED_CHANNELS, email as emailModel, phone as phoneModel, type Contact } from '../models';
import { consentChanged, consentErrors } from './contact-consent';
import { calendarDay, parseIsoDate, toIsoDate, type CalendarDay } from './contact-dates';
import { derivedValues } from './derived-fields';
import { sameValue } from './documents';
import { emailKey, normalizePhone, validateEmail, type PhoneCountry } from './validators';

export const PHONE_LABELS = phoneModel.shape.label.options;
export const EMAIL_LABELS = emailModel.shape.label.options;
export const PHONE_COUNTRIES = ['BR', 'PT'] as const;
export const MAX_PHONES = 8;
export const MAX_EMAILS = 8;

const trimmed = (max: number) => z.string().trim().max(max, 'too_long');

/**
 * The contact editor's fields as typed (strings, so nothing the user typed is ever coerced away).
 * Messages are i18n keys: under `contacts.errors.` when the feature defines them, else `errors.`.
 */
export const contactFormSchema = z
  .object({
    firstName: z.string().trim().min(1, 'required').max(80, 'too_long'),
    lastName: trimmed(120),
    role: trimmed(120),
    department: trimmed(120),
    accountId: z.string().max(40),
    /** Where numbers typed without +country are from (the account's country). */
    country: z.enum(PHONE_COUNTRIES),
    phones: z.array(z.object({ label: z.enum(PHONE_LABELS), number: z.string() })).max(MAX_PHONES),
    emails: z.array(z.object({ label: z.enum(EMAIL_LABELS), address: z.string() })).max(MAX_EMAILS),
    preferredChannel: z.enum(PREFERRED_CHANNELS),
    birthday: z.string(),
    decisionMaker: z.boolean(),
    consentBasis: z.enum(CONSENT_BASES),
    consentMarketing: z.boolean(),
    consentSource: z.string(),
    tags: z.string().max(1000, 'too_long'),
  })
  .superRefine((v, ctx) => {
    const seenPhones = new Set<string>();
    v.phones.forEach((p, i) => {
      if (!p.number.trim()) return;
      const phone = normalizePhone(p.number, v.country);
      if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['phones', i, 'number'], message: phone.error });
      else if (seenPhones.has(phone.e164)) ctx.addIssue({ code: 'custom', path: ['phones', i, 'number'], message: 'phone_duplicate' });
      else seenPhones.add(phone.e164);
    });
    const seenEmails = new Set<string>();
    v.emails.forEach((e, i) => {
      if (!e.address.trim()) return;
      const email = validateEmail(e.address);
      if (!email.ok) ctx.addIssue({ code: 'custom', path: ['emails', i, 'address'], message: email.error });
      else if (seenEmails.has(email.key)) ctx.addIssue({ code: 'custom', path: ['emails', i, 'address'], message: 'email_duplicate' });
      else seenEmails.add(email.key);
    });
    const hasPhone = seenPhones.size > 0 || v.phones.some((p) => p.number.trim());
    const hasEmail = seenEmails.size > 0 || v.emails.some((e) => e.address.trim());
    if ((v.preferredChannel === 'phone' || v.preferredChannel === 'whatsapp') && !hasPhone) {
      ctx.addIssue({ code: 'custom', path: ['preferredChannel'], message: 'channel_needs_phone' });
    }
    if (v.preferredChannel === 'email' && !hasEmail) ctx.addIssue({ code: 'custom', path: ['preferredChannel'], message: 'channel_needs_email' });
    const birthday = birthdayError(v.birthday);
    if (birthday) ctx.addIssue({ code: 'custom', path: ['birthday'], message: birthday });
    for (const e of consentErrors({ basis: v.consentBasis, marketing: v.consentMarketing, source: v.consentSource })) {
      ctx.addIssue({ code: 'custom', path: [e.field === 'marketing' ? 'consentMarketing' : 'consentSource'], message: e.key });
    }
  });

export type ContactFormValues = z.input<typeof contactFormSchema>;
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

/** '' is fine (unknown); otherwise a real day, not in the future, not before 1900. */
export function birthdayError(value: string, today: CalendarDay = calendarDay(new Date())): 'birthday_invalid' | 'birthday_future' | null {
  if (!value) return null;
  const day = parseIsoDate(value);
  if (!day || day.year < 1900) return 'birthday_invalid';
  return value > toIsoDate(today) ? 'birthday_future' : null;
}

export function emptyContactForm(options: { accountId?: string; country?: PhoneCountry } = {}): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    role: '',
    department: '',
    accountId: options.accountId ?? '',
    country: options.country ?? 'BR',
    phones: [{ label: 'mobile', number: '' }],
    emails: [{ label: 'work', address: '' }],
    preferredChannel: 'email',
    birthday: '',
    decisionMaker: false,
    consentBasis: 'none',
    consentMarketing: false,
    consentSource: '',
    tags: '',
  };
}

/** The editor's values for a stored contact. */
export function contactFormFromContact(c: Contact, country: PhoneCountry = 'BR'): ContactFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    role: c.role,
    department: c.department,
    accountId: c.accountId,
    country,
    phones: c.phones.map((p) => ({ ...p })),
    emails: c.emails.map((e) => ({ ...e })),
    preferredChannel: c.preferredChannel,
    birthday: c.birthday,
    decisionMaker: c.decisionMaker,
    consentBasis: c.consent.basis,
    consentMarketing: c.consent.marketing,
    consentSource: c.consent.source,
    tags: c.tags.join(', '),
  };
}

/**
 * The contact fields for valid form values: numbers in international format, blank rows dropped,
 * the e-mail key and sort key derived. A changed consent is dated `now`; an unchanged one keeps
 * its date. `existing` keeps what the form does not show (notes, owner).
 */
export function contactFieldsFromForm(values: ContactFormValues, now: number, existing?: Contact): ContactFields {
  const v = contactFormSchema.parse(values);
  const phones = v.phones.flatMap((p) => {
    const phone = p.number.trim() ? normalizePhone(p.number, v.country) : null;
    return phone?.ok ? [{ label: p.label, number: phone.international }] : [];
  });
  const emails = v.emails.flatMap((e) => {
    const email = e.address.trim() ? validateEmail(e.address) : null;
    return email?.ok ? [{ label: e.label, address: email.normalized }] : [];
  });
  const consentInput = { basis: v.consentBasis, marketing: v.consentMarketing, source: v.consentSource };
  const keepConsent = existing && !consentChanged(existing.consent, consentInput);
  const fields = {
    accountId: v.accountId,
    firstName: v.firstName,
    lastName: v.lastName,
    role: v.role,
    department: v.department,
    phones,
    emails,
    emailKey: emails[0] ? emailKey(emails[0].address) : '',
    preferredChannel: v.preferredChannel,
    birthday: v.birthday,
    decisionMaker: v.decisionMaker,
    consent: keepConsent
      ? existing.consent
      : { basis: v.consentBasis, marketing: v.consentMarketing, at: v.consentBasis === 'none' && !existing ? 0 : now, source: v.consentSource.trim() },
    ownerId: existing?.ownerId ?? '',
    tags: [
      ...new Set(
        v.tags
          .split(',')
          .map((t) => t.trim().slice(0, 40))
          .filter(Boolean),
      ),
    ],
    notes: existing?.notes ?? [],
  };
  return { ...fields, nameSort: derivedValues('contacts', fields).nameSort as string };
}

/** Which stored fields each editor field writes (the country changes how numbers are read, …). */
const CONTACT_FIELD_TARGETS: Record<keyof ContactFormValues, readonly (keyof ContactFields)[]> = {
  firstName: ['firstName'],
  lastName: ['lastName'],
  role: ['role'],
  department: ['department'],
  accountId: ['accountId'],
  country: ['phones'],
  phones: ['phones'],
  emails: ['emails', 'emailKey'],
  preferredChannel: ['preferredChannel'],
  birthday: ['birthday'],
  decisionMaker: ['decisionMaker'],
  consentBasis: ['consent'],
  consentMarketing: ['consent'],
  consentSource: ['consent'],
  tags: ['tags'],
};

/**
 * The patch an edit makes: only the fields the user changed in the editor (from `started`, what the
 * editor opened with, to `values`), applied over the contact as it is now (`current`). A field the
 * user did not touch keeps whatever sync or another window wrote meanwhile; the sort key follows
 * the names as they will be stored.
 */
export function contactEditPatch(started: ContactFormValues, values: ContactFormValues, current: Contact, now: number): Partial<ContactFields> {
  const next = contactFieldsFromForm(values, now, current);
  const patch: Partial<ContactFields> = {};
  for (const key of Object.keys(CONTACT_FIELD_TARGETS) as (keyof ContactFormValues)[]) {
    if (sameValue(started[key], values[key])) continue;
    for (const field of CONTACT_FIELD_TARGETS[key]) (patch as Record<string, unknown>)[field] = next[field];
  }
  if (patch.firstName !== undefined || patch.lastName !== undefined) {
    patch.nameSort = derivedValues('contacts', { ...current, ...patch }).nameSort as string;
  }
  return patch;
}
