import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { Account, Contact } from '@shared/models';
import {
  accountContactKeys,
  contactPhoneKeys,
  findAccountDuplicates,
  findContactDuplicates,
  phoneKey,
  probeContactKeys,
  probeNamePrefixes,
  taxIdKey,
  type AccountProbe,
  type ContactProbe,
  type DuplicateMatch,
} from '@shared/domain/duplicates';
import { emailKey } from '@shared/domain/validators/email';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import type { CarteiraDatabase } from '../../db/types';
import { accountsByNamePrefix, accountsByTaxId, accountsOf } from '../../db/collections/accounts';
import { contactsByEmailKey, contactsOf, contactsOfAccount } from '../../db/collections/contacts';
import { sharedKeyIndex } from './key-index';

/** A likely duplicate with the document it points at. */
export interface DuplicateCandidate<T> {
  doc: T;
  match: DuplicateMatch;
}

/** How many names sharing the first word are read per prefix (index order). */
const NAME_RANGE_LIMIT = 300;
const DEBOUNCE_MS = 300;

/** The accounts' e-mail/domain/phone/referredBy key map (see key-index.ts for why a map). */
export function accountKeyIndex(db: CarteiraDatabase) {
  return sharedKeyIndex(db, 'accounts', db.accounts, (a: Account) => [...accountContactKeys(a), ...(a.referredBy ? [`r:${a.referredBy}`] : [])]);
}

/** The contacts' phone key map (e-mails go through the emailKey index). */
export function contactKeyIndex(db: CarteiraDatabase) {
  return sharedKeyIndex(db, 'contacts', db.contacts, (c: Contact) => contactPhoneKeys(c));
}

async function byIds<T>(
  collection: { findByIds(ids: string[]): { exec(): Promise<Map<string, { toJSON(): unknown }>> } },
  ids: Iterable<string>,
): Promise<T[]> {
  const list = [...new Set(ids)];
  if (list.length === 0) return [];
  const found = await collection.findByIds(list).exec();
  return [...found.values()].map((d) => d.toJSON() as T);
}

/** Accounts that look like `probe`: indexed tax id and name-prefix queries, then the key map. */
export async function findAccountCandidates(
  db: CarteiraDatabase,
  probe: AccountProbe,
  onPartial?: (found: DuplicateCandidate<Account>[]) => void,
): Promise<DuplicateCandidate<Account>[]> {
  const docs = new Map<string, Account>();
  const add = (list: Account[]) => list.forEach((a) => docs.set(a.id, a));
  const tax = taxIdKey(probe.taxId);
  const reads: Promise<void>[] = [];
  const accounts = accountsOf(db);
  if (tax) reads.push(accountsByTaxId(accounts, tax, 50).then(add));
  for (const prefix of probeNamePrefixes(probe)) reads.push(accountsByNamePrefix(accounts, prefix, NAME_RANGE_LIMIT).then(add));
  const keys = probeContactKeys(probe);
  const index = keys.length ? accountKeyIndex(db) : null;
  await Promise.all(reads);
  if (index) {
    // The first build of the key map takes a while on a big base: show what the indexes found meanwhile.
    if (!index.isReady()) onPartial?.(toCandidates(findAccountDuplicates(probe, docs.values()), docs));
    await index.ready;
    const ids = index.lookup(keys).filter((id) => !docs.has(id));
    for (const a of await byIds<Account>(db.accounts, ids)) docs.set(a.id, a);
  }
  return toCandidates(findAccountDuplicates(probe, docs.values()), docs);
}

/** Contacts that look like `probe`: emailKey index, the phone key map, and the same account's people. */
export async function findContactCandidates(
  db: CarteiraDatabase,
  probe: ContactProbe,
  onPartial?: (found: DuplicateCandidate<Contact>[]) => void,
): Promise<DuplicateCandidate<Contact>[]> {
  const docs = new Map<string, Contact>();
  const add = (list: Contact[]) => list.forEach((c) => docs.set(c.id, c));
  const reads: Promise<void>[] = [];
  const contacts = contactsOf(db);
  for (const key of new Set(probe.emails.map(emailKey).filter(Boolean))) reads.push(contactsByEmailKey(contacts, key, 20).then(add));
  if (probe.accountId && (probe.firstName.trim() || probe.lastName.trim())) reads.push(contactsOfAccount(contacts, probe.accountId, 500).then(add));
  const phones = probe.phones
    .map((p) => phoneKey(p, probe.country))
    .filter(Boolean)
    .map((k) => `p:${k}`);
  const index = phones.length ? contactKeyIndex(db) : null;
  await Promise.all(reads);
  if (index) {
    if (!index.isReady()) onPartial?.(toCandidates(findContactDuplicates(probe, docs.values()), docs));
    await index.ready;
    for (const c of await byIds<Contact>(
      db.contacts,
      index.lookup(phones).filter((id) => !docs.has(id)),
    ))
      docs.set(c.id, c);
  }
  return toCandidates(findContactDuplicates(probe, docs.values()), docs);
}

function toCandidates<T>(matches: DuplicateMatch[], docs: Map<string, T>): DuplicateCandidate<T>[] {
  return matches.map((match) => ({ doc: docs.get(match.id)!, match }));
}

function hasAccountSignal(p: AccountProbe): boolean {
  return Boolean(taxIdKey(p.taxId) || probeNamePrefixes(p).length || probeContactKeys(p).length);
}

function hasContactSignal(p: ContactProbe): boolean {
  return Boolean(p.emails.some((e) => e.trim()) || p.phones.some((x) => phoneKey(x, p.country)) || (p.accountId && (p.firstName.trim() || p.lastName.trim())));
}

/** Debounced, live-as-you-type search for likely duplicates; never throws into the form. */
type Search<P, T> = (db: CarteiraDatabase, p: P, onPartial: (found: DuplicateCandidate<T>[]) => void) => Promise<DuplicateCandidate<T>[]>;

function useDuplicateSearch<P, T>(probe: P | null, hasSignal: (p: P) => boolean, search: Search<P, T>, warmUp: (db: CarteiraDatabase) => void) {
  const { db } = useDatabaseContext();
  const key = JSON.stringify(probe);
  const [debounced] = useDebouncedValue(key, DEBOUNCE_MS);
  const [state, setState] = useState<{ key: string; candidates: DuplicateCandidate<T>[] }>({ key: 'null', candidates: [] });
  // Start building the key map as soon as the editor opens, not at the first e-mail typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => warmUp(db), [db]);
  useEffect(() => {
    const p = JSON.parse(debounced) as P | null;
    if (!p || !hasSignal(p)) {
      setState({ key: debounced, candidates: [] });
      return;
    }
    let live = true;
    search(db, p, (partial) => live && setState((s) => ({ key: s.key, candidates: partial })))
      .then((candidates) => live && setState({ key: debounced, candidates }))
      .catch(() => live && setState({ key: debounced, candidates: [] }));
    return () => {
      live = false;
    };
    // hasSignal and search are module functions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, debounced]);
  return useMemo(() => ({ candidates: state.candidates, searching: state.key !== key }), [state, key]);
}

export function useAccountDuplicates(probe: AccountProbe | null) {
  return useDuplicateSearch<AccountProbe, Account>(probe, hasAccountSignal, findAccountCandidates, (db) => void accountKeyIndex(db));
}

export function useContactDuplicates(probe: ContactProbe | null) {
  return useDuplicateSearch<ContactProbe, Contact>(probe, hasContactSignal, findContactCandidates, (db) => void contactKeyIndex(db));
}
