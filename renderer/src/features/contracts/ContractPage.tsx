import { useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import type { Account, Contract } from '@shared/models';
import { parseTypedDate } from '@shared/domain/contact-dates';
import { localIsoDay } from '@shared/domain/local-day';
import { CONTRACT_TRANSITIONS, statusDue, type ContractIssue, type ContractStatus } from '@shared/domain/sales/contracts';
import { contractFormOf, contractTermsFromForm, type ContractForm } from '@shared/domain/sales/contract-form';
import { daysToExpiry } from '@shared/domain/sales/contract-tasks';
import { useAccount, useDeal, useDocument } from '../../db/hooks';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { AccountPicker } from '../contacts';
import { ContractClauses } from './ContractClauses';
import { ContractVersions } from './ContractVersions';
import { useContractActions } from './useContractActions';

/** One contract: its status and lifecycle, its terms and clauses (each saved change a version), and its versions compared. */
export function ContractPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const contract = useDocument('contracts', id);
  const account = useAccount(contract?.accountId || undefined);
  if (contract === undefined) return <LoadingState />;
  if (contract === null) return <NotFoundState>{t('contracts.notFound')}</NotFoundState>;
  if (account === undefined) return <LoadingState />;
  return <ContractView contract={contract} account={account} />;
}

export const dateLocale = (language: string) => (language === 'en' ? 'en' : language === 'pt-PT' ? 'pt' : 'pt-br');

function ContractView({ contract, account }: { contract: Contract; account: Account | null }) {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const actions = useContractActions(contract);
  const stored = useMemo(() => contractFormOf(contract, i18n.language), [contract, i18n.language]);
  const [form, setForm] = useState<ContractForm>(stored);
  // What another window or the sync saved shows up field by field: a field changed in storage takes
  // the stored value, the others keep what is being typed.
  const previous = useRef(stored);
  useEffect(() => {
    const before = previous.current;
    previous.current = stored;
    const changed = (Object.keys(stored) as (keyof ContractForm)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(stored[k]));
    if (changed.length) setForm((current) => ({ ...current, ...Object.fromEntries(changed.map((k) => [k, stored[k]])) }));
  }, [stored]);
  const [notice, setNotice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const parsed = contractTermsFromForm(form, i18n.language);
  const errors = parsed.ok ? {} : parsed.errors;
  const errorOf = (field: keyof typeof errors) => (errors[field] ? t(keyUnder('contracts.issue', errors[field])) : null);
  const patch = (p: Partial<ContractForm>) => {
    setNotice(null);
    setForm((current) => ({ ...current, ...p }));
  };
  const onSave = async () => {
    setTried(true);
    const result = await actions.saveTerms(form);
    if (!result.ok) {
      if (!parsed.ok) setNotice(t('contracts.invalid'));
      return;
    }
    setNotice(result.version === null ? t('contracts.noChanges') : t('contracts.saved', { version: result.version }));
  };

  const left = daysToExpiry(contract, localIsoDay());
  return (
    <Stack maw={1200}>
      <Anchor component={Link} href={paths.contracts()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('contracts.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="baseline">
        <Stack gap={0}>
          <Text size="sm" c="dimmed" data-testid="contract-number">
            {contract.number}
          </Text>
          <Title order={2}>{contract.title}</Title>
        </Stack>
        <Group gap="xs">
          <Badge size="lg" variant="light" data-testid="contract-status">
            {t(keyUnder('contracts.status', contract.status))}
          </Badge>
          <Text fw={600} data-testid="contract-value">
            {f.money(contract.value.amount, contract.value.currency)}
          </Text>
          {left !== null && (contract.status === 'signed' || contract.status === 'active') && (
            <Text size="sm" c={left < 0 ? 'red' : left <= 90 ? 'orange' : 'dimmed'}>
              {t('contracts.list.columns.daysLeft')}: {left}
            </Text>
          )}
        </Group>
      </Group>
      {actions.error && <ErrorState>{actions.error}</ErrorState>}
      <ContractStatusBar contract={contract} form={form} transition={actions.transition} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Stack gap={2}>
            {account ? (
              <>
                <Text size="sm" fw={500}>
                  {t('contracts.fields.account')}
                </Text>
                <Anchor component={Link} href={paths.account(account.id)}>
                  {account.tradeName || account.name}
                </Anchor>
              </>
            ) : (
              <AccountPicker label={t('contracts.fields.account')} value={contract.accountId} onChange={(accountId) => void actions.setAccount(accountId)} />
            )}
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('contracts.fields.deal')}
            </Text>
            {contract.dealId ? <DealLink id={contract.dealId} /> : <Text c="dimmed">{t('common.none')}</Text>}
            {contract.signedAt > 0 && (
              <Text size="sm" c="dimmed">
                {t('contracts.fields.signedAt', { date: f.date(contract.signedAt) })}
              </Text>
            )}
          </Stack>
          <TextInput
            label={t('contracts.fields.title')}
            value={form.title}
            error={errorOf('title')}
            onChange={(e) => patch({ title: e.currentTarget.value })}
          />
          <TextInput
            label={t('contracts.fields.value', { currency: form.currency })}
            value={form.value}
            error={errorOf('value')}
            inputMode="decimal"
            onChange={(e) => patch({ value: e.currentTarget.value })}
          />
          <DayInput label={t('contracts.fields.startDate')} value={form.startDate} onChange={(startDate) => patch({ startDate })} />
          <DayInput label={t('contracts.fields.endDate')} value={form.endDate} error={errorOf('endDate')} onChange={(endDate) => patch({ endDate })} />
          <TextInput
            label={t('contracts.fields.termMonths')}
            value={form.termMonths}
            error={errorOf('termMonths')}
            inputMode="numeric"
            onChange={(e) => patch({ termMonths: e.currentTarget.value })}
          />
          <DayInput
            label={t('contracts.fields.renewalDate')}
            description={t('contracts.fields.renewalHint')}
            value={form.renewalDate}
            error={errorOf('renewalDate')}
            onChange={(renewalDate) => patch({ renewalDate })}
          />
        </SimpleGrid>
      </Card>
      <ContractClauses clauses={form.clauses} onChange={(clauses) => patch({ clauses })} />
      <Group>
        <Button onClick={() => void onSave()}>{t('contracts.save')}</Button>
        {notice && (
          <Text size="sm" role="status" c={tried && !parsed.ok ? 'red' : undefined}>
            {notice}
          </Text>
        )}
      </Group>
      <ContractVersions contract={contract} />
    </Stack>
  );
}

/** The deal the contract came from, by its title. */
function DealLink({ id }: { id: string }) {
  const deal = useDeal(id);
  return (
    <Anchor component={Link} href={paths.deal(id)}>
      {deal?.title || id}
    </Anchor>
  );
}

/** A calendar day typed DD/MM/YYYY or picked; '' when cleared. */
function DayInput({
  label,
  description,
  value,
  error,
  onChange,
}: {
  label: string;
  description?: string;
  value: string;
  error?: string | null;
  onChange(day: string): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      label={label}
      description={description}
      placeholder={t('contracts.fields.datePlaceholder')}
      value={value || null}
      error={error}
      onChange={(v) => onChange(v ?? '')}
      dateParser={(typed) => parseTypedDate(typed)}
      valueFormat="DD/MM/YYYY"
      locale={dateLocale(i18n.language)}
      clearable
    />
  );
}

/** The status's next steps as buttons; a refused step says why (translated), terminating asks for the reason. */
function ContractStatusBar({
  contract,
  form,
  transition,
}: {
  contract: Contract;
  form: ContractForm;
  transition: ReturnType<typeof useContractActions>['transition'];
}) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<ContractIssue[]>([]);
  const [terminating, setTerminating] = useState(false);
  const [terminateIssues, setTerminateIssues] = useState<ContractIssue[]>([]);
  const next = CONTRACT_TRANSITIONS[contract.status];
  const due = statusDue(contract, localIsoDay());

  const [invalid, setInvalid] = useState(false);
  const go = async (to: ContractStatus, reason?: string) => {
    const result = await transition(to, form, reason);
    const found = result.ok ? [] : result.issues;
    if (to === 'terminated') {
      setTerminateIssues(found);
      if (result.ok) setTerminating(false);
    } else setIssues(found);
    // Refused for a field that does not parse (the field says why).
    setInvalid(!result.ok && found.length === 0);
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group gap="xs" role="group" aria-label={t('contracts.transition.label')}>
          {next.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('contracts.transition.none')}
            </Text>
          )}
          {next.map((to) => (
            <Button
              key={to}
              variant={to === 'terminated' ? 'outline' : to === due || to === 'signed' ? 'filled' : 'default'}
              color={to === 'terminated' ? 'red' : undefined}
              onClick={() => {
                if (to === 'terminated') {
                  setTerminateIssues([]);
                  setTerminating(true);
                } else void go(to);
              }}
            >
              {t(keyUnder('contracts.transition', to))}
            </Button>
          ))}
        </Group>
        {due && (
          <Text size="sm" fw={500}>
            {t(keyUnder('contracts.due', due))}
          </Text>
        )}
        {invalid && (
          <Text size="sm" c="red" role="alert">
            {t('contracts.invalid')}
          </Text>
        )}
        {issues.length > 0 && (
          <Stack gap={2} role="alert">
            {issues.map((issue) => (
              <Text key={issue} size="sm" c="red">
                {t(keyUnder('contracts.issue', issue))}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <TerminateDialog opened={terminating} issues={terminateIssues} onClose={() => setTerminating(false)} onConfirm={(reason) => go('terminated', reason)} />
    </Card>
  );
}

function TerminateDialog({
  opened,
  issues,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  issues: ContractIssue[];
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('contracts.terminate.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onConfirm(reason);
        }}
      >
        <Stack>
          <Textarea
            label={t('contracts.terminate.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={issues.length ? issues.map((i) => t(keyUnder('contracts.issue', i))).join(' ') : null}
            withAsterisk
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('contracts.terminate.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
