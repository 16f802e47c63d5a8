import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Account } from '@shared/models';
import { useAccount, useAccountActivities, useAccountContacts } from '../../db/hooks';
import { StatusBadge } from './StatusBadge';

/** One account: identity, commercial conditions, contacts and the latest activities. */
export function AccountDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const account = useAccount(id);
  if (account === undefined) return <Loader aria-label={t('common.loading')} />;
  if (account === null) return <Text role="alert">{t('accounts.notFound')}</Text>;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Anchor component={Link} href="/accounts" size="sm"><Group gap={4}><IconArrowLeft size={14} aria-hidden />{t('common.back')}</Group></Anchor>
        <Button component={Link} href={`/accounts/${account.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>{t('common.edit')}</Button>
      </Group>
      <Group gap="sm" align="center">
        <Title order={2}>{account.tradeName || account.name}</Title>
        <StatusBadge status={account.status} />
      </Group>
      <Text c="dimmed">
        {[account.tradeName ? account.name : '', account.taxId, [account.city, account.state].filter(Boolean).join(' / '), t(`segment.${account.segment}`)].filter(Boolean).join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <ConditionsCard account={account} />
        <ContactsCard accountId={account.id} />
        <ActivitiesCard accountId={account.id} />
      </SimpleGrid>
    </Stack>
  );
}

function ConditionsCard({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 });
  const c = account.conditions;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">{t('accounts.detail.conditions')}</Title>
      <Text size="sm">{t('accounts.fields.priceList')}: {c.priceListId || t('common.none')}</Text>
      <Text size="sm">{t('accounts.fields.discount')}: {pct.format(c.discountBp / 10_000)}</Text>
      <Text size="sm">{t('accounts.fields.paymentTerms')}: {c.paymentTerms || t('common.none')}</Text>
      {account.phones[0] && <Text size="sm">{t('accounts.fields.phone')}: {account.phones[0].number}</Text>}
      {account.emails[0] && <Text size="sm">{t('accounts.fields.email')}: {account.emails[0].address}</Text>}
      {account.tags.length > 0 && <Text size="sm">{t('accounts.fields.tags')}: {account.tags.join(', ')}</Text>}
    </Card>
  );
}

function ContactsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const contacts = useAccountContacts(accountId);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">{t('accounts.detail.contacts')}</Title>
      {contacts === undefined ? <Loader size="sm" /> : contacts.length === 0 ? <Text size="sm" c="dimmed">{t('accounts.detail.noContacts')}</Text> : (
        <Stack gap={4}>
          {contacts.slice(0, 8).map((c) => (
            <Text key={c.id} size="sm">{c.firstName} {c.lastName}{c.role ? ` — ${c.role}` : ''}</Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ActivitiesCard({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const activities = useAccountActivities(accountId, 8);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">{t('accounts.detail.activities')}</Title>
      {activities === undefined ? <Loader size="sm" /> : activities.length === 0 ? <Text size="sm" c="dimmed">{t('accounts.detail.noActivities')}</Text> : (
        <Stack gap={4}>
          {activities.map((a) => (
            <Text key={a.id} size="sm"><b>{t(`activityType.${a.type}`)}</b> · {date.format(a.at)} — {a.summary}</Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
