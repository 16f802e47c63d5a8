import { useState, type ReactNode } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { contactEditPatch, contactFieldsFromForm, contactFormFromContact, emptyContactForm, type ContactFormValues } from '@shared/domain/contact-form';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { useRepository } from '../../db/DatabaseProvider';
import { useAccount, useContact } from '../../db/hooks';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { ContactForm } from './ContactForm';
import { phoneCountryOf, usePhoneCountry } from './usePhoneCountry';
import { errorMessage } from '@shared/error-message';
import { LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';

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
  // Wait for the account so numbers are read in its country from the start.
  const loading = Boolean((id && existing === undefined) || (accountId && account === undefined));
  const country = phoneCountryOf(account?.country, userCountry);
  const stored =
    loading || (id && !existing)
      ? null
      : existing
        ? contactFormFromContact(existing, country)
        : emptyContactForm({ accountId: account ? accountId : '', country });
  // The draft keeps what the editor opened with (the baseline of what the user changed) and
  // journals every change, so a killed window loses nothing typed.
  const draft = useFormDraft<ContactFormValues>('contact', id ?? (presetAccountId ? `new-${presetAccountId}` : 'new'), stored);

  if (id && existing === undefined) return <LoadingState />;
  if (id && existing === null) return <NotFoundState>{t('contacts.notFound')}</NotFoundState>;
  if (loading || !draft) return <LoadingState />;
  const started = draft.started;

  const submit = async (values: ContactFormValues) => {
    setSaveError(null);
    try {
      let saved;
      if (existing) {
        // Only what the user changed, over the contact as stored at save time: edits that synced
        // in while the editor was open stay.
        saved = await repo.update(existing.id, (current) => contactEditPatch(started, values, current, Date.now()));
      } else {
        const fields = contactFieldsFromForm(values, Date.now());
        if (account?.ownerId) fields.ownerId = account.ownerId;
        saved = await repo.create(fields);
      }
      draft.clear(values);
      guard.allowNavigation();
      navigate(paths.contact(saved.id));
    } catch (error) {
      setSaveError(t('errors.save_failed', { message: errorMessage(error) }));
    }
  };
  const cancel = () => {
    if (!guard.confirmLeave()) return;
    draft.clear();
    navigate(existing ? paths.contact(existing.id) : presetAccountId ? paths.account(presetAccountId) : paths.contacts());
  };

  return (
    <Stack>
      <Title order={2}>{existing ? t('contacts.editTitle') : t('contacts.newTitle')}</Title>
      {draft.restored && <DraftNotice onDiscard={draft.discard} />}
      <ContactForm
        key={`${existing?.id ?? 'new'}:${draft.generation}`}
        initial={started}
        restored={draft.restored}
        onValuesChange={draft.record}
        onSubmit={submit}
        onCancel={cancel}
        onDirtyChange={guard.setDirty}
        saveError={saveError}
        beforeFields={beforeFields}
      />
    </Stack>
  );
}
