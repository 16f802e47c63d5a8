import { useRef, useState } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { accountEditPatch, accountFieldsFromForm, accountFormFromAccount, emptyAccountForm, type AccountFormValues } from '@shared/domain/account-form';
import { useRepository } from '../../db/DatabaseProvider';
import { useAccount } from '../../db/hooks';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { AccountDuplicateWarning } from '../duplicates';
import { AccountForm } from './AccountForm';

/** Create (no id) or edit an account; leaving with unsaved changes asks first. */
export function AccountEditPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const repo = useRepository('accounts');
  const existing = useAccount(id);
  const [saveError, setSaveError] = useState<string | null>(null);
  const guard = useUnsavedChangesGuard();
  // What the editor opened with: the baseline of "what the user changed" (the stored account may
  // move on underneath, e.g. by sync, and those changes must not be written back over).
  const startedFrom = useRef<{ id: string | undefined; values: AccountFormValues } | null>(null);

  if (id && existing === undefined) return <Loader role="status" aria-label={t('common.loading')} />;
  if (id && existing === null) return <Text role="alert">{t('accounts.notFound')}</Text>;
  const initial = existing ? accountFormFromAccount(existing) : emptyAccountForm();
  if (startedFrom.current?.id !== existing?.id || !startedFrom.current) startedFrom.current = { id: existing?.id, values: initial };
  const started = startedFrom.current.values;

  const submit = async (values: AccountFormValues) => {
    setSaveError(null);
    try {
      const saved = existing
        ? await repo.update(existing.id, (current) => accountEditPatch(started, values, current))
        : await repo.create(accountFieldsFromForm(values));
      guard.allowNavigation();
      navigate(`/accounts/${saved.id}`);
    } catch (error) {
      setSaveError(t('errors.save_failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const cancel = () => {
    if (!guard.confirmLeave()) return;
    navigate(existing ? `/accounts/${existing.id}` : '/accounts');
  };

  return (
    <Stack>
      <Title order={2}>{existing ? t('accounts.editTitle') : t('accounts.newTitle')}</Title>
      <AccountForm
        key={existing?.id ?? 'new'}
        initial={started}
        onSubmit={submit}
        onCancel={cancel}
        onDirtyChange={guard.setDirty}
        saveError={saveError}
        renderBelowIdentity={(control) => <AccountDuplicateWarning control={control} accountId={existing?.id} />}
      />
    </Stack>
  );
}
