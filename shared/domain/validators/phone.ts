// The "max" metadata checks numbers against each country's real patterns; the default ("min") only
// checks lengths and accepts e.g. "(11) 8765-4321", a Brazilian mobile missing its leading 9.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { digitsOnly } from '../text';
import type { ValidationError } from './errors';

/** Countries whose local numbers can be typed without the +country code. */
export type PhoneCountry = 'BR' | 'PT';

export type PhoneKind = 'mobile' | 'fixed_line' | 'toll_free' | 'other';

export type PhoneResult =
  | {
      ok: true;
      /** "+5511987654321": what is stored for dialling and duplicate detection. */
      e164: string;
      /** "(11) 98765-4321" as written inside the country. */
      national: string;
      /** "+55 11 98765 4321". */
      international: string;
      /** ISO country of the number, which may differ from the default ("+351…" typed in Brazil). */
      country: string;
      kind: PhoneKind;
    }
  | { ok: false; error: Extract<ValidationError, `phone_${string}`> };

const KINDS: Record<string, PhoneKind> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  // Portugal and Brazil both have ranges that may be either; treat as mobile for WhatsApp offers.
  FIXED_LINE_OR_MOBILE: 'mobile',
  TOLL_FREE: 'toll_free',
};

/** Parses a phone number as typed ("(11) 98765-4321", "+351 912 345 678", "00351…") and checks it. */
export function normalizePhone(value: string, defaultCountry: PhoneCountry = 'BR'): PhoneResult {
  const trimmed = value.trim();
  if (digitsOnly(trimmed).length === 0) return { ok: false, error: trimmed ? 'phone_invalid' : 'phone_required' };
  // "00" is the international prefix in Portugal (and the carrier-selection prefix in Brazil is
  // "0xx"); libphonenumber handles both when the right default country is given.
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, error: 'phone_invalid' };
  return {
    ok: true,
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    country: parsed.country ?? '',
    kind: KINDS[parsed.getType() ?? ''] ?? 'other',
  };
}

export function isValidPhone(value: string, defaultCountry: PhoneCountry = 'BR'): boolean {
  return normalizePhone(value, defaultCountry).ok;
}

/**
 * How a number is shown in lists: national format for numbers of the user's country, with the
 * country code for the rest; input that does not parse comes back unchanged so nothing is lost.
 */
export function formatPhone(value: string, userCountry: PhoneCountry = 'BR'): string {
  const result = normalizePhone(value, userCountry);
  if (!result.ok) return value;
  return result.country === userCountry ? result.national : result.international;
}
