import {
  INT_MAX,
  type Account,
  type Activity,
  type Address,
  type Campaign,
  type CollectionName,
  type CrmEvent,
  type Email,
  type Note,
  type Phone,
} from '../models';
import { accountSortKey } from './derived-fields';
import { phoneKey } from './duplicates';
import { normalizeText } from './text';
import { emailKey } from './validators/email';

/**
 * Merging a duplicate account into the one that stays (the survivor), as a plan: the survivor's
 * new fields, every document to repoint, and a record of what was merged. Pure, so "nothing of
 * either account is lost" is unit-tested; the renderer executes the plan with its repositories.
 */

/** Single-valued fields the user picks per account when they differ ('taxId' carries kind, typed and digits). */
export const ACCOUNT_MERGE_FIELDS = [
  'name',
  'tradeName',
  'status',
  'segment',
  'industry',
  'taxId',
  'country',
  'city',
  'state',
  'website',
  'preferredChannel',
  'ownerId',
  'source',
  'referredBy',
  'conditions.priceListId',
  'conditions.discountBp',
  'conditions.paymentTerms',
  'conditions.bonuses',
  'conditions.loyaltyTier',
] as const;
export type MergeField = (typeof ACCOUNT_MERGE_FIELDS)[number];
export type MergeSide = 'survivor' | 'duplicate';
export type MergeChoices = Partial<Record<MergeField, MergeSide>>;

/** Lists that are combined (deduplicated by value), never chosen. */
export const MERGE_LISTS = ['phones', 'emails', 'addresses', 'tags', 'notes', 'riskSignals'] as const;
export type MergeList = (typeof MERGE_LISTS)[number];

/** Documents that point at an account, by collection (what moves to the survivor). */
export const RELATED_COLLECTIONS = ['contacts', 'activities', 'deals', 'orders', 'contracts', 'cases'] as const;
export type RelatedCollection = (typeof RELATED_COLLECTIONS)[number];

/** The documents that point at the duplicate, as read from the database. */
export interface RelatedDocs {
  /** Ids of documents whose accountId is the duplicate. */
  byAccountId: Partial<Record<RelatedCollection, string[]>>;
  /** Accounts whose referredBy is the duplicate. */
  referrals: string[];
  /** Events listing the duplicate among their leads or invitations (with their current lists). */
  events: Pick<CrmEvent, 'id' | 'leadAccountIds' | 'invitations'>[];
  /** Campaigns with the duplicate among their recipients. */
  campaigns: Pick<Campaign, 'id' | 'recipients'>[];
}

/** One document to rewrite: which fields get which values. */
export interface Repoint {
  collection: CollectionName;
  id: string;
  patch: Record<string, unknown>;
}

export type MergeRecord = Omit<Activity, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'>;

export interface AccountMergePlan {
  survivorId: string;
  duplicateId: string;
  /** Only the survivor's fields that change. */
  survivorPatch: Partial<Account>;
  repoint: Repoint[];
  /** A 'note' activity on the survivor saying what was merged (with a JSON snapshot of the duplicate). */
  record: MergeRecord;
}

/** The words of the record (the app passes its translations; the default is pt-BR). */
export interface MergeRecordTexts {
  summary(duplicateName: string): string;
  intro(p: { duplicate: string; duplicateId: string; survivor: string; by: string; at: string }): string;
  chosenHeading: string;
  discardedHeading: string;
  combinedHeading: string;
  movedHeading: string;
  snapshotHeading: string;
  label(key: MergeField | MergeList | RelatedCollection | 'referrals' | 'events' | 'campaigns'): string;
}

export const DEFAULT_MERGE_TEXTS: MergeRecordTexts = {
  summary: (name) => `Conta ${name} mesclada nesta conta`,
  intro: (p) => `A conta "${p.duplicate}" (${p.duplicateId}) foi mesclada em "${p.survivor}" por ${p.by} em ${p.at}.`,
  chosenHeading: 'Valores que vieram da conta mesclada:',
  discardedHeading: 'Valores da conta mesclada que não foram mantidos:',
  combinedHeading: 'Listas combinadas:',
  movedHeading: 'Registros transferidos para esta conta:',
  snapshotHeading: 'Cópia completa da conta mesclada e dos registros transferidos (JSON):',
  label: (key) => key,
};

const BODY_MAX = 200_000;

export function fieldValue(a: Account, field: MergeField): unknown {
  if (field === 'taxId') return { kind: a.taxIdKind, taxId: a.taxId, digits: a.taxIdDigits };
  if (field.startsWith('conditions.')) return a.conditions[field.slice('conditions.'.length) as keyof Account['conditions']];
  return a[field as keyof Account];
}

function isEmpty(field: MergeField, value: unknown): boolean {
  if (field === 'taxId') return !(value as { taxId: string }).taxId;
  if (field === 'conditions.loyaltyTier') return value === 'none';
  if (field === 'conditions.discountBp') return value === 0;
  return value === '' || value === null || value === undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ between the two accounts. */
export function differingFields(survivor: Account, duplicate: Account): MergeField[] {
  return ACCOUNT_MERGE_FIELDS.filter((f) => !same(fieldValue(survivor, f), fieldValue(duplicate, f)));
}

/** Default choice per differing field: the survivor's value, unless it is empty and the duplicate's is not. */
export function defaultChoices(survivor: Account, duplicate: Account): Record<MergeField, MergeSide> {
  const choices = {} as Record<MergeField, MergeSide>;
  for (const f of ACCOUNT_MERGE_FIELDS) {
    choices[f] = isEmpty(f, fieldValue(survivor, f)) && !isEmpty(f, fieldValue(duplicate, f)) ? 'duplicate' : 'survivor';
  }
  return choices;
}

export function unionBy<T>(first: T[], second: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...first, ...second]) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

const phoneId = (country: string) => (p: Phone) => phoneKey(p.number, country) || p.number.trim();
const emailId = (e: Email) => emailKey(e.address);
const addressId = (a: Address) => normalizeText([a.street, a.number, a.complement ?? '', a.postalCode.replace(/\D/g, ''), a.city, a.country].join('|'));
const noteId = (n: Note) => n.id;

/** The survivor's combined lists (duplicates by value dropped, the survivor's entries first). */
export function combinedLists(s: Account, d: Account) {
  return {
    phones: unionBy(s.phones, d.phones, phoneId(s.country)),
    emails: unionBy(s.emails, d.emails, emailId),
    addresses: unionBy(s.addresses, d.addresses, addressId),
    tags: unionBy(s.tags, d.tags, (t) => normalizeText(t)),
    notes: unionBy(s.notes, d.notes, noteId).sort((a, b) => a.at - b.at),
    riskSignals: unionBy(s.risk.signals, d.risk.signals, (r) => r.id),
  };
}

/** Plans the merge of `duplicate` into `survivor` with the user's `choices` (defaults for the rest). */
export function planAccountMerge(input: {
  survivor: Account;
  duplicate: Account;
  related: RelatedDocs;
  choices?: MergeChoices;
  now: number;
  by: string;
  texts?: MergeRecordTexts;
  formatTime?(ms: number): string;
}): AccountMergePlan {
  const { survivor: s, duplicate: d, related, now, by } = input;
  if (s.id === d.id) throw new Error('cannot merge an account into itself');
  const texts = input.texts ?? DEFAULT_MERGE_TEXTS;
  const choices = { ...defaultChoices(s, d), ...input.choices };
  const pick = (f: MergeField) => fieldValue(choices[f] === 'duplicate' ? d : s, f);

  const tax = pick('taxId') as { kind: Account['taxIdKind']; taxId: string; digits: string };
  let referredBy = pick('referredBy') as string;
  // An account cannot have been referred by itself or by the account it absorbs.
  if (referredBy === s.id || referredBy === d.id) referredBy = '';
  const lists = combinedLists(s, d);
  const next: Account = {
    ...s,
    name: pick('name') as string,
    tradeName: pick('tradeName') as string,
    status: pick('status') as Account['status'],
    segment: pick('segment') as Account['segment'],
    industry: pick('industry') as string,
    taxIdKind: tax.kind,
    taxId: tax.taxId,
    taxIdDigits: tax.digits,
    country: pick('country') as string,
    city: pick('city') as string,
    state: pick('state') as string,
    website: pick('website') as string,
    preferredChannel: pick('preferredChannel') as Account['preferredChannel'],
    ownerId: pick('ownerId') as string,
    source: pick('source') as Account['source'],
    referredBy,
    conditions: {
      priceListId: pick('conditions.priceListId') as string,
      discountBp: pick('conditions.discountBp') as number,
      paymentTerms: pick('conditions.paymentTerms') as string,
      bonuses: pick('conditions.bonuses') as string,
      loyaltyTier: pick('conditions.loyaltyTier') as Account['conditions']['loyaltyTier'],
    },
    phones: lists.phones,
    emails: lists.emails,
    addresses: lists.addresses,
    tags: lists.tags,
    notes: lists.notes,
    risk: { signals: lists.riskSignals, score: Math.max(s.risk.score, d.risk.score) },
  };
  next.nameSort = accountSortKey(next);
  const survivorPatch: Partial<Account> = {};
  for (const key of Object.keys(next) as (keyof Account)[]) {
    if (!same(next[key], s[key])) (survivorPatch as Record<string, unknown>)[key] = next[key];
  }

  const repoint: Repoint[] = [];
  for (const collection of RELATED_COLLECTIONS) {
    for (const id of related.byAccountId[collection] ?? []) repoint.push({ collection, id, patch: { accountId: s.id } });
  }
  for (const id of related.referrals) {
    if (id === s.id) continue; // the survivor's own referredBy is settled above
    repoint.push({ collection: 'accounts', id, patch: { referredBy: s.id } });
  }
  for (const e of related.events) {
    const leads = [...new Set(e.leadAccountIds.map((x) => (x === d.id ? s.id : x)))];
    const invitations = unionBy(
      e.invitations.map((i) => (i.accountId === d.id ? { ...i, accountId: s.id } : i)),
      [],
      (i) => `${i.accountId}|${i.contactId}`,
    );
    repoint.push({ collection: 'events', id: e.id, patch: { leadAccountIds: leads, invitations } });
  }
  for (const c of related.campaigns) {
    const recipients = unionBy(
      c.recipients.map((r) => (r.accountId === d.id ? { ...r, accountId: s.id } : r)),
      [],
      (r) => `${r.accountId}|${r.contactId}`,
    );
    repoint.push({ collection: 'campaigns', id: c.id, patch: { recipients } });
  }

  const chosen = ACCOUNT_MERGE_FIELDS.filter((f) => choices[f] === 'duplicate' && !same(fieldValue(s, f), fieldValue(d, f)));
  const discarded = ACCOUNT_MERGE_FIELDS.filter(
    (f) => choices[f] !== 'duplicate' && !isEmpty(f, fieldValue(d, f)) && !same(fieldValue(s, f), fieldValue(d, f)),
  );
  const show = (v: unknown) => (typeof v === 'object' && v !== null && 'taxId' in v ? String((v as { taxId: string }).taxId) : String(v));
  const line = (f: MergeField, a: Account) => `- ${texts.label(f)}: ${show(fieldValue(a, f))}`;
  const time = input.formatTime ?? ((ms: number) => new Date(ms).toISOString());
  const moved = {
    ...Object.fromEntries(RELATED_COLLECTIONS.map((c) => [c, related.byAccountId[c] ?? []])),
    referrals: related.referrals.filter((id) => id !== s.id),
    events: related.events.map((e) => e.id),
    campaigns: related.campaigns.map((c) => c.id),
  } as Record<RelatedCollection | 'referrals' | 'events' | 'campaigns', string[]>;
  const readable = [
    texts.intro({ duplicate: d.tradeName || d.name, duplicateId: d.id, survivor: s.tradeName || s.name, by, at: time(now) }),
    '',
    ...(chosen.length ? [texts.chosenHeading, ...chosen.map((f) => line(f, d)), ''] : []),
    ...(discarded.length ? [texts.discardedHeading, ...discarded.map((f) => line(f, d)), ''] : []),
    texts.combinedHeading,
    ...MERGE_LISTS.map((l) => `- ${texts.label(l)}: ${listLength(s, l)} + ${listLength(d, l)} → ${lists[l].length}`),
    '',
    texts.movedHeading,
    ...Object.entries(moved)
      .filter(([, ids]) => ids.length)
      .map(([c, ids]) => `- ${texts.label(c as RelatedCollection)}: ${ids.length}`),
    '',
    texts.snapshotHeading,
  ].join('\n');
  const replaced = Object.fromEntries(chosen.filter((f) => !isEmpty(f, fieldValue(s, f))).map((f) => [f, fieldValue(s, f)]));
  let snapshot = JSON.stringify({ mergedAccount: d, survivorValuesReplaced: replaced, moved }, null, 2);
  if (readable.length + snapshot.length + 1 > BODY_MAX) {
    // Notes already live on in the survivor; keep their ids here so the record fits.
    snapshot = JSON.stringify({ mergedAccount: { ...d, notes: d.notes.map((n) => n.id) }, survivorValuesReplaced: replaced, moved });
    snapshot = snapshot.slice(0, BODY_MAX - readable.length - 1);
  }
  const record: MergeRecord = {
    type: 'note',
    accountId: s.id,
    contactId: '',
    dealId: '',
    at: now,
    atInv: INT_MAX - now,
    summary: texts.summary(d.tradeName || d.name).slice(0, 300),
    body: `${readable}\n${snapshot}`,
    outcome: '',
    durationMin: 0,
    taskState: 'none',
    dueAt: 0,
    reminderAt: 0,
    ownerId: next.ownerId,
  };
  return { survivorId: s.id, duplicateId: d.id, survivorPatch, repoint, record };
}

function listLength(a: Account, list: MergeList): number {
  return list === 'riskSignals' ? a.risk.signals.length : a[list].length;
}
