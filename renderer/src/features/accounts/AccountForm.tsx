import { keyUnder } from '../../i18n/app-messages';
import { type ReactNode } from 'react';
import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Control, FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_SEGMENTS, ACCOUNT_SOURCES, ACCOUNT_STATUSES, TAX_ID_KINDS } from '@shared/models';
import { FORM_COUNTRIES, accountFormSchema, type AccountFormValues } from '@shared/domain/account-form';
import { FormErrorSummary, FormShell } from '../../ui/FormShell';
import { useFormShell } from '../../ui/form-shell';
import { ReferralFields } from '../cases';

export interface AccountFormProps {
  initial: AccountFormValues;
  /** Saves valid values; a rejection shows its message and keeps everything typed. */
  onSubmit(values: AccountFormValues): Promise<void>;
  onCancel(): void;
  /** Told whenever the form gains or loses unsaved changes (for the leave guard). */
  onDirtyChange?(dirty: boolean): void;
  saveError?: string | null;
  /** Shown under the identity fields, with the live form (the duplicates warning). */
  renderBelowIdentity?(control: Control<AccountFormValues>): ReactNode;
  /** Values restored from a draft, shown over `initial` when the form mounts. */
  restored?: AccountFormValues | null;
  /** Told of every change as it happens (the draft journal). */
  onValuesChange?(values: AccountFormValues): void;
  /** The account being edited (not offered as its own referrer); absent for a new one. */
  accountId?: string;
}

/** The account editor. Validation runs on submit, then as you fix; nothing typed is ever cleared. Ctrl+S / Cmd+S saves. */
export function AccountForm({
  initial,
  onSubmit,
  onCancel,
  onDirtyChange,
  saveError,
  renderBelowIdentity,
  restored,
  onValuesChange,
  accountId,
}: AccountFormProps) {
  const { t } = useTranslation();
  // The page holds the leave guard (its Cancel asks, its save releases): the form reports dirtiness to it.
  const { form } = useFormShell<AccountFormValues>({
    defaultValues: initial,
    schema: accountFormSchema,
    guard: false,
    onDirtyChange,
    restored,
    onValuesChange,
  });
  const { register, formState, watch, control } = form;
  const { errors, isSubmitting } = formState;
  const message = (e: FieldError | undefined) => (e?.message ? t(keyUnder('errors', e.message), { max: 200 }) : undefined);
  const country = watch('country');
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(keyUnder(prefix, v)) }));

  return (
    <FormShell form={form} onSubmit={onSubmit} summary="manual" aria-label={t('accounts.sections.identity')}>
      <Stack gap="md" maw={880}>
        <FormErrorSummary title={t('accounts.formErrors')} />
        {saveError && (
          <Alert color="red" role="alert">
            {saveError}
          </Alert>
        )}
        <Fieldset legend={t('accounts.sections.identity')}>
          <SimpleGrid cols={2}>
            <TextInput label={t('accounts.fields.name')} withAsterisk {...register('name')} error={message(errors.name)} data-autofocus autoFocus />
            <TextInput label={t('accounts.fields.tradeName')} {...register('tradeName')} error={message(errors.tradeName)} />
            <NativeSelect label={t('accounts.fields.status')} {...register('status')} data={options(ACCOUNT_STATUSES, 'status')} />
            <NativeSelect label={t('accounts.fields.segment')} {...register('segment')} data={options(ACCOUNT_SEGMENTS, 'segment')} />
            <NativeSelect label={t('accounts.fields.country')} {...register('country')} data={options(FORM_COUNTRIES, 'country')} />
            <TextInput label={t('accounts.fields.industry')} {...register('industry')} error={message(errors.industry)} />
            <NativeSelect label={t('accounts.fields.taxIdKind')} {...register('taxIdKind')} data={options(TAX_ID_KINDS, 'taxIdKind')} />
            <TextInput
              label={t('accounts.fields.taxId')}
              {...register('taxId')}
              error={message(errors.taxId)}
              placeholder={country === 'PT' ? '123 456 789' : '00.000.000/0000-00'}
              autoComplete="off"
            />
          </SimpleGrid>
        </Fieldset>
        {renderBelowIdentity?.(control)}
        <Fieldset legend={t('accounts.sections.contact')}>
          <SimpleGrid cols={2}>
            <TextInput label={t('accounts.fields.phone')} type="tel" {...register('phone')} error={message(errors.phone)} />
            <TextInput label={t('accounts.fields.email')} type="email" {...register('email')} error={message(errors.email)} />
            <TextInput label={t('accounts.fields.city')} {...register('city')} error={message(errors.city)} />
            <TextInput label={t('accounts.fields.state')} {...register('state')} error={message(errors.state)} />
            <TextInput label={t('accounts.fields.website')} {...register('website')} error={message(errors.website)} />
            <NativeSelect label={t('accounts.fields.source')} {...register('source')} data={options(ACCOUNT_SOURCES, 'source')} />
            <TextInput label={t('accounts.fields.tags')} description={t('accounts.fields.tagsHint')} {...register('tags')} error={message(errors.tags)} />
          </SimpleGrid>
          <ReferralFields control={control} accountId={accountId} />
        </Fieldset>
        <Fieldset legend={t('accounts.sections.commercial')}>
          <SimpleGrid cols={3}>
            <TextInput label={t('accounts.fields.priceList')} {...register('priceListId')} error={message(errors.priceListId)} />
            <TextInput label={t('accounts.fields.discount')} inputMode="decimal" {...register('discountPct')} error={message(errors.discountPct)} />
            <TextInput label={t('accounts.fields.paymentTerms')} {...register('paymentTerms')} error={message(errors.paymentTerms)} />
          </SimpleGrid>
        </Fieldset>
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </FormShell>
  );
}
