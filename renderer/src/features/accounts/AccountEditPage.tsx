import { useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { accountEditPatch, accountFieldsFromForm, accountFormFromAccount, emptyAccountForm, type AccountFormValues } from '@shared/domain/account-form';
import { useRepository } from '../../db/DatabaseProvider';
import { useAccount } from '../../db/hooks';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { AccountDuplicateWarning } from '../duplicates';
import { useRecordReferral } from '../cases';
import { AccountForm } from './AccountForm';
import { DraftNotice } from '../../app/drafts/DraftNotice';
import { useFormDraft } from '../../app/drafts/useFormDraft';
import { errorMessage } from '@shared/error-message';
import { LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';

/** Create (no id) or edit an account; leaving with unsaved changes asks first. */
export function AccountEditPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const repo = useRepository('accounts');
  const existing = useAccount(id);
  const [saveError, setSaveError] = useState<string | null>(null);
  const guard = useUnsavedChangesGuard();
  const recordReferral = useRecordReferral();
  // The draft keeps what the editor opened with — the baseline of "what the user changed" (the
  // stored account may move on underneath, e.g. by sync, and those changes must not be written
  // back over) — and journals every change, so a killed window loses nothing typed.
  const stored = existing ? accountFormFromAccount(existing) : id ? null : emptyAccountForm();
  const draft = useFormDraft<AccountFormValues>('account', id ?? 'new', stored);

  if (id && existing === undefined) return <LoadingState />;
  if (id && existing === null) return <NotFoundState>{t('accounts.notFound')}</NotFoundState>;
  if (!draft) return null;
  const started = draft.started;

  const submit = async (values: AccountFormValues) => {
    setSaveError(null);
    try {
      const saved = existing
        ? await repo.update(existing.id, (current) => accountEditPatch(started, values, current))
        : await repo.create(accountFieldsFromForm(values));
      await recordReferral(saved, values.referrerContactId ?? '');
      draft.clear(values);
      guard.allowNavigation();
      navigate(paths.account(saved.id));
    } catch (error) {
      setSaveError(t('errors.save_failed', { message: errorMessage(error) }));
    }
  };
  const cancel = () => {
    if (!guard.confirmLeave()) return;
    draft.clear();
    navigate(existing ? paths.account(existing.id) : paths.accounts());
  };

  return (
    <Stack>
      <Title order={2}>{existing ? t('accounts.editTitle') : t('accounts.newTitle')}</Title>
      {draft.restored && <DraftNotice onDiscard={draft.discard} />}
      <AccountForm
        key={`${existing?.id ?? 'new'}:${draft.generation}`}
        initial={started}
        restored={draft.restored}
        onValuesChange={draft.record}
        onSubmit={submit}
        onCancel={cancel}
        onDirtyChange={guard.setDirty}
        saveError={saveError}
        accountId={existing?.id}
        renderBelowIdentity={(control) => <AccountDuplicateWarning control={control} accountId={existing?.id} />}
      />
    </Stack>
  );
}
