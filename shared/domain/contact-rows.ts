import type { Contact } from '../models';
import { digitsOnly, normalizeText } from './text';

/** What the contacts list shows: a light projection of a contact. */
export interface ContactRow {
  id: string;
  firstName: string;
  lastName: string;
  nameSort: string;
  role: string;
  accountId: string;
  /** First phone and e-mail as stored. */
  phone: string;
  email: string;
  preferredChannel: Contact['preferredChannel'];
  updatedAt: number;
}

export function toContactRow(c: Contact): ContactRow {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    nameSort: c.nameSort,
    role: c.role,
    accountId: c.accountId,
    phone: c.phones[0]?.number ?? '',
    email: c.emails[0]?.address ?? '',
    preferredChannel: c.preferredChannel,
    updatedAt: c.updatedAt,
  };
}

/** The list order: by normalised name, ties by id, so keyset paging and live inserts agree. */
export function compareContactRows(a: Pick<ContactRow, 'nameSort' | 'id'>, b: Pick<ContactRow, 'nameSort' | 'id'>): number {
  if (a.nameSort !== b.nameSort) return a.nameSort < b.nameSort ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface ContactRowFilter {
  /** Words typed in the quick filter: name, e-mail or phone digits; every word must match. */
  text?: string;
  accountId?: string;
  /** Part of the role ("compr" finds "Comprador"), accents and case ignored. */
  role?: string;
}

const PLAIN = /^[\x20-\x7e]*$/;
/** normalizeText, with a fast path for plain ASCII (most names and every e-mail): a scan folds 150k of them. */
const fold = (value: string) => (PLAIN.test(value) ? value.toLowerCase() : normalizeText(value));

type Matchable = Pick<Contact, 'firstName' | 'lastName' | 'role' | 'accountId' | 'phones' | 'emails'>;

/**
 * A predicate for the filter over contact documents, prepared once for scanning many of them: it
 * folds only the fields the filter needs, so rows are built for matches only.
 */
export function contactMatcher(filter: ContactRowFilter): (contact: Matchable) => boolean {
  const words = normalizeText(filter.text ?? '')
    .split(' ')
    .filter(Boolean);
  const role = normalizeText(filter.role ?? '');
  const accountId = filter.accountId ?? '';
  const tests = words.map((w): ((c: Matchable) => boolean) => {
    const inName = (c: Matchable) => fold(`${c.firstName} ${c.lastName}`).includes(w);
    const inEmail = (c: Matchable) => c.emails.some((e) => e.address.toLowerCase().includes(w));
    // "98765-4321", "(11)", "+351": digits match phone numbers; names and e-mails as typed.
    const digits = /^[\d()+\-./]+$/.test(w) ? digitsOnly(w) : '';
    if (digits) return (c) => c.phones.some((p) => digitsOnly(p.number).includes(digits)) || inEmail(c);
    return (c) => inName(c) || inEmail(c);
  });
  return (c) => (!accountId || c.accountId === accountId) && (!role || fold(c.role).includes(role)) && tests.every((test) => test(c));
}

export function isFilterEmpty(filter: ContactRowFilter): boolean {
  return !normalizeText(filter.text ?? '') && !normalizeText(filter.role ?? '') && !filter.accountId;
}
