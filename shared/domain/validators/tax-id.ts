import { TAX_ID_KINDS } from '../../models/accounts';
import { alphanumericOnly, digitsOnly } from '../text';
import { formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj';
import { formatCpf, isValidCpf, normalizeCpf } from './cpf';
import { formatNif, isValidNif, normalizeNif } from './nif';
import type { ValidationError } from './errors';

export type TaxIdKind = (typeof TAX_ID_KINDS)[number];

export type TaxIdError = Extract<ValidationError, `tax_id_${string}`>;

export type TaxIdResult =
  /** `normalized`: letters and digits only, upper-case (the account's taxIdDigits); `formatted`: as shown. */
  | { ok: true; normalized: string; formatted: string }
  /** `error` is an i18n key. */
  | { ok: false; error: TaxIdError };

/** Bounds of the account's taxId / taxIdDigits fields. */
const MAX_TYPED = 30;
const MAX_NORMALIZED = 20;

/** Checks a tax id of the given kind; an empty value is an error unless the kind is 'none'. */
export function validateTaxId(kind: TaxIdKind, value: string): TaxIdResult {
  const typed = value.trim();
  if (kind === 'none') return typed ? { ok: false, error: 'tax_id_not_expected' } : { ok: true, normalized: '', formatted: '' };
  if (!typed) return { ok: false, error: 'tax_id_required' };
  if (typed.length > MAX_TYPED) return { ok: false, error: 'tax_id_too_long' };
  switch (kind) {
    case 'cnpj':
      return isValidCnpj(typed) ? { ok: true, normalized: normalizeCnpj(typed), formatted: formatCnpj(typed) } : { ok: false, error: 'tax_id_invalid_cnpj' };
    case 'cpf':
      return isValidCpf(typed) ? { ok: true, normalized: normalizeCpf(typed), formatted: formatCpf(typed) } : { ok: false, error: 'tax_id_invalid_cpf' };
    case 'nif':
      return isValidNif(typed) ? { ok: true, normalized: normalizeNif(typed), formatted: formatNif(typed) } : { ok: false, error: 'tax_id_invalid_nif' };
    case 'other': {
      // Foreign ids have no rule we can check; keep them as typed, but they must hold something searchable.
      const normalized = alphanumericOnly(typed);
      if (!normalized) return { ok: false, error: 'tax_id_invalid_other' };
      if (normalized.length > MAX_NORMALIZED) return { ok: false, error: 'tax_id_too_long' };
      return { ok: true, normalized, formatted: typed };
    }
  }
}

/**
 * The kind a typed tax id most likely is, to preselect the field while typing or importing: a valid
 * CNPJ/CPF/NIF is recognised anywhere; otherwise the length that fits the account's country decides
 * (14 characters → CNPJ, 11 digits → CPF in Brazil; 9 digits → NIF in Portugal). 'none' for empty.
 */
export function detectTaxIdKind(value: string, country: string = 'BR'): TaxIdKind {
  const typed = value.trim();
  if (!alphanumericOnly(typed)) return 'none';
  const inPortugal = country.toUpperCase() === 'PT';
  // A 9-digit NIF can never be a valid CNPJ/CPF (wrong length), so order only matters for country hints.
  if (isValidCnpj(typed)) return 'cnpj';
  if (isValidCpf(typed)) return 'cpf';
  if (isValidNif(typed)) return 'nif';
  if (inPortugal) return /^(PT)?[\d\s.-]+$/i.test(typed) && digitsOnly(typed).length <= 9 ? 'nif' : 'other';
  if (normalizeCnpj(typed)) return 'cnpj';
  if (normalizeCpf(typed)) return 'cpf';
  return country.toUpperCase() === 'BR' ? guessBrazilianByLength(typed) : 'other';
}

/** Partly typed Brazilian ids: a slash or 12+ characters means CNPJ, otherwise CPF-sized input. */
function guessBrazilianByLength(typed: string): TaxIdKind {
  const chars = alphanumericOnly(typed);
  if (typed.includes('/') || chars.length > 11) return chars.length <= 14 ? 'cnpj' : 'other';
  return /^\d+$/.test(chars) ? 'cpf' : 'other';
}

export { TAX_ID_KINDS };
