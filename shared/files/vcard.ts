import { contentLines, escapeText, paramValue, splitEscaped, unescapeText } from './content-lines';
import { decodeWindows1252 } from './windows-1252';

/** A phone or an e-mail of a card, with its types in lower case (`work`, `cell`, `home`, `voice`…). */
export interface CardValue {
  value: string;
  types: string[];
  /** Marked preferred (vCard 2.1/3.0 `PREF` type, vCard 4.0 `PREF=1`). */
  preferred: boolean;
  /** The label an Apple/iPhone card gives its group (`item1.X-ABLabel`), when there is one. */
  label?: string;
}

export interface CardAddress {
  types: string[];
  poBox: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

/** A contact as read from a vCard or a MeCard; absent fields are '' or []. */
export interface CardContact {
  /** '2.1', '3.0', '4.0', or 'mecard'. */
  version: string;
  fullName: string;
  name: { family: string; given: string; additional: string; prefix: string; suffix: string };
  /** ORG's first part (the company); `units` the rest (departments). */
  organization: string;
  units: string[];
  title: string;
  phones: CardValue[];
  emails: CardValue[];
  addresses: CardAddress[];
  urls: string[];
  note: string;
  /** As written (`1980-04-23`, `19800423`, `--0423`). */
  birthday: string;
}

interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare vCard 2.1 parameters (`TEL;WORK;VOICE`), lower case. */
  bare: string[];
  value: string;
}

const emptyContact = (version: string): CardContact => ({
  version,
  fullName: '',
  name: { family: '', given: '', additional: '', prefix: '', suffix: '' },
  organization: '',
  units: [],
  title: '',
  phones: [],
  emails: [],
  addresses: [],
  urls: [],
  note: '',
  birthday: '',
});

/** Splits at the first `:` outside double quotes (parameter values may be quoted and hold `:`). */
function splitNameValue(line: string): [string, string] | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return [line.slice(0, i), line.slice(i + 1)];
  }
  return null;
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function parseProperty(line: string): Property | null {
  const split = splitNameValue(line);
  if (!split) return null;
  const [head, value] = split;
  const [first, ...rest] = splitParams(head);
  const dot = first!.indexOf('.');
  const property: Property = {
    group: dot >= 0 ? first!.slice(0, dot).toLowerCase() : '',
    name: (dot >= 0 ? first!.slice(dot + 1) : first!).toUpperCase(),
    params: new Map(),
    bare: [],
    value,
  };
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      property.bare.push(param.trim().toLowerCase());
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const values = param
      .slice(eq + 1)
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((v) => v.trim().replace(/^"|"$/g, ''));
    property.params.set(key, [...(property.params.get(key) ?? []), ...values]);
  }
  return property;
}

const isQuotedPrintable = (p: Property) =>
  (p.params.get('ENCODING') ?? []).some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE') || p.bare.includes('quoted-printable');

/** Quoted-printable bytes (`=C3=A9`) to text in the property's CHARSET (UTF-8 unless said otherwise). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const raw = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(raw[i]!));
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  const name = charset.toLowerCase();
  // ISO-8859-1 files from old phones are Windows-1252 in practice (as browsers treat them).
  if (name === 'windows-1252' || name === 'iso-8859-1' || name === 'latin1' || name === 'cp1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(name || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The logical lines of a file: folded lines joined, and vCard 2.1 quoted-printable soft breaks (`=` at the end) followed. */
function logicalLines(text: string): string[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: string[] = [];
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i]!;
    if (/^[ \t]/.test(line) && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
      continue;
    }
    // A quoted-printable value ending in "=" goes on, on the next line, unindented.
    if (/quoted-printable/i.test(line.split(':')[0] ?? '')) {
      while (line.endsWith('=') && i + 1 < physical.length) line = `${line}\n${physical[++i]}`;
    }
    lines.push(line);
  }
  return lines;
}

function typesOf(p: Property): string[] {
  const types = [...(p.params.get('TYPE') ?? []).flatMap((t) => t.split(',')), ...p.bare.filter((b) => b !== 'quoted-printable' && !b.startsWith('charset'))];
  return [...new Set(types.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

const isPreferred = (p: Property, types: string[]) => types.includes('pref') || (p.params.get('PREF') ?? []).length > 0;

/** Apple's `X-ABLabel` values look like `_$!<Mobile>!$_` for the built-in ones. */
const cleanLabel = (label: string) => label.replace(/^_\$!<(.*)>!\$_$/, '$1');

/**
 * Every contact in a .vcf file: vCard 2.1 (bare types, quoted-printable, CHARSET), 3.0 (Google,
 * iPhone, Outlook) and 4.0. Unknown properties and photos are skipped; a file with no card gives [].
 */
export function parseVCards(text: string): CardContact[] {
  const contacts: CardContact[] = [];
  let props: Property[] | null = null;
  for (const line of logicalLines(text)) {
    const trimmed = line.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) props = [];
    else if (/^END:VCARD$/i.test(trimmed)) {
      if (props) contacts.push(contactOf(props));
      props = null;
    } else if (props && trimmed) {
      const p = parseProperty(line);
      if (p) props.push(p);
    }
  }
  return contacts;
}

function contactOf(props: Property[]): CardContact {
  const version = props.find((p) => p.name === 'VERSION')?.value.trim() ?? '3.0';
  const contact = emptyContact(version);
  const labels = new Map(props.filter((p) => p.name === 'X-ABLABEL' && p.group).map((p) => [p.group, cleanLabel(p.value)]));
  for (const p of props) {
    const raw = isQuotedPrintable(p)
      ? decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0] ?? p.bare.find((b) => b.startsWith('charset'))?.slice(8) ?? 'utf-8')
      : p.value;
    const text = () => unescapeText(raw).trim();
    const parts = () => splitEscaped(raw, ';').map((s) => s.trim());
    switch (p.name) {
      case 'FN':
        contact.fullName = text();
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts();
        contact.name = { family, given, additional, prefix, suffix };
        break;
      }
      case 'ORG': {
        const [organization = '', ...units] = parts();
        contact.organization = organization;
        contact.units = units.filter(Boolean);
        break;
      }
      case 'TITLE':
        contact.title = text();
        break;
      case 'TEL':
      case 'EMAIL': {
        let value = text();
        if (p.name === 'TEL') value = value.replace(/^tel:/i, '').replace(/;.*$/, '');
        if (p.name === 'EMAIL') value = value.replace(/^mailto:/i, '');
        if (!value) break;
        const types = typesOf(p);
        const entry: CardValue = { value, types: types.filter((t) => t !== 'pref' && t !== 'internet'), preferred: isPreferred(p, types) };
        const label = p.group ? labels.get(p.group) : undefined;
        if (label) entry.label = label;
        (p.name === 'TEL' ? contact.phones : contact.emails).push(entry);
        break;
      }
      case 'ADR': {
        const [poBox = '', extended = '', street = '', locality = '', region = '', postalCode = '', country = ''] = parts();
        contact.addresses.push({ types: typesOf(p).filter((t) => t !== 'pref'), poBox, extended, street, locality, region, postalCode, country });
        break;
      }
      case 'URL':
        if (text()) contact.urls.push(unescapeText(raw).trim());
        break;
      case 'NOTE':
        contact.note = text();
        break;
      case 'BDAY':
        contact.birthday = text();
        break;
    }
  }
  if (!contact.fullName)
    contact.fullName = [contact.name.prefix, contact.name.given, contact.name.additional, contact.name.family, contact.name.suffix].filter(Boolean).join(' ');
  return contact;
}

/** A MeCard (the QR-code contact format: `MECARD:N:Silva,João;TEL:…;EMAIL:…;;`); null when the text is not one. */
export function parseMeCard(text: string): CardContact | null {
  const body = /^\s*MECARD:(.*?)(;;)?\s*$/is.exec(text)?.[1];
  if (body === undefined) return null;
  const contact = emptyContact('mecard');
  // Fields end at an unescaped ';'; values escape '\', ';', ',' and ':' with a backslash.
  for (const field of splitRaw(body, ';')) {
    const colon = field.indexOf(':');
    if (colon < 0) continue;
    const key = field.slice(0, colon).toUpperCase();
    const value = field.slice(colon + 1);
    const plain = () => value.replace(/\\(.)/g, '$1').trim();
    switch (key) {
      case 'N': {
        const [family = '', given = ''] = splitRaw(value, ',').map((s) => s.replace(/\\(.)/g, '$1').trim());
        contact.name = { ...contact.name, family, given };
        break;
      }
      case 'TEL':
      case 'TEL-AV':
        if (plain()) contact.phones.push({ value: plain(), types: key === 'TEL-AV' ? ['video'] : [], preferred: false });
        break;
      case 'EMAIL':
        if (plain()) contact.emails.push({ value: plain(), types: [], preferred: false });
        break;
      case 'ORG':
        contact.organization = plain();
        break;
      case 'TITLE':
        contact.title = plain();
        break;
      case 'NOTE':
        contact.note = plain();
        break;
      case 'URL':
        if (plain()) contact.urls.push(plain());
        break;
      case 'BDAY':
        contact.birthday = plain();
        break;
      case 'ADR':
        contact.addresses.push({ types: [], poBox: '', extended: '', street: plain(), locality: '', region: '', postalCode: '', country: '' });
        break;
    }
  }
  const { given, family } = contact.name;
  contact.fullName = given && family ? `${given} ${family}` : given || family;
  return contact;
}

/** Splits on a separator not escaped with a backslash, escapes kept. */
function splitRaw(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i]! + text[i + 1]!;
      i++;
    } else if (text[i] === separator) {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts.filter((p) => p !== '');
}

/** What a vCard 4.0 is written from. */
export interface CardToWrite {
  /** Stable id (the contact's), written as UID so re-importing updates instead of duplicating. */
  uid?: string;
  fullName: string;
  family?: string;
  given?: string;
  organization?: string;
  title?: string;
  phones?: { value: string; types?: string[]; preferred?: boolean }[];
  emails?: { value: string; types?: string[]; preferred?: boolean }[];
  note?: string;
  /** ISO `YYYY-MM-DD`. */
  birthday?: string;
  /** Epoch ms of the last change (REV). */
  updatedAt?: number;
}

const typeParam = (types: readonly string[] | undefined, preferred: boolean | undefined) =>
  `${types?.length ? `;TYPE=${paramValue(types.map((t) => t.toLowerCase()).join(','))}` : ''}${preferred ? ';PREF=1' : ''}`;

/** A phone as a `tel:` URI (RFC 3966): global numbers keep `+`, spaces and brackets become `-`. */
function telUri(number: string): string {
  const visual = number
    .trim()
    .replace(/[\s().]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `tel:${visual.replace(/[^0-9+*#-]/g, '')}`;
}

const utcStamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** vCard 4.0 (RFC 6350) of contacts: UTF-8, CRLF, folded at 75 octets, text escaped. */
export function writeVCards(cards: readonly CardToWrite[]): string {
  return cards.map(writeVCard).join('');
}

function writeVCard(card: CardToWrite): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(card.fullName)}`];
  lines.push(`N:${[card.family ?? '', card.given ?? '', '', '', ''].map(escapeText).join(';')}`);
  if (card.uid) lines.push(`UID:${escapeText(card.uid)}`);
  if (card.organization) lines.push(`ORG:${escapeText(card.organization)}`);
  if (card.title) lines.push(`TITLE:${escapeText(card.title)}`);
  for (const phone of card.phones ?? []) if (phone.value.trim()) lines.push(`TEL;VALUE=uri${typeParam(phone.types, phone.preferred)}:${telUri(phone.value)}`);
  for (const email of card.emails ?? [])
    if (email.value.trim()) lines.push(`EMAIL${typeParam(email.types, email.preferred)}:${escapeText(email.value.trim())}`);
  if (card.birthday && /^\d{4}-\d{2}-\d{2}$/.test(card.birthday)) lines.push(`BDAY:${card.birthday.replace(/-/g, '')}`);
  if (card.note) lines.push(`NOTE:${escapeText(card.note)}`);
  if (card.updatedAt !== undefined) lines.push(`REV:${utcStamp(card.updatedAt)}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}
