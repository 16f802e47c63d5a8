import type { Contact } from '../models';
import { digitsOnly, normalizeText } from './text';

/** What the contacts list shows and filters on: a light projection of a contact. */
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
  /** Normalised name and role, lower-cased e-mails, and every phone's digits, for the quick filter. */
  haystack: string;
  /** Every phone's digits, separated by spaces. */
  phoneDigits: string;
  roleKey: string;
}

export function toContactRow(c: Contact): ContactRow {
  const phoneDigits = c.phones.map((p) => digitsOnly(p.number)).join(' ');
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
    haystack: [normalizeText(`${c.firstName} ${c.lastName}`), ...c.emails.map((e) => e.address.toLowerCase())].join(' '),
    phoneDigits,
    roleKey: normalizeText(c.role),
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

/** A predicate for the filter, prepared once for scanning many rows. */
export function contactRowMatcher(filter: ContactRowFilter): (row: ContactRow) => boolean {
  const words = normalizeText(filter.text ?? '').split(' ').filter(Boolean);
  const tests = words.map((w): ((r: ContactRow) => boolean) => {
    // "98765-4321", "(11)", "+351": digits match phone numbers; names and e-mails as typed.
    const digits = /^[\d()+\-./]+$/.test(w) ? digitsOnly(w) : '';
    if (digits) return (r) => r.phoneDigits.includes(digits) || r.haystack.includes(w);
    return (r) => r.haystack.includes(w);
  });
  const role = normalizeText(filter.role ?? '');
  const accountId = filter.accountId ?? '';
  return (r) => (!accountId || r.accountId === accountId) && (!role || r.roleKey.includes(role)) && tests.every((test) => test(r));
}

export function isFilterEmpty(filter: ContactRowFilter): boolean {
  return !normalizeText(filter.text ?? '') && !normalizeText(filter.role ?? '') && !filter.accountId;
}
