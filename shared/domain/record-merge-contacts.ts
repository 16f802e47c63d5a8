import { INT_MAX, type Campaign, type Contact, type CrmEvent, type Deal } from '../models';
import { derivedValues } from './derived-fields';
import { phoneKey } from './duplicates';
import { unionBy, type MergeRecord, type MergeSide, type Repoint } from './record-merge-accounts';
import { normalizeText } from './text';
import { emailKey } from './validators/email';

/**
 * Merging a duplicate contact into the one that stays: the same shape as an account merge, smaller.
 * The survivor gets the chosen fields and the union of phones, e-mails, tags and notes; activities,
 * cases, deals, campaign recipients and event invitations that named the duplicate name the
 * survivor; a note on the survivor records what was merged.
 */

export const CONTACT_MERGE_FIELDS = [
  'firstName',
  'lastName',
  'accountId',
  'role',
  'department',
  'preferredChannel',
  'birthday',
  'decisionMaker',
  'consent',
  'ownerId',
] as const;
export type ContactMergeField = (typeof CONTACT_MERGE_FIELDS)[number];
export type ContactMergeChoices = Partial<Record<ContactMergeField, MergeSide>>;
export const CONTACT_MERGE_LISTS = ['phones', 'emails', 'tags', 'notes'] as const;

/** What names the duplicate contact, as read from the database. */
export interface ContactRelatedDocs {
  activities: string[];
  cases: string[];
  deals: Pick<Deal, 'id' | 'contactIds'>[];
  campaigns: Pick<Campaign, 'id' | 'recipients'>[];
  events: Pick<CrmEvent, 'id' | 'invitations'>[];
}

export interface ContactMergePlan {
  survivorId: string;
  duplicateId: string;
  survivorPatch: Partial<Contact>;
  repoint: Repoint[];
  record: MergeRecord;
}

export interface ContactMergeTexts {
  summary(duplicateName: string): string;
  intro(p: { duplicate: string; duplicateId: string; survivor: string; by: string; at: string }): string;
  chosenHeading: string;
  discardedHeading: string;
  combinedHeading: string;
  movedHeading: string;
  snapshotHeading: string;
  label(key: string): string;
}

export const DEFAULT_CONTACT_MERGE_TEXTS: ContactMergeTexts = {
  summary: (name) => `Contato ${name} mesclado neste contato`,
  intro: (p) => `O contato "${p.duplicate}" (${p.duplicateId}) foi mesclado em "${p.survivor}" por ${p.by} em ${p.at}.`,
  chosenHeading: 'Valores que vieram do contato mesclado:',
  discardedHeading: 'Valores do contato mesclado que não foram mantidos:',
  combinedHeading: 'Listas combinadas:',
  movedHeading: 'Registros transferidos para este contato:',
  snapshotHeading: 'Cópia completa do contato mesclado e dos registros transferidos (JSON):',
  label: (key) => key,
};

export const contactName = (c: Pick<Contact, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();

export function contactFieldValue(c: Contact, field: ContactMergeField): unknown {
  return c[field];
}

function isEmpty(field: ContactMergeField, value: unknown): boolean {
  if (field === 'decisionMaker') return value === false;
  if (field === 'consent') return (value as Contact['consent']).basis === 'none';
  return value === '';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function contactDifferingFields(s: Contact, d: Contact): ContactMergeField[] {
  return CONTACT_MERGE_FIELDS.filter((f) => !same(s[f], d[f]));
}

/** The survivor's value, unless it is empty (no consent recorded, not a decision maker) and the duplicate's is not. */
export function contactDefaultChoices(s: Contact, d: Contact): Record<ContactMergeField, MergeSide> {
  const choices = {} as Record<ContactMergeField, MergeSide>;
  for (const f of CONTACT_MERGE_FIELDS) choices[f] = isEmpty(f, s[f]) && !isEmpty(f, d[f]) ? 'duplicate' : 'survivor';
  return choices;
}

export function combinedContactLists(s: Contact, d: Contact) {
  return {
    phones: unionBy(s.phones, d.phones, (p) => phoneKey(p.number) || p.number.trim()),
    emails: unionBy(s.emails, d.emails, (e) => emailKey(e.address)),
    tags: unionBy(s.tags, d.tags, (t) => normalizeText(t)),
    notes: unionBy(s.notes, d.notes, (n) => n.id).sort((a, b) => a.at - b.at),
  };
}

export function planContactMerge(input: {
  survivor: Contact;
  duplicate: Contact;
  related: ContactRelatedDocs;
  choices?: ContactMergeChoices;
  now: number;
  by: string;
  texts?: ContactMergeTexts;
  formatTime?(ms: number): string;
}): ContactMergePlan {
  const { survivor: s, duplicate: d, related, now, by } = input;
  if (s.id === d.id) throw new Error('cannot merge a contact into itself');
  const texts = input.texts ?? DEFAULT_CONTACT_MERGE_TEXTS;
  const choices = { ...contactDefaultChoices(s, d), ...input.choices };
  const next: Contact = { ...s };
  for (const f of CONTACT_MERGE_FIELDS) (next as Record<string, unknown>)[f] = (choices[f] === 'duplicate' ? d : s)[f];
  Object.assign(next, combinedContactLists(s, d));
  next.emailKey = next.emails[0] ? emailKey(next.emails[0].address) : '';
  Object.assign(next, derivedValues('contacts', next));
  const survivorPatch: Partial<Contact> = {};
  for (const key of Object.keys(next) as (keyof Contact)[]) {
    if (!same(next[key], s[key])) (survivorPatch as Record<string, unknown>)[key] = next[key];
  }

  const swap = (id: string) => (id === d.id ? s.id : id);
  const repoint: Repoint[] = [
    ...related.activities.map((id) => ({ collection: 'activities' as const, id, patch: { contactId: s.id } })),
    ...related.cases.map((id) => ({ collection: 'cases' as const, id, patch: { contactId: s.id } })),
    ...related.deals.map((x) => ({ collection: 'deals' as const, id: x.id, patch: { contactIds: [...new Set(x.contactIds.map(swap))] } })),
    ...related.campaigns.map((c) => ({
      collection: 'campaigns' as const,
      id: c.id,
      patch: {
        recipients: unionBy(
          c.recipients.map((r) => ({ ...r, contactId: swap(r.contactId) })),
          [],
          (r) => `${r.accountId}|${r.contactId}`,
        ),
      },
    })),
    ...related.events.map((e) => ({
      collection: 'events' as const,
      id: e.id,
      patch: {
        invitations: unionBy(
          e.invitations.map((i) => ({ ...i, contactId: swap(i.contactId) })),
          [],
          (i) => `${i.accountId}|${i.contactId}`,
        ),
      },
    })),
  ];

  const chosen = CONTACT_MERGE_FIELDS.filter((f) => choices[f] === 'duplicate' && !same(s[f], d[f]));
  const discarded = CONTACT_MERGE_FIELDS.filter((f) => choices[f] !== 'duplicate' && !isEmpty(f, d[f]) && !same(s[f], d[f]));
  const show = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  const lists = combinedContactLists(s, d);
  const moved = {
    activities: related.activities,
    cases: related.cases,
    deals: related.deals.map((x) => x.id),
    campaigns: related.campaigns.map((c) => c.id),
    events: related.events.map((e) => e.id),
  };
  const time = input.formatTime ?? ((ms: number) => new Date(ms).toISOString());
  const readable = [
    texts.intro({ duplicate: contactName(d), duplicateId: d.id, survivor: contactName(s), by, at: time(now) }),
    '',
    ...(chosen.length ? [texts.chosenHeading, ...chosen.map((f) => `- ${texts.label(f)}: ${show(d[f])}`), ''] : []),
    ...(discarded.length ? [texts.discardedHeading, ...discarded.map((f) => `- ${texts.label(f)}: ${show(d[f])}`), ''] : []),
    texts.combinedHeading,
    ...CONTACT_MERGE_LISTS.map((l) => `- ${texts.label(l)}: ${s[l].length} + ${d[l].length} → ${lists[l].length}`),
    '',
    texts.movedHeading,
    ...Object.entries(moved)
      .filter(([, ids]) => ids.length)
      .map(([c, ids]) => `- ${texts.label(c)}: ${ids.length}`),
    '',
    texts.snapshotHeading,
  ].join('\n');
  const replaced = Object.fromEntries(chosen.filter((f) => !isEmpty(f, s[f])).map((f) => [f, s[f]]));
  const snapshot = JSON.stringify({ mergedContact: d, survivorValuesReplaced: replaced, moved }, null, 2);
  const record: MergeRecord = {
    type: 'note',
    accountId: next.accountId,
    contactId: s.id,
    dealId: '',
    at: now,
    atInv: INT_MAX - now,
    summary: texts.summary(contactName(d)).slice(0, 300),
    body: `${readable}\n${snapshot}`.slice(0, 200_000),
    outcome: '',
    durationMin: 0,
    taskState: 'none',
    dueAt: 0,
    reminderAt: 0,
    ownerId: next.ownerId,
  };
  return { survivorId: s.id, duplicateId: d.id, survivorPatch, repoint, record };
}
