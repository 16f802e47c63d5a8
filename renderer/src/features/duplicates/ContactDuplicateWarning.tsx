import { useMemo } from 'react';
import type { ContactFormValues } from '@shared/domain/contact-form';
import type { ContactProbe } from '@shared/domain/duplicates';
import { DuplicateWarning, type DuplicateItem } from './DuplicateWarning';
import { useContactDuplicates } from './useDuplicates';

/**
 * Warns, as the contact editor is typed in, about people who may already be there: same e-mail or
 * phone anywhere, or a similar name at the same account. Fed by the contact form's live slot.
 */
export function ContactDuplicateWarning({ values, contactId }: { values: Partial<ContactFormValues>; contactId?: string }) {
  const emails = (values.emails ?? []).map((e) => e?.address ?? '').filter((a) => a.trim());
  const phones = (values.phones ?? []).map((p) => p?.number ?? '').filter((n) => n.trim());
  const key = JSON.stringify([contactId, values.accountId, values.firstName, values.lastName, emails, phones, values.country]);
  const probe = useMemo<ContactProbe>(
    () => ({
      id: contactId, accountId: values.accountId ?? '', firstName: values.firstName ?? '', lastName: values.lastName ?? '',
      emails, phones, country: values.country === 'PT' ? 'PT' : 'BR',
    }),
    // The probe follows what was typed, compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const { candidates } = useContactDuplicates(probe);
  const items: DuplicateItem[] = candidates.map(({ doc, match }) => ({
    id: doc.id,
    title: `${doc.firstName} ${doc.lastName}`.trim(),
    subtitle: [doc.role, doc.emails[0]?.address, doc.phones[0]?.number].filter(Boolean).join(' · '),
    reasons: match.reasons,
    openHref: `/contacts/${doc.id}`,
  }));
  return <DuplicateWarning kind="contact" items={items} />;
}
