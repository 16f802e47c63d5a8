import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Account, Contact } from '../models';
import { alphanumericOnly, digitsOnly, normalizeText } from './text';
import { emailKey } from './validators/email';

/**
 * Likely-duplicate detection for accounts and contacts: the pure part (keys and scoring). Finding
 * the candidates cheaply among 50k accounts is the renderer's job (indexes + a key map); this file
 * says, for one candidate, whether and why it looks like the record being typed.
 */

/** Mail providers anyone can sign up to: sharing one says nothing about being the same company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.com.br',
  'outlook.com',
  'outlook.com.br',
  'outlook.pt',
  'live.com',
  'live.com.pt',
  'msn.com',
  'yahoo.com',
  'yahoo.com.br',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'zoho.com',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'ig.com.br',
  'r7.com',
  'globo.com',
  'globomail.com',
  'zipmail.com.br',
  'oi.com.br',
  'sapo.pt',
  'mail.pt',
  'clix.pt',
  'netcabo.pt',
  'iol.pt',
  'hotmail.pt',
  'yahoo.pt',
  'gmail.com.br',
]);

/** Legal-form words that end company names ("Ltda", "S.A.", "ME", "Lda", "Unipessoal"…). */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'ltda',
  'limitada',
  'sa',
  'me',
  'mei',
  'epp',
  'eireli',
  'lda',
  'unipessoal',
  'slu',
  'cia',
  'companhia',
  'sociedade',
  'anonima',
  'inc',
  'llc',
  'ltd',
  'gmbh',
  'srl',
  'sl',
  'crl',
]);
/** Words too common to tell two names apart. */
const STOP_WORDS: ReadonlySet<string> = new Set(['de', 'da', 'do', 'das', 'dos', 'e', 'em', 'the', 'and', 'of']);

/** How similar two names must be (0–1, trigram Dice over their core words) to be reported. */
export const NAME_SIMILARITY_THRESHOLD = 0.8;
/** Tax ids and phone numbers shorter than this are still being typed: never matched. */
const MIN_TAX_ID = 8;
const MIN_PHONE = 8;

/** Lower-case, accent-free words of a name, without punctuation ("S.A." and "S/A" become "sa"). */
export function nameTokens(name: string): string[] {
  const text = normalizeText(name)
    .replace(/\bs\s*[./]\s*a\b\.?/g, ' sa ')
    .replace(/&/g, ' e ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text.split(' ').filter(Boolean);
}

/** A name's words without the legal form at its end: "Papéis Paulista Ltda." → ["papeis", "paulista"]. */
export function stripLegalSuffixes(name: string): string[] {
  const tokens = nameTokens(name);
  let end = tokens.length;
  while (end > 1 && LEGAL_SUFFIXES.has(tokens[end - 1]!)) end--;
  // "… e Cia" / "& Cia": the connector before the legal form goes too.
  while (end > 1 && STOP_WORDS.has(tokens[end - 1]!)) end--;
  return tokens.slice(0, end);
}

/** The words two names are compared on: legal form and filler words gone. */
export function coreName(name: string): string {
  return stripLegalSuffixes(name)
    .filter((t) => !STOP_WORDS.has(t))
    .join(' ');
}

function trigrams(value: string): Map<string, number> {
  const padded = `  ${value} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return (2 * shared) / total;
}

/**
 * 0–1 similarity of two names on their core words, in typed order and with the words sorted (so
 * "Papéis Paulista" and "Paulista Papéis" match).
 */
export function nameSimilarity(a: string, b: string): number {
  const ca = coreName(a);
  const cb = coreName(b);
  if (!ca || !cb) return 0;
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  return Math.max(dice(ca, cb), dice(sorted(ca), sorted(cb)));
}

/** The domain of an e-mail address, lower-case ('' without one). */
export function emailDomain(address: string): string {
  const key = emailKey(address);
  const at = key.lastIndexOf('@');
  return at > 0 ? key.slice(at + 1) : '';
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/**
 * The number a phone is compared by: its national significant number ("+55 (11) 98765-4321",
 * "11 98765-4321" and "011 98765 4321" all give "11987654321"); '' when too short to tell.
 * Brazilian and Portuguese numbers take a fast path (this runs for every stored phone when the
 * key map is built); other countries go through libphonenumber.
 */
export function phoneKey(number: string, defaultCountry: string = 'BR'): string {
  const typed = number.trim();
  let digits = digitsOnly(typed);
  let national: string | null = null;
  const international = typed.startsWith('+') || digits.startsWith('00');
  if (international) {
    if (!typed.startsWith('+')) digits = digits.slice(2);
    const code = digits.startsWith('55') ? '55' : digits.startsWith('351') ? '351' : '';
    if (code) national = digits.slice(code.length).replace(/^0+/, '');
  } else if (defaultCountry === 'PT') {
    national = digits;
  } else {
    // Brazil: a leading 0 is the trunk prefix ("011…"); "0xx" carrier codes come before the area code.
    national = digits.replace(/^0+/, '');
    if (digits.startsWith('0') && national.length >= 12) national = national.slice(2);
  }
  if (national === null) {
    const parsed = parsePhoneNumberFromString(typed, (defaultCountry === 'PT' ? 'PT' : 'BR') as CountryCode);
    national = parsed?.nationalNumber ? String(parsed.nationalNumber) : digits;
  }
  return national.length >= MIN_PHONE ? national : '';
}

/** The tax id as the taxIdDigits index holds it; '' while too short to be one. */
export function taxIdKey(typed: string): string {
  const key = alphanumericOnly(typed);
  return key.length >= MIN_TAX_ID ? key : '';
}

export type DuplicateReason =
  | { kind: 'tax_id'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'email_domain'; value: string }
  | { kind: 'phone'; value: string }
  /** `similarity` 0–1; `value` is the candidate's name that matched. */
  | { kind: 'name'; value: string; similarity: number };

export type DuplicateReasonKind = DuplicateReason['kind'];

/** One likely duplicate: the candidate's id, why, and a 0–1 score to rank by. */
export interface DuplicateMatch {
  id: string;
  reasons: DuplicateReason[];
  score: number;
}

const WEIGHTS: Record<DuplicateReasonKind, number> = { tax_id: 1, email: 0.9, phone: 0.8, name: 0.7, email_domain: 0.5 };

function scoreOf(reasons: DuplicateReason[]): number {
  // The strongest reason decides; each further one adds a little (never above 1).
  const weights = reasons.map((r) => WEIGHTS[r.kind] * (r.kind === 'name' ? r.similarity : 1)).sort((a, b) => b - a);
  return Math.min(
    1,
    weights.reduce((sum, w, i) => sum + (i === 0 ? w : w * 0.1), 0),
  );
}

/** What is being typed into the account editor, as the detector sees it. */
export interface AccountProbe {
  /** Ignore this id (the account being edited). */
  id?: string;
  name: string;
  tradeName: string;
  /** As typed; compared by its letters and digits. */
  taxId: string;
  emails: string[];
  phones: string[];
  country: string;
}

/** The lookup keys of an account's e-mails, company domains and phones (for an in-memory key map). */
export function accountContactKeys(a: Pick<Account, 'emails' | 'phones' | 'country'>): string[] {
  const keys = new Set<string>();
  for (const e of a.emails) {
    const key = emailKey(e.address);
    if (!key) continue;
    keys.add(`e:${key}`);
    const domain = emailDomain(key);
    if (domain && !isFreeMailDomain(domain)) keys.add(`d:${domain}`);
  }
  for (const p of a.phones) {
    const key = phoneKey(p.number, a.country);
    if (key) keys.add(`p:${key}`);
  }
  return [...keys];
}

/** The keys a probe is looked up by in the same key map. */
export function probeContactKeys(probe: Pick<AccountProbe, 'emails' | 'phones' | 'country'>): string[] {
  return accountContactKeys({
    emails: probe.emails.map((address) => ({ label: 'work', address })),
    phones: probe.phones.map((number) => ({ label: 'work', number })),
    country: probe.country,
  });
}

/** The first word of the names a probe would be listed under (the nameSort prefix to range over). */
export function probeNamePrefixes(probe: Pick<AccountProbe, 'name' | 'tradeName'>): string[] {
  const prefixes = new Set<string>();
  for (const name of [probe.name, probe.tradeName]) {
    const first = normalizeText(name).split(' ')[0] ?? '';
    if (first.length >= 3) prefixes.add(first);
  }
  return [...prefixes];
}

/** Why `candidate` looks like the account being typed; null when it does not. */
export function matchAccount(probe: AccountProbe, candidate: Account, threshold = NAME_SIMILARITY_THRESHOLD): DuplicateMatch | null {
  if (probe.id && probe.id === candidate.id) return null;
  const reasons: DuplicateReason[] = [];
  const tax = taxIdKey(probe.taxId);
  if (tax && tax === candidate.taxIdDigits) reasons.push({ kind: 'tax_id', value: candidate.taxId || tax });

  if (probe.emails.length && candidate.emails.length) {
    const theirEmails = new Map(candidate.emails.map((e) => [emailKey(e.address), e.address]));
    const theirDomains = new Set([...theirEmails.keys()].map(emailDomain).filter((d) => d && !isFreeMailDomain(d)));
    const sameEmail = probe.emails.map(emailKey).find((k) => k && theirEmails.has(k));
    if (sameEmail) reasons.push({ kind: 'email', value: theirEmails.get(sameEmail)! });
    else {
      const domain = probe.emails.map(emailDomain).find((d) => d && theirDomains.has(d));
      if (domain) reasons.push({ kind: 'email_domain', value: domain });
    }
  }

  if (probe.phones.length && candidate.phones.length) {
    const theirPhones = new Map(candidate.phones.map((p) => [phoneKey(p.number, candidate.country), p.number]));
    const samePhone = probe.phones.map((p) => phoneKey(p, probe.country)).find((k) => k && theirPhones.has(k));
    if (samePhone) reasons.push({ kind: 'phone', value: theirPhones.get(samePhone)! });
  }

  let best: { value: string; similarity: number } | null = null;
  for (const mine of [probe.name, probe.tradeName]) {
    for (const theirs of [candidate.name, candidate.tradeName]) {
      const similarity = nameSimilarity(mine, theirs);
      if (similarity >= threshold && similarity > (best?.similarity ?? 0)) best = { value: theirs, similarity };
    }
  }
  if (best) reasons.push({ kind: 'name', value: best.value, similarity: Math.round(best.similarity * 100) / 100 });

  return reasons.length ? { id: candidate.id, reasons, score: scoreOf(reasons) } : null;
}

/** The likely duplicates among `candidates`, best first. */
export function findAccountDuplicates(probe: AccountProbe, candidates: Iterable<Account>, limit = 5, threshold = NAME_SIMILARITY_THRESHOLD): DuplicateMatch[] {
  return rank(
    [...candidates].map((c) => matchAccount(probe, c, threshold)),
    limit,
  );
}

/** What is being typed into the contact editor. */
export interface ContactProbe {
  id?: string;
  accountId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  country: string;
}

/**
 * Why `candidate` looks like the contact being typed: same e-mail or phone anywhere, or a similar
 * name at the same account (two "Ana Souza" at different companies are different people).
 */
export function matchContact(probe: ContactProbe, candidate: Contact, threshold = NAME_SIMILARITY_THRESHOLD): DuplicateMatch | null {
  if (probe.id && probe.id === candidate.id) return null;
  const reasons: DuplicateReason[] = [];
  const theirEmails = new Map(candidate.emails.map((e) => [emailKey(e.address), e.address]));
  if (candidate.emailKey) theirEmails.set(candidate.emailKey, theirEmails.get(candidate.emailKey) ?? candidate.emailKey);
  const sameEmail = probe.emails.map(emailKey).find((k) => k && theirEmails.has(k));
  if (sameEmail) reasons.push({ kind: 'email', value: theirEmails.get(sameEmail)! });

  const theirPhones = new Map(candidate.phones.map((p) => [phoneKey(p.number, probe.country), p.number]));
  const samePhone = probe.phones.map((p) => phoneKey(p, probe.country)).find((k) => k && theirPhones.has(k));
  if (samePhone) reasons.push({ kind: 'phone', value: theirPhones.get(samePhone)! });

  if (probe.accountId && probe.accountId === candidate.accountId) {
    const mine = personName(probe.firstName, probe.lastName);
    const theirs = personName(candidate.firstName, candidate.lastName);
    const similarity = personSimilarity(mine, theirs);
    if (similarity >= threshold) reasons.push({ kind: 'name', value: theirs, similarity: Math.round(similarity * 100) / 100 });
  }
  return reasons.length ? { id: candidate.id, reasons, score: scoreOf(reasons) } : null;
}

export function findContactDuplicates(probe: ContactProbe, candidates: Iterable<Contact>, limit = 5, threshold = NAME_SIMILARITY_THRESHOLD): DuplicateMatch[] {
  return rank(
    [...candidates].map((c) => matchContact(probe, c, threshold)),
    limit,
  );
}

/** The lookup keys of a contact's phones (e-mails are looked up through the emailKey index). */
export function contactPhoneKeys(c: Pick<Contact, 'phones'>, country = 'BR'): string[] {
  return [
    ...new Set(
      c.phones
        .map((p) => phoneKey(p.number, country))
        .filter(Boolean)
        .map((k) => `p:${k}`),
    ),
  ];
}

function personName(first: string, last: string): string {
  return `${first} ${last}`.trim();
}

/**
 * People's names are short, where trigrams are harsh ("Ana Souza" / "Ana Sousa"): Jaro-Winkler
 * counts too, but only when it is very high (it rates any two names sharing a first name well).
 */
function personSimilarity(a: string, b: string): number {
  const na = nameTokens(a).join(' ');
  const nb = nameTokens(b).join(' ');
  if (!na || !nb) return 0;
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  const jw = jaroWinkler(na, nb);
  return Math.max(dice(na, nb), dice(sorted(na), sorted(nb)), jw >= PERSON_JW_MIN ? jw : 0);
}

const PERSON_JW_MIN = 0.95;

/** Jaro-Winkler similarity (0–1) of two strings. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  if (!a || !b) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = matchedB[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function rank(matches: (DuplicateMatch | null)[], limit: number): DuplicateMatch[] {
  const seen = new Set<string>();
  return matches
    .filter((m): m is DuplicateMatch => m !== null && !seen.has(m.id) && Boolean(seen.add(m.id)))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
