import { useCallback, useMemo } from 'react';
import { Badge, Select, SimpleGrid, Text } from '@mantine/core';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Account, AccountStatus } from '@shared/models';
import type { AccountFormValues } from '@shared/domain/account-form';
import { contactName } from '@shared/domain/record-merge-contacts';
import { referralOutcome, referralRecord, referralRecordId } from '@shared/domain/referrals';
import { keyUnder } from '../../i18n/app-messages';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { useAccountContacts, useContact, useDocument } from '../../db/hooks';
import { useAccountRows } from '../accounts';

const NONE = '-';

/**
 * In the account form, with source "referral": who referred it (another account) and, optionally,
 * which of that account's contacts did. Shown only for that source.
 */
export function ReferralFields({ control, accountId }: { control: Control<AccountFormValues>; accountId?: string }) {
  const { t } = useTranslation();
  const source = useWatch({ control, name: 'source' });
  const referredBy = useWatch({ control, name: 'referredBy' });
  const { rows } = useAccountRows();
  const accountData = useMemo(
    () => rows.filter((r) => r.id !== accountId).map((r) => ({ value: r.id, label: r.tradeName ? `${r.name} (${r.tradeName})` : r.name })),
    [rows, accountId],
  );
  const contacts = useAccountContacts(source === 'referral' && referredBy ? referredBy : undefined);
  if (source !== 'referral') return null;
  return (
    <SimpleGrid cols={2}>
      <Controller
        control={control}
        name="referredBy"
        render={({ field }) => (
          <Select
            label={t('cases.referral.referredBy')}
            placeholder={t('cases.referral.referredByPlaceholder')}
            data={accountData}
            value={field.value || null}
            onChange={(v) => field.onChange(v ?? '')}
            onBlur={field.onBlur}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={t('cases.referral.noAccount')}
          />
        )}
      />
      <Controller
        control={control}
        name="referrerContactId"
        render={({ field }) => (
          <Select
            label={t('cases.referral.referrerContact')}
            data={[{ value: NONE, label: t('cases.fields.noContact') }, ...(contacts ?? []).map((c) => ({ value: c.id, label: contactName(c) || c.id }))]}
            value={field.value || NONE}
            onChange={(v) => field.onChange(!v || v === NONE ? '' : v)}
            allowDeselect={false}
            disabled={!referredBy}
          />
        )}
      />
    </SimpleGrid>
  );
}

/**
 * After an account is saved with source "referral": the note on the referring account that says it
 * referred this one, with the contact who did it (shared/domain/referrals.ts). Its id comes from the
 * referred account, so saving again (or on another laptop) updates the same note.
 */
export function useRecordReferral(): (saved: Account, referrerContactId: string) => Promise<void> {
  const { t } = useTranslation();
  const { author } = useDatabaseContext();
  const activities = useRepository('activities');
  return useCallback(
    async (saved: Account, referrerContactId: string) => {
      if (saved.source !== 'referral') return;
      const record = referralRecord({
        referred: saved,
        contactId: referrerContactId,
        summary: t('cases.referral.recordSummary', { name: saved.name }),
        ownerId: author(),
        now: Date.now(),
      });
      if (!record) return;
      try {
        const existing = await activities.get(record.id);
        if (!existing) await activities.create(record.fields, { id: record.id });
        else {
          // The referrer or the contact changed: the note follows; a contact left empty keeps the one known.
          const patch = { accountId: record.fields.accountId, ...(referrerContactId ? { contactId: referrerContactId } : {}) };
          await activities.update(record.id, patch);
        }
      } catch (e) {
        // The account is saved; the note is a by-product and must not turn the save into a failure.
        console.error('referral record failed', e);
      }
    },
    [activities, author, t],
  );
}

/** On the referring account's page, one referral given: its outcome (from the referred account's status) and the contact who made it. */
export function ReferralOutcome({ referredId, status }: { referredId: string; status: AccountStatus }) {
  const { t } = useTranslation();
  const record = useDocument('activities', referralRecordId(referredId));
  const contact = useContact(record?.contactId || undefined);
  const outcome = referralOutcome(status);
  return (
    <>
      <Badge size="xs" variant="light" color={outcome === 'converted' ? 'teal' : outcome === 'not_converted' ? 'red' : 'gray'}>
        {t(keyUnder('cases.referral.outcome', outcome))}
      </Badge>
      {contact && (
        <Text size="xs" c="dimmed">
          {t('cases.referral.by', { name: contactName(contact) })}
        </Text>
      )}
    </>
  );
}
