import type { ValidationError } from './errors';

/**
 * Pragmatic e-mail check: what a person can type into a mail client and reach someone with. Not
 * RFC 5322 (quoted local parts and IP literals are legal but only typos in a CRM); it accepts
 * unicode letters since Brazilian and Portuguese domains and mailboxes may carry accents.
 */

const MAX_LENGTH = 254;
const MAX_LOCAL = 64;
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^\p{L}{2,63}$/u;

/** Trimmed, with the domain lower-cased (domains are case-insensitive; local parts in theory are not). */
export function normalizeEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();
}

/** The key duplicates are found by: the whole address lower-cased, as every real mail server treats it. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

export function isValidEmail(value: string): boolean {
  const address = value.trim();
  if (address.length === 0 || address.length > MAX_LENGTH) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  // A bare host ("joao@empresa") is a typo in practice: require a dot and a letter-only TLD.
  if (labels.length < 2 || !TLD.test(labels[labels.length - 1]!)) return false;
  return labels.every((label) => LABEL.test(label));
}

export type EmailResult = { ok: true; normalized: string; key: string } | { ok: false; error: Extract<ValidationError, `email_${string}`> };

/** Form-level check: `error` is an i18n key. */
export function validateEmail(value: string): EmailResult {
  if (!value.trim()) return { ok: false, error: 'email_required' };
  if (!isValidEmail(value)) return { ok: false, error: 'email_invalid' };
  return { ok: true, normalized: normalizeEmail(value), key: emailKey(value) };
}
