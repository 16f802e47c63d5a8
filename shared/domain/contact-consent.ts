import { CONSENT_BASES, type Contact } from '../models';

/** LGPD / GDPR record kept on a contact: legal basis, marketing opt-in, when and where it was obtained. */
export type Consent = Contact['consent'];
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export interface ConsentInput {
  basis: ConsentBasis;
  marketing: boolean;
  /** Where it was obtained or withdrawn ("formulário da feira", "e-mail de 12/03"). */
  source: string;
}

export type ConsentError = { field: 'marketing' | 'source'; key: 'consent_marketing_needs_basis' | 'consent_source_required' | 'too_long' };

export const CONSENT_SOURCE_MAX = 200;

/**
 * What is wrong with a consent as entered: marketing messages need a legal basis, and any basis
 * other than "none" needs its source, so the record can be shown to the data subject or an auditor.
 */
export function consentErrors(input: ConsentInput): ConsentError[] {
  const errors: ConsentError[] = [];
  if (input.marketing && input.basis === 'none') errors.push({ field: 'marketing', key: 'consent_marketing_needs_basis' });
  const source = input.source.trim();
  if (source.length > CONSENT_SOURCE_MAX) errors.push({ field: 'source', key: 'too_long' });
  else if (input.basis !== 'none' && !source) errors.push({ field: 'source', key: 'consent_source_required' });
  return errors;
}

/** A consent recorded now. Throws on an invalid input (check `consentErrors` first). */
export function recordConsent(input: ConsentInput, now: number): Consent {
  const errors = consentErrors(input);
  if (errors.length) throw new Error(`invalid consent: ${errors.map((e) => e.key).join(', ')}`);
  return { basis: input.basis, marketing: input.marketing, at: now, source: input.source.trim() };
}

/**
 * The contact withdraws: no more marketing, and consent given as a basis ends. A contract or
 * legitimate interest stays (withdrawing consent does not end a contract), only the opt-in goes.
 */
export function withdrawConsent(current: Consent, source: string, now: number): Consent {
  return { basis: current.basis === 'consent' ? 'none' : current.basis, marketing: false, at: now, source: source.trim().slice(0, CONSENT_SOURCE_MAX) };
}

/** Whether the form changed the consent, so it needs a new date. */
export function consentChanged(current: Consent, input: ConsentInput): boolean {
  return current.basis !== input.basis || current.marketing !== input.marketing || current.source !== input.source.trim();
}
