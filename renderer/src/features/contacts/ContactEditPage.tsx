import { useState, type ReactNode } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { contactFieldsFromForm, contactFormFromContact, emptyContactForm, type ContactFormValues } from '@shared/domain/contact-form';
import { useRepository } from '../../db/DatabaseProvider';
import { useAccount, useContact } from '../../db/hooks';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { ContactForm } from './ContactForm';
import { phoneCountryOf, usePhoneCountry } from './usePhoneCountry';

export interface ContactEditPageProps {
  /** The contact to edit; none to create one. */
  id?: string;
  /** For a new contact: the account it belongs to (from `?accountId=`). */
  accountId?: string;
  /** Passed to ContactForm's slot above the fields. */
  beforeFields?: ReactNode | ((values: ContactFormValues) => ReactNode);
}

/** Create (no id) or edit a contact; leaving with unsaved changes asks first. */
export function ContactEditPage({ id, accountId: preset = '', beforeFields }: ContactEditPageProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const presetAccountId = id ? '' : preset;
  const repo = useRepository('contacts');
  const existing = useContact(id);
  const accountId = existing ? existing.accountId : presetAccountId;
  const account = useAccount(accountId || undefined);
  const userCountry = usePhoneCountry();
  const [saveError, setSaveError] = useState<string | null>(null);
  const guard = useUnsavedChangesGuard();

  if (id && existing === undefined) return <Loader role="status" aria-label={t('common.loading')} />;
  if (id && existing === null) return <Text role="alert">{t('contacts.notFound')}</Text>;
  // Wait for the account so numbers are read in its country from the start.
  if (accountId && account === undefined) return <Loader role="status" aria-label={t('common.loading')} />;
  const country = phoneCountryOf(account?.country, userCountry);
  const initial = existing ? contactFormFromContact(existing, country) : emptyContactForm({ accountId: account ? accountId : '', country });

  const submit = async (values: ContactFormValues) => {
    setSaveError(null);
    try {
      const fields = contactFieldsFromForm(values, Date.now(), existing ?? undefined);
      if (!existing && account?.ownerId) fields.ownerId = account.ownerId;
      const saved = existing ? await repo.update(existing.id, fields) : await repo.create(fields);
      guard.allowNavigation();
      navigate(`/contacts/${saved.id}`);
    } catch (error) {
      setSaveError(t('errors.save_failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const cancel = () => {
    if (!guard.confirmLeave()) return;
    navigate(existing ? `/contacts/${existing.id}` : presetAccountId ? `/accounts/${presetAccountId}` : '/contacts');
  };

  return (
    <Stack>
      <Title order={2}>{existing ? t('contacts.editTitle') : t('contacts.newTitle')}</Title>
      <ContactForm
        key={existing?.id ?? 'new'}
        initial={initial}
        onSubmit={submit}
        onCancel={cancel}
        onDirtyChange={guard.setDirty}
        saveError={saveError}
        beforeFields={beforeFields}
      />
    </Stack>
  );
}
