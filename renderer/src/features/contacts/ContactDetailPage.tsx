import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconNotes, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Contact } from '@shared/models';
import { ageOn, calendarDay, daysUntilBirthday, parseIsoDate } from '@shared/domain/contact-dates';
import { useOverlaysStore } from '../../app/overlays-store';
import { useAccount, useContact } from '../../db/hooks';
import { ConsentCard } from './ConsentCard';
import { EmailLinks, PhoneLinks } from './ContactLinks';
import { useContactActivities } from './useContactActivities';
import { accountLabel } from './useAccountSearch';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { EmptyState, LoadingState, NotFoundState } from '../../ui/states';
import { Section } from '../../ui/Section';
import { useFormats } from '../../ui/useFormats';
import { paths } from '../../app/paths';

/** Birthdays this close are called out ("em 5 dias"). */
const BIRTHDAY_SOON_DAYS = 30;

/** One contact: who they are, how to reach them (click to call or mail), consent and recent activities. */
export function ContactDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const contact = useContact(id);
  const account = useAccount(contact?.accountId || undefined);
  if (contact === undefined) return <LoadingState />;
  if (contact === null) return <NotFoundState>{t('contacts.notFound')}</NotFoundState>;
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Anchor component={Link} href={paths.contacts()} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('contacts.detail.back')}
          </Group>
        </Anchor>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconNotes size={16} aria-hidden />}
            onClick={() => useOverlaysStore.getState().openQuickLog({ contactId: contact.id, accountId: contact.accountId || undefined })}
          >
            {t('contacts.detail.logActivity')}
          </Button>
          <Button component={Link} href={paths.contactEdit(contact.id)} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="center">
        <Title order={2}>{name}</Title>
        {contact.decisionMaker && <Badge variant="light">{t('contacts.detail.decisionMaker')}</Badge>}
      </Group>
      <Text c="dimmed">
        {[contact.role, contact.department].filter(Boolean).join(' · ') || t('common.none')}
        {contact.accountId && (
          <>
            {' · '}
            {account ? (
              <Anchor component={Link} href={paths.account(contact.accountId)}>
                {accountLabel(account)}
              </Anchor>
            ) : account === null ? (
              t('common.none')
            ) : (
              '…'
            )}
          </>
        )}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        <PanelBoundary title={t('contacts.detail.reach')}>
          {() => (
            <Section title={t('contacts.detail.reach')}>
              <Stack gap="sm">
                <PhoneLinks phones={contact.phones} />
                <EmailLinks emails={contact.emails} />
                <Text size="sm">
                  {t('contacts.fields.preferredChannel')}: <b>{t(`contacts.channel.${contact.preferredChannel}`)}</b>
                </Text>
              </Stack>
            </Section>
          )}
        </PanelBoundary>
        <PanelBoundary title={t('contacts.sections.personal')}>
          <PersonCard contact={contact} />
        </PanelBoundary>
        <PanelBoundary title={t('contacts.consent.title')}>
          <ConsentCard contact={contact} />
        </PanelBoundary>
      </SimpleGrid>
      <PanelBoundary title={t('contacts.detail.activities')}>
        <ActivitiesCard contact={contact} />
      </PanelBoundary>
    </Stack>
  );
}

function PersonCard({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const today = calendarDay(new Date());
  const day = parseIsoDate(contact.birthday);
  const days = daysUntilBirthday(contact.birthday, today);
  const age = ageOn(contact.birthday, today);
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  const formats = useFormats();
  return (
    <Section title={t('contacts.sections.personal')}>
      <Stack gap={4}>
        <Text size="sm">{contact.decisionMaker ? t('contacts.detail.decisionMaker') : t('contacts.detail.notDecisionMaker')}</Text>
        <Group gap="xs">
          <Text size="sm">
            {t('contacts.detail.birthday')}:{' '}
            {day
              ? formats.instant(new Date(day.year, day.month - 1, day.day).getTime(), { day: 'numeric', month: 'long', year: 'numeric' })
              : t('contacts.detail.noBirthday')}
            {age !== null && ` (${t('contacts.detail.age', { count: age })})`}
          </Text>
          {days !== null && days <= BIRTHDAY_SOON_DAYS && (
            <Badge color="grape" variant="light">
              {days === 0 ? t('contacts.detail.birthdayToday') : relative.format(days, 'day')}
            </Badge>
          )}
        </Group>
        {contact.tags.length > 0 && (
          <Text size="sm">
            {t('contacts.fields.tags')}: {contact.tags.join(', ')}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

function ActivitiesCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const activities = useContactActivities(contact);
  const formats = useFormats();
  return (
    // A plain card, not a Section: what is inside is found from its heading's nearest box.
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('contacts.detail.activities')}
      </Title>
      {!contact.accountId ? (
        <EmptyState>{t('contacts.detail.noAccountActivities')}</EmptyState>
      ) : activities === undefined ? (
        <LoadingState size="sm" />
      ) : activities.length === 0 ? (
        <EmptyState>{t('contacts.detail.noActivities')}</EmptyState>
      ) : (
        <Stack gap={4}>
          {activities.map((a) => (
            <Text key={a.id} size="sm">
              <b>{t(`activityType.${a.type}`)}</b> · {formats.dateTime(a.at)} — {a.summary}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
