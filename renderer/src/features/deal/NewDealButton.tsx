import { useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { z } from 'zod';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import { parseTypedDate } from '@shared/domain/contact-dates';
import { localIsoDay } from '@shared/domain/local-day';
import { currencyForCountry } from '@shared/domain/orders';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { newDealFields, newDealIssues, openStages, type NewDealInput } from '@shared/domain/sales/new-deal';
import { useAccount } from '../../db/hooks';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { paths } from '../../app/paths';
import { useDatesLocale } from '../../app/useDatesLocale';
import { keyUnder } from '../../i18n/app-messages';
import { FormShell } from '../../ui/FormShell';
import { useFormShell } from '../../ui/form-shell';
import { useAccountRows } from '../accounts';

const PIPELINE = DEFAULT_COMMERCIAL_POLICY.pipeline;

/** The pure checks of shared/domain/sales/new-deal.ts, each issue under its field (messages: `deal.create.issue.*`). */
const newDealSchema = (today: string) =>
  z.object({ accountId: z.string(), title: z.string(), expectedClose: z.string(), stage: z.string() }).superRefine((v, ctx) => {
    for (const [field, issue] of Object.entries(newDealIssues(v, PIPELINE, today))) ctx.addIssue({ code: 'custom', path: [field], message: issue });
  });

/**
 * "Novo negócio": opens a small form (the account — fixed when the button sits on an account's
 * page —, a title, the expected close, the stage it starts in) and, once created, the deal's page,
 * where lines, contacts and the rest are filled in.
 */
export function NewDealButton({ accountId, variant = 'filled' }: { accountId?: string; variant?: 'filled' | 'light' }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant={variant} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpened(true)}>
        {t('deal.create.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('deal.create.title')} size="md">
        {opened && <NewDealForm accountId={accountId} onCancel={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function NewDealForm({ accountId: fixedAccountId, onCancel }: { accountId?: string; onCancel(): void }) {
  const { t } = useTranslation();
  const dates = useDatesLocale();
  const [, navigate] = useLocation();
  const { author } = useDatabaseContext();
  const repository = useRepository('deals');
  const today = useMemo(() => localIsoDay(), []);
  const schema = useMemo(() => newDealSchema(today), [today]);
  const { form } = useFormShell<NewDealInput>({
    defaultValues: { accountId: fixedAccountId ?? '', title: '', expectedClose: '', stage: openStages(PIPELINE)[0]!.id },
    schema,
    guard: false,
  });
  const { register, control, formState, watch } = form;
  const chosenId = watch('accountId');
  const account = useAccount(chosenId || undefined);
  const [failed, setFailed] = useState(false);
  const issue = (field: keyof NewDealInput) => {
    const code = formState.errors[field]?.message;
    return code ? t(keyUnder('deal.create.issue', code)) : null;
  };

  const create = async (values: NewDealInput) => {
    setFailed(false);
    if (!account) return;
    const fields = newDealFields(values, PIPELINE, { currency: currencyForCountry(account.country), ownerId: account.ownerId || author() });
    try {
      const created = await repository.create(fields);
      navigate(paths.deal(created.id));
    } catch (e) {
      console.error('new deal failed', e);
      setFailed(true);
    }
  };

  return (
    <FormShell form={form} onSubmit={create} summary="manual" saveShortcut="inside">
      <Stack gap="sm">
        {fixedAccountId ? (
          <Text size="sm">
            {t('deal.create.account')}: <strong>{account ? account.tradeName || account.name : ''}</strong>
          </Text>
        ) : (
          <Controller
            control={control}
            name="accountId"
            render={({ field }) => <AccountSelect value={field.value} onChange={field.onChange} error={issue('accountId')} />}
          />
        )}
        <TextInput
          label={t('deal.create.titleLabel')}
          placeholder={t('deal.create.titlePlaceholder')}
          withAsterisk
          data-autofocus
          {...register('title')}
          error={issue('title')}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="expectedClose"
            render={({ field }) => (
              <DateInput
                label={t('deal.header.expectedClose')}
                placeholder={t('deal.header.expectedClosePlaceholder')}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                dateParser={(typed) => parseTypedDate(typed)}
                valueFormat={dates.valueFormat}
                locale={dates.locale}
                firstDayOfWeek={dates.firstDayOfWeek}
                minDate={today}
                clearable
                clearButtonProps={{ 'aria-label': t('deal.header.clearExpectedClose') }}
                error={issue('expectedClose')}
              />
            )}
          />
          <Controller
            control={control}
            name="stage"
            render={({ field }) => (
              <Select
                label={t('deal.create.stage')}
                data={openStages(PIPELINE).map((s) => ({ value: s.id, label: s.label || t(keyUnder('accounts.a360.dealStage', s.id)) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                allowDeselect={false}
                error={issue('stage')}
              />
            )}
          />
        </Group>
        {failed && (
          <Alert color="red" role="alert">
            {t('deal.create.failed')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('deal.create.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('deal.create.save')}
          </Button>
        </Group>
      </Stack>
    </FormShell>
  );
}

/** Every account by name, typed to filter (the list's rows are in memory already). */
function AccountSelect({ value, onChange, error }: { value: string; onChange(v: string): void; error: string | null }) {
  const { t } = useTranslation();
  const { rows } = useAccountRows();
  const data = useMemo(() => rows.map((a) => ({ value: a.id, label: a.name })), [rows]);
  return (
    <Select
      label={t('deal.create.account')}
      placeholder={t('deal.create.accountPlaceholder')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      limit={30}
      withAsterisk
      error={error}
    />
  );
}
