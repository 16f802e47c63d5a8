import type { Contract, Deal, Money } from '../../models';
import { contractTermIssues, nextContractVersion, termsOf, type ContractIssue, type ContractTerms } from './contracts';

/** A contract's terms as typed: amounts and numbers stay text until they parse, so nothing typed is lost. */
export interface ContractForm {
  title: string;
  /** The value in major units as typed ("1.234,56" in Portuguese, "1,234.56" in English). */
  value: string;
  currency: Contract['value']['currency'];
  startDate: string;
  endDate: string;
  termMonths: string;
  renewalDate: string;
  clauses: Contract['clauses'];
}

export type ContractFormIssue = ContractIssue | 'title_required' | 'value_invalid' | 'term_invalid';
export type ContractFormField = 'title' | 'value' | 'endDate' | 'termMonths' | 'renewalDate';
export type ContractFormErrors = Partial<Record<ContractFormField, ContractFormIssue>>;

/** Whether the language writes 1.234,56 (Portuguese) rather than 1,234.56. */
const commaDecimal = (locale: string) => !locale.toLowerCase().startsWith('en');

/**
 * A typed amount in minor units (centavos), or null when it is not one. Portuguese "1.234,56" and
 * "1234,56", English "1,234.56"; a lone "1234.5" is read as a decimal point in either. A minus sign
 * is kept (the caller says a value cannot be negative, rather than "not a number").
 */
export function parseTypedAmount(typed: string, locale: string): number | null {
  let s = typed.replace(/[\s\u00a0]/g, '').replace(/^(R\$|€|\$|US\$)/, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (commaDecimal(locale)) {
    if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
    else if (!/^\d+\.\d{1,2}$/.test(s)) s = s.replace(/\./g, '');
  } else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, fraction = ''] = s.split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** Minor units as the form shows them: "12000,00" / "12000.00" (no grouping, so editing is plain). */
export function formatTypedAmount(minor: number, locale: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const text = `${Math.trunc(abs / 100)}${commaDecimal(locale) ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
  return sign + text;
}

/** The form of a contract's current terms. */
export function contractFormOf(c: ContractTerms, locale: string): ContractForm {
  const t = termsOf(c);
  return {
    title: t.title,
    value: formatTypedAmount(t.value.amount, locale),
    currency: t.value.currency,
    startDate: t.startDate,
    endDate: t.endDate,
    termMonths: String(t.termMonths),
    renewalDate: t.renewalDate,
    clauses: t.clauses,
  };
}

/** The terms a form holds, or what is wrong with each field (nothing is saved then). */
export function contractTermsFromForm(
  form: ContractForm,
  locale: string,
): { ok: true; terms: Required<ContractTerms> } | { ok: false; errors: ContractFormErrors } {
  const errors: ContractFormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'title_required';
  const amount = parseTypedAmount(form.value, locale);
  if (amount === null) errors.value = 'value_invalid';
  const termMonths = /^\s*\d{1,3}\s*$/.test(form.termMonths) ? Number(form.termMonths) : Number.NaN;
  if (!(termMonths >= 0 && termMonths <= 600)) errors.termMonths = 'term_invalid';
  const value = { amount: amount ?? 0, currency: form.currency };
  for (const issue of contractTermIssues({ startDate: form.startDate, endDate: form.endDate, renewalDate: form.renewalDate, value })) {
    if (issue === 'value_negative') errors.value ??= issue;
    else if (issue === 'dates_out_of_order') errors.endDate = issue;
    else if (issue === 'renewal_after_end') errors.renewalDate = issue;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    terms: {
      title,
      value,
      startDate: form.startDate,
      endDate: form.endDate,
      termMonths,
      renewalDate: form.renewalDate,
      clauses: form.clauses.map((c) => ({ ...c, text: c.text.trim() })),
    },
  };
}

/** A contract number of the device's making, unique with the id: "CT-2026-7KQ2F". */
export const contractNumberFor = (id: string, today: string): string => `CT-${today.slice(0, 4)}-${id.slice(-5).toUpperCase()}`;

export interface NewContractInput {
  id: string;
  today: string;
  at: number;
  by: string;
  accountId: string;
  dealId?: string;
  title: string;
  value: Money;
  clauses?: Contract['clauses'];
  ownerId: string;
}

/** A new draft contract: its number, and version 1 holding the terms it starts with. */
export function newContractFields(input: NewContractInput): Omit<Contract, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'fieldTimes'> {
  const terms = termsOf({
    title: input.title.slice(0, 200),
    value: input.value,
    startDate: '',
    endDate: '',
    termMonths: 12,
    renewalDate: '',
    clauses: input.clauses ?? [],
  });
  return {
    number: contractNumberFor(input.id, input.today),
    accountId: input.accountId,
    dealId: input.dealId ?? '',
    status: 'draft',
    ...terms,
    versions: [{ version: 1, at: input.at, by: input.by, summary: '', terms }],
    signedAt: 0,
    ownerId: input.ownerId.slice(0, 80),
    notes: [],
  };
}

/** The draft contract a won deal becomes: its account, value and a referral clause to edit. */
export function contractFromDeal(
  deal: Pick<Deal, 'id' | 'accountId' | 'title' | 'value' | 'ownerId'>,
  referralText: string,
  ids: { id: string; clauseId: string },
  context: { today: string; at: number; by: string },
) {
  return newContractFields({
    id: ids.id,
    today: context.today,
    at: context.at,
    by: context.by,
    accountId: deal.accountId,
    dealId: deal.id,
    title: deal.title || ids.id,
    value: deal.value,
    clauses: referralText.trim() ? [{ id: ids.clauseId, kind: 'referral', text: referralText.trim() }] : [],
    ownerId: deal.ownerId || context.by,
  });
}

/**
 * The patch that makes `terms` the contract's current terms and appends the version recording it;
 * null when nothing changed. Versions from before schema version 1 carry no terms: the latest one is
 * given the terms as they stand (what it last agreed), and a contract with no version gets version 1
 * of them, so the new version can always be compared with the one before.
 */
export function contractRevision(
  c: Contract,
  terms: Required<ContractTerms>,
  by: string,
  at: number,
): { patch: Pick<Contract, 'title' | 'value' | 'startDate' | 'endDate' | 'termMonths' | 'renewalDate' | 'clauses' | 'versions'>; version: number } | null {
  const before = termsOf(c);
  let versions = c.versions;
  const latest = versions.reduce<Contract['versions'][number] | undefined>((top, v) => (!top || v.version > top.version ? v : top), undefined);
  if (!latest) versions = [{ version: 1, at: c.createdAt, by: c.updatedBy, summary: '', terms: before }];
  else if (!latest.terms) versions = versions.map((v) => (v === latest ? { ...v, terms: before } : v));
  const next = nextContractVersion(versions, before, terms, by, at);
  if (!next) return null;
  return { patch: { ...terms, versions: [...versions, next.entry] }, version: next.entry.version };
}
