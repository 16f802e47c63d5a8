import { keyUnder } from '../../i18n/app-messages';
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Account, Deal } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import type { LineProblem } from '@shared/domain/sales/proposal-plan';
import { PROPOSAL_LANGUAGES, proposalChange, proposalValidOn, type ProposalLanguage, type ProposalVersion } from '@shared/domain/sales/proposals';
import { Section } from '../../ui/Section';
import { useFormats } from '../../ui/useFormats';
import { useCompanyStore } from './company-store';
import { useDealProposals } from './useDealProposals';

export interface DealProposalsProps {
  deal: Deal;
  account: Account;
}

/** A deal's proposals: every version sent (number, day, validity, total, what changed), a new one as PDF, any one downloaded again. */
export function DealProposals({ deal, account }: DealProposalsProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const { issue, download } = useDealProposals(deal, account);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ color: 'green' | 'red'; text: string } | null>(null);
  const versions = [...(deal.proposals ?? [])].sort((a, b) => b.number - a.number);
  const today = localIsoDay();

  const redownload = async (v: ProposalVersion) => {
    setMessage(null);
    try {
      await download(v);
    } catch {
      setMessage({ color: 'red', text: t('proposals.error.download_failed') });
    }
  };

  return (
    <Section title={t('proposals.title')}>
      <Stack gap="xs">
        {message && (
          <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'} withCloseButton onClose={() => setMessage(null)}>
            {message.text}
          </Alert>
        )}
        {versions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('proposals.none')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="proposal-versions">
            {versions.map((v) => {
              const previous = deal.proposals?.filter((p) => p.number < v.number).sort((a, b) => b.number - a.number)[0];
              const delta = previous ? proposalChange(previous, v).netChange : 0;
              return (
                <Group key={v.number} justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {t('proposals.version', { number: v.number })}
                      </Text>
                      {!proposalValidOn(v, today) && (
                        <Badge size="xs" color="gray">
                          {t('proposals.expired')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('proposals.summary', {
                        date: f.isoDay(v.date),
                        validUntil: f.isoDay(v.validUntil),
                        total: f.money(v.totals.net, v.currency),
                        lines: v.totals.lineCount,
                      })}
                    </Text>
                    {previous && delta !== 0 && (
                      <Text size="xs" c="dimmed">
                        {t('proposals.change', { from: previous.number, delta: `${delta > 0 ? '+' : '−'}${f.money(Math.abs(delta), v.currency)}` })}
                      </Text>
                    )}
                  </Stack>
                  <ActionIcon variant="subtle" aria-label={t('proposals.download', { number: v.number })} onClick={() => void redownload(v)}>
                    <IconDownload size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
        )}
        <Group>
          <Button variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => setOpen(true)}>
            {t('proposals.new')}
          </Button>
        </Group>
      </Stack>
      <NewProposalDialog
        opened={open}
        defaultTerms={account.conditions.paymentTerms}
        onClose={() => setOpen(false)}
        onIssue={async (request) => {
          const outcome = await issue(request);
          if (outcome.ok) {
            setOpen(false);
            setMessage({ color: 'green', text: t(outcome.saved ? 'proposals.done' : 'proposals.doneNotSaved', { number: outcome.version.number }) });
          }
          return outcome.ok ? null : 'lines' in outcome ? outcome.lines : outcome.issue;
        }}
      />
    </Section>
  );
}

interface NewProposalDialogProps {
  opened: boolean;
  defaultTerms: string;
  onClose(): void;
  /** Resolves null when done, or what to show: an issue key or the lines to fix. */
  onIssue(request: { language: ProposalLanguage; validityDays: number; paymentTerms: string; conditions: string }): Promise<string | LineProblem[] | null>;
}

function NewProposalDialog({ opened, defaultTerms, onClose, onIssue }: NewProposalDialogProps) {
  const { t, i18n } = useTranslation();
  const { company, setCompany } = useCompanyStore();
  const [language, setLanguage] = useState<ProposalLanguage>(
    (PROPOSAL_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as ProposalLanguage) : 'pt-BR',
  );
  const [validityDays, setValidityDays] = useState<number | string>(DEFAULT_COMMERCIAL_POLICY.proposalValidityDays);
  const [paymentTerms, setPaymentTerms] = useState(defaultTerms);
  const [conditions, setConditions] = useState('');
  const [problem, setProblem] = useState<string | LineProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [companyError, setCompanyError] = useState(false);

  const submit = async () => {
    setProblem(null);
    if (!company.name.trim()) {
      setCompanyError(true);
      return;
    }
    setBusy(true);
    try {
      setProblem(await onIssue({ language, validityDays: Number(validityDays), paymentTerms, conditions }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.dialog.title')} size="lg" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('proposals.dialog.body')}</Text>
          {problem && (
            <Alert color="red" role="alert">
              {typeof problem === 'string' ? (
                t(keyUnder('proposals.error', problem))
              ) : (
                <>
                  {t('proposals.error.lines')}
                  <List size="sm">
                    {problem.map((p) => (
                      <List.Item key={p.line.id}>
                        {p.line.sku} {p.line.name}: {p.issues.map((i) => t(`proposals.error.${i}`)).join('; ')}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Alert>
          )}
          <Text size="sm" fw={600}>
            {t('proposals.dialog.company')}
          </Text>
          <SimpleGrid cols={2} spacing="xs">
            <TextInput
              label={t('proposals.dialog.companyName')}
              value={company.name}
              maxLength={200}
              withAsterisk
              error={companyError && !company.name.trim() ? t('proposals.error.companyRequired') : undefined}
              onChange={(e) => {
                setCompanyError(false);
                setCompany({ ...company, name: e.currentTarget.value });
              }}
            />
            <TextInput
              label={t('proposals.dialog.companyTaxId')}
              value={company.taxId}
              maxLength={30}
              onChange={(e) => setCompany({ ...company, taxId: e.currentTarget.value })}
            />
            <TextInput
              label={t('proposals.dialog.companyAddress')}
              value={company.address}
              maxLength={200}
              onChange={(e) => setCompany({ ...company, address: e.currentTarget.value })}
            />
            <TextInput
              label={t('proposals.dialog.companyEmail')}
              value={company.email}
              maxLength={254}
              onChange={(e) => setCompany({ ...company, email: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            <Select
              label={t('proposals.dialog.language')}
              data={PROPOSAL_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as ProposalLanguage)}
              allowDeselect={false}
            />
            <NumberInput label={t('proposals.dialog.validity')} min={0} max={365} allowDecimal={false} value={validityDays} onChange={setValidityDays} />
          </SimpleGrid>
          <TextInput label={t('proposals.dialog.paymentTerms')} value={paymentTerms} maxLength={200} onChange={(e) => setPaymentTerms(e.currentTarget.value)} />
          <Textarea
            label={t('proposals.dialog.conditions')}
            value={conditions}
            maxLength={5000}
            rows={3}
            onChange={(e) => setConditions(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('proposals.dialog.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('proposals.dialog.issue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
