import { IpcError, type ExternalOpenResult } from '../../../shared/ipc';

/** Longest link accepted; a mailto: with a long body is still far below this. */
export const EXTERNAL_URL_MAX_LENGTH = 2048;
/** E.164 allows 15 digits; a few more leave room for an extension dialled straight after. */
const TEL_MAX_DIGITS = 20;
const TEL_MIN_DIGITS = 3;
const MAX_RECIPIENTS = 20;
const SUBJECT_MAX = 255;
const BODY_MAX = 1800;

/** RFC 3966 visual separators plus the spaces people type. */
const TEL_SEPARATORS = /[\s\-.()/]/g;
/** A practical address: no spaces, quotes, angle brackets or commas; a dotted domain. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
// Control characters anywhere (newlines would let a link smuggle extra headers into a mail client).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(reason: string): never {
  throw new IpcError('external_url_refused', reason);
}

/**
 * Checks a click-to-call or click-to-mail link and returns it normalised, or throws
 * IpcError('external_url_refused'). Only `tel:` (digits, one leading +, visual separators) and
 * `mailto:` (one or more addresses, optional subject and body) pass: http, file, javascript:, smb:
 * and the like would let a synced record open arbitrary programs or files on the user's machine.
 */
export function normalizeExternalUrl(raw: string): string {
  if (typeof raw !== 'string') refuse('Not a string');
  if (raw.length > EXTERNAL_URL_MAX_LENGTH) refuse(`Longer than ${EXTERNAL_URL_MAX_LENGTH} characters`);
  if (CONTROL.test(raw)) refuse('Contains control characters or newlines');
  const value = raw.trim();
  const colon = value.indexOf(':');
  const scheme = colon > 0 ? value.slice(0, colon).toLowerCase() : '';
  const rest = value.slice(colon + 1);
  if (scheme === 'tel') return normalizeTel(rest);
  if (scheme === 'mailto') return normalizeMailto(rest);
  return refuse(`Only tel: and mailto: links can be opened, not ${scheme ? `${scheme}:` : 'this'}`);
}

function normalizeTel(rest: string): string {
  // Links may percent-encode the + and spaces (%2B, %20); decoded, they get the same checks.
  const decoded = decode(rest);
  if (CONTROL.test(decoded)) refuse('Contains control characters or newlines');
  const compact = decoded.replace(TEL_SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) refuse('A phone link holds digits, one leading + and separators only');
  const digits = compact.replace('+', '').length;
  if (digits < TEL_MIN_DIGITS || digits > TEL_MAX_DIGITS) refuse(`A phone number has ${TEL_MIN_DIGITS} to ${TEL_MAX_DIGITS} digits`);
  return `tel:${compact}`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return refuse('Malformed percent-encoding');
  }
}

function normalizeMailto(rest: string): string {
  const question = rest.indexOf('?');
  const to = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? '' : rest.slice(question + 1);
  if (query.includes('#') || to.includes('#')) refuse('A mail link has no fragment');

  const addresses = decode(to)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (addresses.length === 0) refuse('A mail link needs at least one address');
  if (addresses.length > MAX_RECIPIENTS) refuse(`At most ${MAX_RECIPIENTS} addresses`);
  for (const address of addresses) if (!EMAIL.test(address)) refuse(`Not an e-mail address: ${address}`);

  const fields: { subject?: string; body?: string } = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    // Other headers (cc, bcc, attach, in-reply-to…) are refused: `attach` in particular makes some
    // mail clients attach a local file chosen by whoever wrote the link.
    if (key !== 'subject' && key !== 'body') return refuse(`Only subject and body may be set, not ${key}`);
    if (fields[key] !== undefined) refuse(`${key} given twice`);
    fields[key] = value;
  }
  if (fields.subject !== undefined && (CONTROL.test(fields.subject) || fields.subject.length > SUBJECT_MAX)) refuse('Subject has newlines or is too long');
  // The body may have line breaks (encoded), but no other control characters.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (fields.body !== undefined && (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(fields.body) || fields.body.length > BODY_MAX)) {
    refuse('Body has control characters or is too long');
  }

  const params: string[] = [];
  if (fields.subject) params.push(`subject=${encodeURIComponent(fields.subject)}`);
  if (fields.body) params.push(`body=${encodeURIComponent(fields.body)}`);
  const url = `mailto:${addresses.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',')}${params.length ? `?${params.join('&')}` : ''}`;
  if (url.length > EXTERNAL_URL_MAX_LENGTH) refuse(`Longer than ${EXTERNAL_URL_MAX_LENGTH} characters once encoded`);
  return url;
}

export interface ExternalLinksOptions {
  /** Electron's shell.openExternal; absent in web mode, where the browser opens links itself. */
  openExternal?: (url: string) => Promise<void>;
}

/** Answers `shell:openExternal`. */
export interface ExternalLinksService {
  open(url: string): Promise<ExternalOpenResult>;
}

export function createExternalLinksService({ openExternal }: ExternalLinksOptions = {}): ExternalLinksService {
  return {
    async open(raw) {
      const url = normalizeExternalUrl(raw);
      if (!openExternal) return { opened: false, url };
      try {
        await openExternal(url);
      } catch (error) {
        throw new IpcError('external_open_failed', error instanceof Error ? error.message : String(error));
      }
      return { opened: true, url };
    },
  };
}
