/**
 * Validation failures as i18n keys: the UI translates them (pt-BR, pt-PT, en); shared code never
 * produces user-facing text.
 */
export const VALIDATION_ERRORS = [
  'tax_id_required',
  'tax_id_not_expected',
  'tax_id_too_long',
  'tax_id_invalid_cnpj',
  'tax_id_invalid_cpf',
  'tax_id_invalid_nif',
  'tax_id_invalid_other',
  'phone_required',
  'phone_invalid',
  'email_required',
  'email_invalid',
] as const;

export type ValidationError = (typeof VALIDATION_ERRORS)[number];
