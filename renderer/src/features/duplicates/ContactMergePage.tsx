import { useEffect, useState } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconArrowsJoin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useLocation } from 'wouter';
import type { Contact } from '@shared/models';
import {
  CONTACT_MERGE_FIELDS,
  CONTACT_MERGE_LISTS,
  combinedContactLists,
  contactDefaultChoices,
  contactDifferingFields,
  contactName,
  type ContactMergeField,
} from '@shared/domain/record-merge-contacts';
import type { MergeSide } from '@shared/domain/record-merge-accounts';
import { useAccount } from '../../db/hooks';
import { LineList, MergeSideCard, MergeTable, ValueText } from './MergeParts';
import { useContactMerge } from './useContactMerge';
import { errorMessage } from '@shared/error-message';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';
import { formatIsoDay } from '../../ui/formats';

type T = TFunction;

/** Merge contact `otherId` into contact `id`: pick a value per differing field, see what moves, confirm. */
export function ContactMergePage({ id, otherId }: { id: string; otherId: string }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { survivor, duplicate, related, merge } = useContactMerge(id, otherId);
  const survivorAccount = useAccount(survivor?.accountId || undefined);
  const duplicateAccount = useAccount(duplicate?.accountId || undefined);
  const [choices, setChoices] = useState<Partial<Record<ContactMergeField, MergeSide>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => setChoices({}), [id, otherId]);

  if (id === otherId) return <NotFoundState>{t('duplicates.contactMergePage.sameContact')}</NotFoundState>;
  if (survivor === undefined || duplicate === undefined) return <LoadingState />;
  if (!survivor || !duplicate) return done ? <LoadingState /> : <NotFoundState>{t('duplicates.contactMergePage.notFound')}</NotFoundState>;

  const accountName = (c: Contact) => {
    const a = c.accountId === survivor.accountId ? survivorAccount : duplicateAccount;
    return a ? a.tradeName || a.name : c.accountId;
  };
  const chosen = { ...contactDefaultChoices(survivor, duplicate), ...choices };
  const differing = contactDifferingFields(survivor, duplicate);
  const text = (f: ContactMergeField, c: Contact) => display(f, c, t, accountName, i18n.language);
  const lists = combinedContactLists(survivor, duplicate);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await merge(survivor, duplicate, chosen);
      setDone(true);
      navigate(paths.contact(survivor.id));
    } catch (e) {
      setError(t('duplicates.mergePage.failed', { message: errorMessage(e) }));
      setBusy(false);
    }
  };
  const subtitle = (c: Contact) => [c.role, accountName(c), c.emails[0]?.address].filter(Boolean).join(' · ');
  const moved = related
    ? (
        [
          ['activities', related.activities.length],
          ['cases', related.cases.length],
          ['deals', related.deals.length],
          ['campaigns', related.campaigns.length],
          ['events', related.events.length],
        ] as const
      ).filter(([, n]) => n > 0)
    : [];

  return (
    <Stack maw={1100} gap="md">
      <Anchor component={Link} href={paths.contact(survivor.id)} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('common.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('duplicates.contactMergePage.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('duplicates.contactMergePage.intro')}
      </Text>
      <Group align="stretch" wrap="nowrap">
        <MergeSideCard
          label={t('duplicates.mergePage.keep')}
          color="teal"
          title={contactName(survivor)}
          href={paths.contact(survivor.id)}
          subtitle={subtitle(survivor)}
        />
        <Button
          variant="subtle"
          onClick={() => navigate(paths.contactMerge(duplicate.id, survivor.id))}
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
          style={{ alignSelf: 'center', flexShrink: 0 }}
        >
          {t('duplicates.contactMergePage.swap')}
        </Button>
        <MergeSideCard
          label={t('duplicates.contactMergePage.remove')}
          color="red"
          title={contactName(duplicate)}
          href={paths.contact(duplicate.id)}
          subtitle={subtitle(duplicate)}
        />
      </Group>

      {differing.length > 0 ? (
        <>
          <MergeTable
            rows={differing.map((f) => ({
              field: f,
              label: t(`duplicates.contactFields.${f}`),
              survivor: { node: <ValueText text={text(f, survivor)} />, text: text(f, survivor) },
              duplicate: { node: <ValueText text={text(f, duplicate)} />, text: text(f, duplicate) },
            }))}
            chosen={chosen}
            onChoose={(f, side) => setChoices((c) => ({ ...c, [f]: side }))}
            survivorTitle={contactName(survivor)}
            duplicateTitle={contactName(duplicate)}
            removeLabel={t('duplicates.contactMergePage.remove')}
          />
          <Text size="xs" c="dimmed">
            {t('duplicates.contactMergePage.sameCount', { count: CONTACT_MERGE_FIELDS.length - differing.length })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('duplicates.mergePage.allSame')}</Text>
      )}

      <SimpleGrid cols={2}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('duplicates.mergePage.combined')}
          </Title>
          <LineList
            lines={CONTACT_MERGE_LISTS.map((l) =>
              t('duplicates.mergePage.combinedLine', {
                label: t(`duplicates.contactFields.${l}`),
                a: survivor[l].length,
                b: duplicate[l].length,
                total: lists[l].length,
              }),
            )}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('duplicates.contactMergePage.moved')}
          </Title>
          {related === undefined ? (
            <Text size="sm" c="dimmed">
              {t('duplicates.mergePage.counting')}
            </Text>
          ) : moved.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('duplicates.contactMergePage.nothingMoved')}
            </Text>
          ) : (
            <LineList lines={moved.map(([c, n]) => t('duplicates.mergePage.movedLine', { label: t(`duplicates.contactFields.${c}`), count: n }))} />
          )}
        </Card>
      </SimpleGrid>

      {error && <ErrorState>{error}</ErrorState>}
      <Group>
        <Button color="red" onClick={() => void run()} loading={busy} disabled={related === undefined} leftSection={<IconArrowsJoin size={16} aria-hidden />}>
          {t('duplicates.contactMergePage.confirm')}
        </Button>
        <Button variant="default" component={Link} href={paths.contact(survivor.id)}>
          {t('duplicates.mergePage.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function display(field: ContactMergeField, c: Contact, t: T, accountName: (c: Contact) => string, language: string): string {
  const empty = t('duplicates.mergePage.empty');
  switch (field) {
    case 'accountId':
      return c.accountId ? accountName(c) : empty;
    case 'preferredChannel':
      return t(`duplicates.channel.${c.preferredChannel}`);
    case 'decisionMaker':
      return c.decisionMaker ? t('common.yes') : t('common.no');
    case 'consent':
      return [t(`contacts.consentBasis.${c.consent.basis}`), c.consent.source].filter(Boolean).join(' · ');
    case 'birthday':
      return c.birthday ? formatIsoDay(c.birthday, language) : empty;
    default:
      return (c[field] as string) || empty;
  }
}
