import { keyUnder } from '../../i18n/app-messages';
import { type ReactNode } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useWatch, type Control, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import { CONSENT_BASES, PREFERRED_CHANNELS } from '@shared/models';
import { calendarDay, parseTypedDate, toIsoDate } from '@shared/domain/contact-dates';
import { EMAIL_LABELS, MAX_EMAILS, MAX_PHONES, PHONE_COUNTRIES, PHONE_LABELS, contactFormSchema, type ContactFormValues } from '@shared/domain/contact-form';
import { FormErrorSummary, FormShell } from '../../ui/FormShell';
import { useFormShell } from '../../ui/form-shell';
import { AccountPicker } from './AccountPicker';
import { phoneCountryOf } from './usePhoneCountry';

export interface ContactFormProps {
  initial: ContactFormValues;
  /** Saves valid values; a rejection shows its message and keeps everything typed. */
  onSubmit(values: ContactFormValues): Promise<void>;
  onCancel(): void;
  /** Told whenever the form gains or loses unsaved changes (for the leave guard). */
  onDirtyChange?(dirty: boolean): void;
  saveError?: string | null;
  /**
   * A slot above the fields, for other features (e.g. the duplicates warning). A function gets the
   * live values as typed and re-renders on every change, without re-rendering the whole form.
   */
  beforeFields?: ReactNode | ((values: ContactFormValues) => ReactNode);
  /** Rendered under the fields, before the buttons. */
  children?: ReactNode;
  /** Values restored from a draft, shown over `initial` when the form mounts. */
  restored?: ContactFormValues | null;
  /** Told of every change as it happens (the draft journal). */
  onValuesChange?(values: ContactFormValues): void;
}

const DAYJS_LOCALES: Record<string, string> = { 'pt-BR': 'pt-br', 'pt-PT': 'pt', en: 'en' };

/**
 * The contact editor: several phones and e-mails, an account picker, preferred channel, birthday and
 * LGPD/GDPR consent. Validation runs on submit, then as you fix; nothing typed is ever cleared.
 * Ctrl+S / Cmd+S saves from anywhere in the form.
 */
export function ContactForm({ initial, onSubmit, onCancel, onDirtyChange, saveError, beforeFields, children, restored, onValuesChange }: ContactFormProps) {
  const { t, i18n } = useTranslation();
  // The page holds the leave guard (its Cancel asks, its save releases): the form reports dirtiness to it.
  const { form } = useFormShell<ContactFormValues>({
    defaultValues: initial,
    schema: contactFormSchema,
    guard: false,
    onDirtyChange,
    restored,
    onValuesChange,
  });
  const { register, formState, control, setValue } = form;
  const phones = useFieldArray({ control, name: 'phones' });
  const emails = useFieldArray({ control, name: 'emails' });
  const { errors, isSubmitting } = formState;
  const message = (e: FieldError | undefined, max = 200) =>
    e?.message ? t([keyUnder('contacts.errors', e.message), keyUnder('errors', e.message)], { max }) : undefined;
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(keyUnder(prefix, v)) }));
  const today = toIsoDate(calendarDay(new Date()));

  return (
    <FormShell form={form} onSubmit={onSubmit} summary="manual" aria-label={t('contacts.sections.identity')}>
      <Stack gap="md" maw={880}>
        <FormErrorSummary title={t('contacts.formErrors')} />
        {saveError && (
          <Alert color="red" role="alert">
            {saveError}
          </Alert>
        )}
        {typeof beforeFields === 'function' ? <LiveSlot control={control} render={beforeFields} /> : beforeFields}
        <Fieldset legend={t('contacts.sections.identity')}>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('contacts.fields.firstName')}
              withAsterisk
              {...register('firstName')}
              error={message(errors.firstName, 80)}
              data-autofocus
              autoFocus
            />
            <TextInput label={t('contacts.fields.lastName')} {...register('lastName')} error={message(errors.lastName, 120)} />
            <TextInput label={t('contacts.fields.role')} {...register('role')} error={message(errors.role, 120)} />
            <TextInput label={t('contacts.fields.department')} {...register('department')} error={message(errors.department, 120)} />
            <Controller
              control={control}
              name="accountId"
              render={({ field }) => (
                <AccountPicker
                  label={t('contacts.fields.account')}
                  placeholder={t('contacts.fields.accountPlaceholder')}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(id, account) => {
                    field.onChange(id);
                    if (account) setValue('country', phoneCountryOf(account.country, initial.country), { shouldDirty: true });
                  }}
                />
              )}
            />
            <Checkbox mt="xl" label={t('contacts.fields.decisionMaker')} description={t('contacts.fields.decisionMakerHint')} {...register('decisionMaker')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('contacts.sections.reach')}>
          <Stack gap="sm">
            <SimpleGrid cols={2}>
              <NativeSelect
                label={t('contacts.fields.country')}
                description={t('contacts.fields.countryHint')}
                {...register('country')}
                data={options(PHONE_COUNTRIES, 'contacts.phoneCountry')}
              />
              <NativeSelect
                label={t('contacts.fields.preferredChannel')}
                {...register('preferredChannel')}
                data={options(PREFERRED_CHANNELS, 'contacts.channel')}
                error={message(errors.preferredChannel)}
              />
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('contacts.fields.phones')}
            </Text>
            {phones.fields.map((f, i) => (
              <Group key={f.id} align="flex-start" gap="xs" wrap="nowrap">
                <NativeSelect
                  aria-label={t('contacts.fields.phoneLabel', { n: i + 1 })}
                  {...register(`phones.${i}.label`)}
                  data={options(PHONE_LABELS, 'contacts.phoneLabel')}
                  w={150}
                />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('contacts.fields.phone', { n: i + 1 })}
                  type="tel"
                  placeholder={initial.country === 'PT' ? '912 345 678' : '(11) 98765-4321'}
                  {...register(`phones.${i}.number`)}
                  error={message(errors.phones?.[i]?.number)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={t('contacts.fields.removePhone', { n: i + 1 })}
                  onClick={() => phones.remove(i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={phones.fields.length >= MAX_PHONES}
                onClick={() => phones.append({ label: 'work', number: '' })}
              >
                {t('contacts.fields.addPhone')}
              </Button>
            </Group>
            <Text size="sm" fw={500}>
              {t('contacts.fields.emails')}
            </Text>
            {emails.fields.map((f, i) => (
              <Group key={f.id} align="flex-start" gap="xs" wrap="nowrap">
                <NativeSelect
                  aria-label={t('contacts.fields.emailLabel', { n: i + 1 })}
                  {...register(`emails.${i}.label`)}
                  data={options(EMAIL_LABELS, 'contacts.emailLabel')}
                  w={150}
                />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('contacts.fields.email', { n: i + 1 })}
                  type="email"
                  {...register(`emails.${i}.address`)}
                  error={message(errors.emails?.[i]?.address, 254)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={t('contacts.fields.removeEmail', { n: i + 1 })}
                  onClick={() => emails.remove(i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={emails.fields.length >= MAX_EMAILS}
                onClick={() => emails.append({ label: 'work', address: '' })}
              >
                {t('contacts.fields.addEmail')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('contacts.sections.personal')}>
          <SimpleGrid cols={2}>
            <Controller
              control={control}
              name="birthday"
              render={({ field }) => (
                <DateInput
                  name={field.name}
                  label={t('contacts.fields.birthday')}
                  placeholder={t('contacts.fields.birthdayPlaceholder')}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  dateParser={(typed) => parseTypedDate(typed)}
                  valueFormat="DD/MM/YYYY"
                  locale={DAYJS_LOCALES[i18n.language] ?? 'pt-br'}
                  maxDate={today}
                  defaultDate={field.value || '1985-01-01'}
                  clearable
                  clearButtonProps={{ 'aria-label': t('contacts.fields.clearBirthday') }}
                  error={message(errors.birthday)}
                />
              )}
            />
            <TextInput label={t('contacts.fields.tags')} description={t('contacts.fields.tagsHint')} {...register('tags')} error={message(errors.tags, 1000)} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('contacts.sections.consent')}>
          <SimpleGrid cols={2}>
            <NativeSelect label={t('contacts.fields.consentBasis')} {...register('consentBasis')} data={options(CONSENT_BASES, 'contacts.consentBasis')} />
            <TextInput
              label={t('contacts.fields.consentSource')}
              description={t('contacts.fields.consentSourceHint')}
              {...register('consentSource')}
              error={message(errors.consentSource)}
            />
            <Checkbox label={t('contacts.fields.consentMarketing')} {...register('consentMarketing')} error={message(errors.consentMarketing)} />
          </SimpleGrid>
        </Fieldset>
        {children}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('contacts.saveHint')}
          </Text>
        </Group>
      </Stack>
    </FormShell>
  );
}

/** Re-renders only itself as values change (useWatch), so a slot can follow what is typed. */
function LiveSlot({ control, render }: { control: Control<ContactFormValues>; render(values: ContactFormValues): ReactNode }) {
  const values = useWatch({ control }) as ContactFormValues;
  return <>{render(values)}</>;
}
