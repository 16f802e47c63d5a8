import { useMemo } from 'react';
import type { AccountProbe, ContactProbe, DuplicateReason } from '@shared/domain/duplicates';
import type { LeadForm } from '@shared/domain/events/fair-lead';
import { splitPersonName } from '@shared/domain/events/fair-lead';
import { useDocuments } from '../../db/hooks';
import { accountQueries } from '../../db/collections/accounts';
import { useAccountDuplicates, useContactDuplicates } from '../duplicates';

/** An existing client the lead being typed looks like: the account, the person when known, and why. */
export interface ExistingClient {
  accountId: string;
  contactId: string;
  name: string;
  reasons: DuplicateReason[];
  score: number;
}

const MAX_SHOWN = 3;

/**
 * Existing clients matching the lead as typed, across the whole base and offline: the duplicate
 * detector's local paths (tax id and name indexes, the e-mail key index, the in-memory phone and
 * e-mail key maps), for the company and for the person, merged per account.
 */
export function useExistingClients(form: LeadForm): ExistingClient[] {
  const email = form.email.trim();
  const phone = form.phone.trim();
  const accountProbe = useMemo<AccountProbe | null>(
    () =>
      form.company.trim() || form.taxId.trim() || email || phone
        ? { name: form.company.trim(), tradeName: '', taxId: form.taxId, emails: email ? [email] : [], phones: phone ? [phone] : [], country: 'BR' }
        : null,
    [form.company, form.taxId, email, phone],
  );
  const contactProbe = useMemo<ContactProbe | null>(
    () => (email || phone ? { accountId: '', ...splitPersonName(form.name), emails: email ? [email] : [], phones: phone ? [phone] : [], country: 'BR' } : null),
    [form.name, email, phone],
  );
  const accounts = useAccountDuplicates(accountProbe).candidates;
  const contacts = useContactDuplicates(contactProbe).candidates;
  const missing = useMemo(
    () => [...new Set(contacts.map((c) => c.doc.accountId).filter((id) => id && !accounts.some((a) => a.doc.id === id)))].sort(),
    [contacts, accounts],
  );
  const contactAccounts = useDocuments('accounts', missing.length ? accountQueries.byIds(missing) : null);

  return useMemo(() => {
    const byAccount = new Map<string, ExistingClient>();
    for (const { doc, match } of accounts) {
      byAccount.set(doc.id, { accountId: doc.id, contactId: '', name: doc.tradeName || doc.name, reasons: match.reasons, score: match.score });
    }
    const names = new Map((contactAccounts ?? []).map((a) => [a.id, a.tradeName || a.name]));
    for (const { doc, match } of contacts) {
      const known = byAccount.get(doc.accountId);
      const name = known?.name ?? names.get(doc.accountId);
      if (!name) continue;
      const reasons = [...(known?.reasons ?? []), ...match.reasons.filter((r) => !known?.reasons.some((k) => k.kind === r.kind))];
      byAccount.set(doc.accountId, { accountId: doc.accountId, contactId: doc.id, name, reasons, score: Math.max(known?.score ?? 0, match.score) });
    }
    return [...byAccount.values()].sort((a, b) => b.score - a.score).slice(0, MAX_SHOWN);
  }, [accounts, contacts, contactAccounts]);
}
