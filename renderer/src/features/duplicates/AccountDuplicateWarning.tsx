import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AccountFormValues } from '@shared/domain/account-form';
import type { AccountProbe } from '@shared/domain/duplicates';
import { DuplicateWarning, type DuplicateItem } from './DuplicateWarning';
import { useAccountDuplicates } from './useDuplicates';
import { paths } from '../../app/paths';

const WATCHED = ['name', 'tradeName', 'taxId', 'phone', 'email', 'country'] as const;

/**
 * Watches the account editor (only the fields that identify a company, so the rest of the form
 * does not re-render) and warns about likely duplicates as the user types.
 */
export function AccountDuplicateWarning({ control, accountId }: { control: Control<AccountFormValues>; accountId?: string }) {
  const { t } = useTranslation();
  const [name, tradeName, taxId, phone, email, country] = useWatch({ control, name: WATCHED });
  const probe = useMemo<AccountProbe>(
    () => ({
      id: accountId,
      name: name ?? '',
      tradeName: tradeName ?? '',
      taxId: taxId ?? '',
      emails: email?.trim() ? [email] : [],
      phones: phone?.trim() ? [phone] : [],
      country: country === 'PT' ? 'PT' : 'BR',
    }),
    [accountId, name, tradeName, taxId, phone, email, country],
  );
  const { candidates } = useAccountDuplicates(probe);
  const first = candidates[0];
  const items: DuplicateItem[] = candidates.map(({ doc, match }) => {
    const title = doc.tradeName || doc.name;
    // Editing: merge the candidate into this account. Creating: nothing to merge the new one with
    // yet, but two existing look-alikes can be merged together (into the best match).
    const mergeInto = accountId ?? (first && first.doc.id !== doc.id ? first.doc : undefined);
    const intoId = typeof mergeInto === 'string' ? mergeInto : mergeInto?.id;
    const intoName = typeof mergeInto === 'string' ? '' : mergeInto ? mergeInto.tradeName || mergeInto.name : '';
    return {
      id: doc.id,
      title,
      subtitle: [doc.tradeName ? doc.name : '', doc.taxId, [doc.city, doc.state].filter(Boolean).join(' / ')].filter(Boolean).join(' · '),
      reasons: match.reasons,
      openHref: paths.account(doc.id),
      mergeHref: intoId ? paths.accountMerge(intoId, doc.id) : undefined,
      mergeLabel: intoId ? (accountId ? t('duplicates.mergeThis', { name: title }) : t('duplicates.mergeLabel', { name: title, other: intoName })) : undefined,
    };
  });
  return <DuplicateWarning kind="account" items={items} />;
}
