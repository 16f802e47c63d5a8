import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFormValues } from '@shared/domain/contact-form';
import type { ContactProbe } from '@shared/domain/duplicates';
import { contactName } from '@shared/domain/record-merge-contacts';
import { DuplicateWarning, type DuplicateItem } from './DuplicateWarning';
import { useContactDuplicates } from './useDuplicates';
import { paths } from '../../app/paths';

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
      id: contactId,
      accountId: values.accountId ?? '',
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      emails,
      phones,
      country: values.country === 'PT' ? 'PT' : 'BR',
    }),
    // The probe follows what was typed, compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const { t } = useTranslation();
  const { candidates } = useContactDuplicates(probe);
  const first = candidates[0];
  const items: DuplicateItem[] = candidates.map(({ doc, match }) => {
    const title = contactName(doc);
    // Editing: merge the candidate into this contact. Creating: two existing look-alikes can be merged together.
    const into = contactId ? { id: contactId, name: '' } : first && first.doc.id !== doc.id ? { id: first.doc.id, name: contactName(first.doc) } : null;
    return {
      id: doc.id,
      title,
      subtitle: [doc.role, doc.emails[0]?.address, doc.phones[0]?.number].filter(Boolean).join(' · '),
      reasons: match.reasons,
      openHref: paths.contact(doc.id),
      mergeHref: into ? paths.contactMerge(into.id, doc.id) : undefined,
      mergeLabel: into
        ? contactId
          ? t('duplicates.contactMergeThis', { name: title })
          : t('duplicates.mergeLabel', { name: title, other: into.name })
        : undefined,
    };
  });
  return <DuplicateWarning kind="contact" items={items} />;
}
