import type { Account, Contact, Deal, Product } from '../models';
import { codeKey, emailKeys, phoneKeys, words } from './tokenize';

export const SEARCH_KINDS = ['account', 'contact', 'deal', 'product'] as const;
/** What a search result is: each opens its own page. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * The compact form of a document the index holds (posted to the worker): display text and the
 * strings it is found by, grouped by how much a match in them counts.
 */
export interface SearchRecord {
  kind: SearchKind;
  id: string;
  /** The name shown (account name, contact's full name, product name, deal title). */
  title: string;
  /** Parts of the secondary line (trade name, tax id, city, SKU…); the account's name is added for contacts and deals. */
  detail: string[];
  /** Contacts and deals: their account, whose name they are also found by. */
  accountId?: string;
  /** Names (name, trade name, full name, title): the strongest matches. */
  names: string[];
  /** Other keys that identify the record, each matched as one whole term (e-mail keys, SKU and its words). */
  alt: string[];
  /** Codes matched as whole keys by prefix (tax id, phone keys, SKU key), already normalised. */
  codes: string[];
  /** Where it is (city) or what group it is in (category): the weakest matches. */
  place: string[];
}

const present = (values: (string | undefined)[]): string[] => values.filter((v): v is string => !!v && v.trim().length > 0);

export function accountRecord(a: Account): SearchRecord {
  const cities = new Set(present([a.city, ...a.addresses.map((x) => x.city)]));
  return {
    kind: 'account',
    id: a.id,
    title: a.name,
    detail: present([
      a.tradeName && a.tradeName !== a.name ? a.tradeName : undefined,
      a.taxId,
      a.city ? (a.state ? `${a.city} — ${a.state}` : a.city) : undefined,
    ]),
    names: present([a.name, a.tradeName]),
    alt: a.emails.flatMap((e) => emailKeys(e.address)),
    codes: present([a.taxIdDigits ? codeKey(a.taxIdDigits) : codeKey(a.taxId), ...a.phones.flatMap((p) => phoneKeys(p.number))]),
    place: [...cities],
  };
}

export function contactRecord(c: Contact): SearchRecord {
  return {
    kind: 'contact',
    id: c.id,
    title: `${c.firstName} ${c.lastName}`.trim(),
    detail: present([c.role, c.emails[0]?.address]),
    accountId: c.accountId || undefined,
    names: present([c.firstName, c.lastName]),
    alt: c.emails.flatMap((e) => emailKeys(e.address)),
    codes: c.phones.flatMap((p) => phoneKeys(p.number)),
    place: [],
  };
}

export function productRecord(p: Product): SearchRecord {
  return {
    kind: 'product',
    id: p.id,
    title: p.name,
    detail: present([p.sku, p.category]),
    names: [p.name],
    alt: present([p.sku, ...words(p.sku)]),
    codes: present([codeKey(p.sku)]),
    place: present([p.category]),
  };
}

export function dealRecord(d: Deal): SearchRecord {
  return {
    kind: 'deal',
    id: d.id,
    title: d.title,
    detail: [],
    accountId: d.accountId || undefined,
    names: [d.title],
    alt: [],
    codes: [],
    place: [],
  };
}

/** The record of a document of each searchable kind (the index's first read and its live feed). */
export const RECORD_OF: Record<SearchKind, (doc: never) => SearchRecord> = {
  account: (d: Account) => accountRecord(d),
  contact: (d: Contact) => contactRecord(d),
  deal: (d: Deal) => dealRecord(d),
  product: (d: Product) => productRecord(d),
} as Record<SearchKind, (doc: never) => SearchRecord>;
