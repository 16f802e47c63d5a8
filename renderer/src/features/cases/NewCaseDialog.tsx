import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_CHANNELS, CASE_KINDS, CASE_SEVERITIES, type CaseChannel, type CaseKind, type CaseSeverity } from '@shared/models';
import { newCaseErrors } from '@shared/domain/cases';
import { contactName } from '@shared/domain/record-merge-contacts';
import { keyUnder } from '../../i18n/app-messages';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useAccountContacts, useDocuments } from '../../db/hooks';
import { orderQueries } from '../../db/collections/orders';
import { useAccountRows } from '../accounts';
import { ErrorState } from '../../ui/states';

const NONE = '-';

interface Draft {
  accountId: string;
  contactId: string;
  orderId: string;
  subject: string;
  description: string;
  kind: CaseKind;
  severity: CaseSeverity;
  channel: CaseChannel | '';
}

const emptyDraft = (accountId: string): Draft => ({
  accountId,
  contactId: '',
  orderId: '',
  subject: '',
  description: '',
  kind: 'complaint',
  severity: 'medium',
  channel: '',
});

export interface NewCaseDialogProps {
  opened: boolean;
  onClose(): void;
  /** The account the case is opened on (from its page): fixed, not asked. */
  accountId?: string;
  /** Told the new case's id once it is stored. */
  onCreated(id: string): void;
}

/** A new case: the account (required), one of its contacts and orders (optional), kind, severity, channel, subject. */
export function NewCaseDialog({ opened, onClose, accountId, onCreated }: NewCaseDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.create.title')} size="lg">
      {opened && <NewCaseForm fixedAccountId={accountId} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewCaseForm({ fixedAccountId, onClose, onCreated }: { fixedAccountId?: string; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const repo = useRepository('cases');
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(fixedAccountId ?? ''));
  const [submitted, setSubmitted] = useState(false);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = submitted ? newCaseErrors(draft) : {};

  const { rows } = useAccountRows();
  const accountData = useMemo(() => rows.map((r) => ({ value: r.id, label: r.tradeName ? `${r.name} (${r.tradeName})` : r.name })), [rows]);
  const contacts = useAccountContacts(draft.accountId || undefined);
  const orders = useDocuments('orders', draft.accountId ? orderQueries.ofAccount(draft.accountId) : null);
  // Another account's contact or order cannot stay chosen.
  useEffect(() => {
    if (fixedAccountId === undefined) setDraft((d) => ({ ...d, contactId: '', orderId: '' }));
  }, [draft.accountId, fixedAccountId]);

  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(newCaseErrors(draft)).length > 0) return;
    setSaving(true);
    try {
      const now = Date.now();
      const created = await repo.create({
        accountId: draft.accountId,
        contactId: draft.contactId,
        orderId: draft.orderId,
        productId: '',
        kind: draft.kind,
        subject: draft.subject.trim(),
        description: draft.description,
        severity: draft.severity,
        status: 'open',
        resolution: '',
        satisfaction: 0,
        openedAt: now,
        resolvedAt: 0,
        ownerId: author(),
        notes: [],
        actions: [],
        ...(draft.channel ? { channel: draft.channel } : {}),
      });
      onCreated(created.id);
    } catch (e) {
      console.error('case create failed', e);
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  const options = <T extends string>(values: readonly T[], prefix: 'cases.kind' | 'cases.severity' | 'cases.channel') =>
    values.map((v) => ({ value: v, label: t(keyUnder(prefix, v)) }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack>
        {failed && <ErrorState>{t('cases.saveFailed')}</ErrorState>}
        {fixedAccountId === undefined && (
          <Select
            label={t('cases.fields.account')}
            placeholder={t('cases.fields.accountPlaceholder')}
            data={accountData}
            value={draft.accountId || null}
            onChange={(v) => set({ accountId: v ?? '' })}
            searchable
            limit={50}
            withAsterisk
            error={errors.accountId ? t(keyUnder('cases.errors', errors.accountId)) : null}
          />
        )}
        <TextInput
          label={t('cases.fields.subject')}
          value={draft.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          withAsterisk
          data-autofocus
          error={errors.subject ? t(keyUnder('cases.errors', errors.subject)) : null}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('cases.fields.kind')}
            data={options(CASE_KINDS, 'cases.kind')}
            value={draft.kind}
            onChange={(v) => v && set({ kind: v as CaseKind })}
            allowDeselect={false}
          />
          <Select
            label={t('cases.fields.severity')}
            data={options(CASE_SEVERITIES, 'cases.severity')}
            value={draft.severity}
            onChange={(v) => v && set({ severity: v as CaseSeverity })}
            allowDeselect={false}
          />
          <Select
            label={t('cases.fields.channel')}
            data={[{ value: NONE, label: t('cases.fields.noChannel') }, ...options(CASE_CHANNELS, 'cases.channel')]}
            value={draft.channel || NONE}
            onChange={(v) => set({ channel: !v || v === NONE ? '' : (v as CaseChannel) })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('cases.fields.contact')}
            data={[{ value: NONE, label: t('cases.fields.noContact') }, ...(contacts ?? []).map((c) => ({ value: c.id, label: contactName(c) || c.id }))]}
            value={draft.contactId || NONE}
            onChange={(v) => set({ contactId: !v || v === NONE ? '' : v })}
            allowDeselect={false}
            disabled={!draft.accountId}
          />
          <Select
            label={t('cases.fields.order')}
            data={[{ value: NONE, label: t('cases.fields.noOrder') }, ...(orders ?? []).map((o) => ({ value: o.id, label: o.number || o.id.slice(-6) }))]}
            value={draft.orderId || NONE}
            onChange={(v) => set({ orderId: !v || v === NONE ? '' : v })}
            allowDeselect={false}
            disabled={!draft.accountId}
          />
        </SimpleGrid>
        <Textarea label={t('cases.fields.description')} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} minRows={3} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cases.create.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('cases.create.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
