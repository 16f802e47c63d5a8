import { normalizePhone, validateEmail, type PhoneCountry } from './validators';

/**
 * Click-to-call and click-to-mail links. Only `tel:` with an E.164 number and `mailto:` with a valid
 * address are ever built or accepted, so nothing typed into a contact (e.g. "javascript:…") can
 * become a link that runs code or opens an arbitrary program.
 */

const TEL = /^tel:\+[1-9]\d{6,14}$/;

/** `tel:+5511987654321` for a number as typed ("(11) 98765-4321"); null when it is not a valid phone. */
export function telHref(number: string, defaultCountry: PhoneCountry = 'BR'): string | null {
  const phone = normalizePhone(number, defaultCountry);
  return phone.ok ? `tel:${phone.e164}` : null;
}

/** `mailto:ana%2Bvendas@empresa.com.br` for a valid address; null otherwise. */
export function mailtoHref(address: string): string | null {
  const email = validateEmail(address);
  if (!email.ok) return null;
  const at = email.normalized.lastIndexOf('@');
  const local = email.normalized.slice(0, at);
  const domain = email.normalized.slice(at + 1);
  return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain).replace(/%2E/gi, '.')}`;
}

/**
 * Whether a finished URL is one of ours: `tel:` + E.164, or `mailto:` + one valid address with no
 * query, spaces or control characters. Checked again right before opening.
 */
export function isContactHref(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (typeof url !== 'string' || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  if (url.startsWith('tel:')) return TEL.test(url);
  if (!url.startsWith('mailto:')) return false;
  const rest = url.slice('mailto:'.length);
  if (/[?#,;]/.test(rest)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return false;
  }
  return validateEmail(decoded).ok && mailtoHref(decoded) === url;
}
