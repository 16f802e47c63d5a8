import type { Account, Contact, CrmEvent, EventCapture, EventQuestion, Note } from '../../models';
import type { ActivityFields } from '../activity-fields';
import { newActivityFields } from '../activity-fields';
import { accountSortKey, derivedValues } from '../derived-fields';
import { newId } from '../ids';
import { localIsoDay } from '../local-day';
import { detectTaxIdKind, normalizePhone, validateEmail, validateTaxId } from '../validators';

/**
 * Fair mode's pure part: what a lead typed at the stand is, what is wrong with it, and the
 * documents it becomes (a 'lead' account from the fair, its contact with the consent as shown,
 * and the event's capture record), or the visit logged on an existing client instead.
 *
 * Where things are kept: the event's `captures` hold each lead's interests and answers (the
 * structured record, for qualification later); the contact's notes hold the same in words (what
 * a person reads on the contact), the free note, and the consent text exactly as it was shown.
 */

/** What the capture form holds (also what its draft journals). */
export interface LeadForm {
  name: string;
  company: string;
  taxId: string;
  role: string;
  phone: string;
  email: string;
  /** Product categories of the catalogue the lead is interested in. */
  interests: string[];
  /** Answer per question id: 'yes' / 'no' for yes-no questions, the option or the text otherwise. */
  answers: Record<string, string>;
  consent: boolean;
  note: string;
}

export const emptyLeadForm = (): LeadForm => ({
  name: '',
  company: '',
  taxId: '',
  role: '',
  phone: '',
  email: '',
  interests: [],
  answers: {},
  consent: false,
  note: '',
});

export type LeadField = 'name' | 'company' | 'taxId' | 'phone' | 'email' | 'consent' | 'note';
export type LeadErrorKey =
  | 'lead_name_required'
  | 'lead_too_long'
  | 'lead_consent_required'
  | 'email_invalid'
  | 'phone_invalid'
  | 'tax_id_invalid_cnpj'
  | 'tax_id_invalid_cpf'
  | 'tax_id_invalid_nif'
  | 'tax_id_invalid_other'
  | 'tax_id_too_long';
export interface LeadError {
  field: LeadField;
  key: LeadErrorKey;
}

type EventRules = Pick<CrmEvent, 'consentRequired' | 'consentText'>;

/** Whether the event asks for consent before a lead is kept. */
export const requiresConsent = (event: EventRules) => Boolean(event.consentRequired);

/** What is wrong with the lead as typed (one error per field); [] when it can be saved. */
export function leadErrors(form: LeadForm, event: EventRules): LeadError[] {
  const errors: LeadError[] = [];
  const name = form.name.trim();
  if (!name) errors.push({ field: 'name', key: 'lead_name_required' });
  else if (name.length > 200) errors.push({ field: 'name', key: 'lead_too_long' });
  if (form.company.trim().length > 200) errors.push({ field: 'company', key: 'lead_too_long' });
  const tax = taxIdOf(form.taxId);
  if (tax && !tax.ok) errors.push({ field: 'taxId', key: tax.error as LeadErrorKey });
  if (form.phone.trim() && !normalizePhone(form.phone).ok) errors.push({ field: 'phone', key: 'phone_invalid' });
  if (form.email.trim() && !validateEmail(form.email).ok) errors.push({ field: 'email', key: 'email_invalid' });
  if (requiresConsent(event) && !form.consent) errors.push({ field: 'consent', key: 'lead_consent_required' });
  if (form.note.length > 20_000) errors.push({ field: 'note', key: 'lead_too_long' });
  return errors;
}

function taxIdOf(typed: string) {
  if (!typed.trim()) return null;
  const kind = detectTaxIdKind(typed);
  return { kind, ...validateTaxId(kind === 'none' ? 'other' : kind, typed) };
}

/** "Ana Maria Souza" → first name "Ana", last name "Maria Souza". */
export function splitPersonName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  return { firstName: (words[0] ?? '').slice(0, 80), lastName: words.slice(1).join(' ').slice(0, 120) };
}

/** The answers in the order of the event's questions, blank ones left out. */
export function answersInOrder(questions: readonly EventQuestion[], answers: Record<string, string>): EventCapture['answers'] {
  return questions.flatMap((q) => {
    const value = (answers[q.id] ?? '').trim().slice(0, 500);
    return value ? [{ questionId: q.id, value }] : [];
  });
}

/** Words for the note: how answers read ("Sim"/"Não" come from the caller's language). */
export interface LeadWords {
  interests: string;
  yes: string;
  no: string;
  consentShown: string;
}

function answerText(q: EventQuestion, value: string, words: LeadWords): string {
  if (q.kind === 'yes_no') return value === 'yes' ? words.yes : value === 'no' ? words.no : value;
  return value;
}

/** The note kept on the contact: interests, answers and the free note, as a person reads them. */
export function leadNoteText(form: LeadForm, questions: readonly EventQuestion[], eventName: string, words: LeadWords): string {
  const lines = [eventName];
  if (form.interests.length) lines.push(`${words.interests}: ${form.interests.join(', ')}`);
  for (const a of answersInOrder(questions, form.answers)) {
    const q = questions.find((x) => x.id === a.questionId)!;
    lines.push(`${q.label}: ${answerText(q, a.value, words)}`);
  }
  if (form.note.trim()) lines.push('', form.note.trim());
  return lines.join('\n');
}

export type AccountFields = Omit<Account, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

export interface NewLead {
  account: AccountFields;
  /** The contact, without its accountId (known once the account is created). */
  contact: Omit<ContactFields, 'accountId'>;
  /** The event's record of it, without the ids of the documents not created yet. */
  capture: Omit<EventCapture, 'accountId' | 'contactId'>;
}

/**
 * The documents a valid lead becomes. The consent is dated `now`, its source names the event, and
 * the text shown is kept word for word in a note next to it (the consent's `source` holds 200
 * characters; a consent text is longer).
 */
export function newLeadDocuments(
  form: LeadForm,
  event: Pick<CrmEvent, 'id' | 'name' | 'consentRequired' | 'consentText' | 'questions' | 'state' | 'city'>,
  now: number,
  by: string,
  words: LeadWords,
): NewLead {
  const errors = leadErrors(form, event);
  if (errors.length) throw new Error(`invalid lead: ${errors.map((e) => e.key).join(', ')}`);
  const person = splitPersonName(form.name);
  const company = form.company.trim() || form.name.trim();
  const tax = taxIdOf(form.taxId);
  const phone = form.phone.trim() ? normalizePhone(form.phone) : null;
  const email = form.email.trim() ? validateEmail(form.email) : null;
  const phones = phone?.ok ? [{ label: 'mobile' as const, number: phone.international }] : [];
  const emails = email?.ok ? [{ label: 'work' as const, address: email.normalized }] : [];
  const questions = event.questions ?? [];
  const notes: Note[] = [{ id: newId(now), at: now, by, text: leadNoteText(form, questions, event.name, words) }];
  const consentText = (event.consentText ?? '').trim();
  if (form.consent && consentText) notes.push({ id: newId(now), at: now, by, text: `${words.consentShown}\n${consentText}` });
  const account: AccountFields = {
    name: company.slice(0, 200),
    tradeName: '',
    nameSort: accountSortKey({ name: company }),
    status: 'lead',
    segment: 'small_business',
    industry: '',
    taxIdKind: tax?.ok ? (tax.kind === 'none' ? 'other' : tax.kind) : 'none',
    taxId: tax?.ok ? tax.formatted : '',
    taxIdDigits: tax?.ok ? tax.normalized : '',
    country: 'BR',
    city: '',
    state: '',
    addresses: [],
    phones: [],
    emails: [],
    website: '',
    preferredChannel: emails.length ? 'email' : 'phone',
    ownerId: by.slice(0, 80),
    tags: [],
    source: 'fair',
    referredBy: '',
    risk: { signals: [], score: 0 },
    conditions: { priceListId: '', discountBp: 0, paymentTerms: '', bonuses: '', loyaltyTier: 'none' },
    notes: [],
  };
  const contactBase = {
    firstName: person.firstName,
    lastName: person.lastName,
    role: form.role.trim().slice(0, 120),
    department: '',
    phones,
    emails,
    emailKey: email?.ok ? email.key : '',
    preferredChannel: emails.length ? ('email' as const) : ('phone' as const),
    birthday: '',
    decisionMaker: false,
    consent: form.consent
      ? { basis: 'consent' as const, marketing: true, at: now, source: event.name.slice(0, 200) }
      : { basis: 'none' as const, marketing: false, at: 0, source: '' },
    ownerId: by.slice(0, 80),
    tags: [],
    notes,
  };
  const contact = { ...contactBase, nameSort: derivedValues('contacts', contactBase).nameSort as string };
  const capture = {
    id: newId(now),
    kind: 'lead' as const,
    activityId: '',
    at: now,
    by: by.slice(0, 80),
    interests: form.interests.map((i) => i.slice(0, 100)),
    answers: answersInOrder(questions, form.answers),
  };
  return { account, contact, capture };
}

/** The visit logged on an existing client met at the stand: a 'visit' activity naming the event. */
export function visitActivityFields(
  form: LeadForm,
  event: Pick<CrmEvent, 'id' | 'name' | 'questions'>,
  target: { accountId: string; contactId: string },
  now: number,
  by: string,
  words: LeadWords & { visitSummary: string },
): ActivityFields {
  return newActivityFields(
    {
      type: 'visit',
      accountId: target.accountId,
      contactId: target.contactId,
      summary: words.visitSummary,
      body: `${leadNoteText(form, event.questions ?? [], event.name, words)}\n\n#/events/${event.id}`,
      outcome: 'positive',
    },
    now,
    by,
  );
}

/** The event after a capture: the account among its leads (once) and the capture recorded. */
export function withCapture(event: CrmEvent, capture: EventCapture): Pick<CrmEvent, 'leadAccountIds' | 'captures'> {
  return {
    leadAccountIds: event.leadAccountIds.includes(capture.accountId) ? event.leadAccountIds : [...event.leadAccountIds, capture.accountId],
    captures: [...(event.captures ?? []), capture],
  };
}

/** Captures (leads and visits) made on the user's local calendar day `today` (YYYY-MM-DD). */
export function capturesOnDay(event: Pick<CrmEvent, 'captures'>, today: string = localIsoDay()): number {
  return (event.captures ?? []).filter((c) => localIsoDay(new Date(c.at)) === today).length;
}

/** Why the event's dates cannot be kept: the end before the start. */
export function eventDatesError(startDate: string, endDate: string): 'event_end_before_start' | null {
  return startDate && endDate && endDate < startDate ? 'event_end_before_start' : null;
}
