import { keyUnder } from '../../i18n/app-messages';
import { useEffect, useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconArrowsJoin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useLocation } from 'wouter';
import type { Account } from '@shared/models';
import {
  ACCOUNT_MERGE_FIELDS,
  MERGE_LISTS,
  RELATED_COLLECTIONS,
  combinedLists,
  defaultChoices,
  differingFields,
  fieldValue,
  type MergeField,
  type MergeSide,
} from '@shared/domain/record-merge-accounts';
import { useAccount } from '../../db/hooks';
import { LineList, MergeSideCard, MergeTable, ValueText } from './MergeParts';
import { useAccountMerge } from './useAccountMerge';
import { errorMessage } from '@shared/error-message';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';
import { formatBasisPoints } from '../../ui/formats';

const key = (f: string) => keyUnder('duplicates.fields', f.replace('.', '_'));

/** Merge account `otherId` into account `id`: pick a value per differing field, see what moves, confirm. */
export function AccountMergePage({ id, otherId }: { id: string; otherId: string }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { survivor, duplicate, related, merge } = useAccountMerge(id, otherId);
  const [choices, setChoices] = useState<Partial<Record<MergeField, MergeSide>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => setChoices({}), [id, otherId]);

  if (id === otherId) return <NotFoundState>{t('duplicates.mergePage.sameAccount')}</NotFoundState>;
  if (survivor === undefined || duplicate === undefined) return <LoadingState />;
  // Once merged the duplicate disappears; the page is about to leave, so do not flash an error.
  if (!survivor || !duplicate) return done ? <LoadingState /> : <NotFoundState>{t('duplicates.mergePage.notFound')}</NotFoundState>;

  const chosen = { ...defaultChoices(survivor, duplicate), ...choices };
  const differing = differingFields(survivor, duplicate);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await merge(survivor, duplicate, chosen);
      setDone(true);
      navigate(paths.account(survivor.id));
    } catch (e) {
      setError(t('duplicates.mergePage.failed', { message: errorMessage(e) }));
      setBusy(false);
    }
  };

  return (
    <Stack maw={1100} gap="md">
      <Anchor component={Link} href={paths.account(survivor.id)} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('common.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('duplicates.mergePage.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('duplicates.mergePage.intro')}
      </Text>
      <Group align="stretch" wrap="nowrap">
        <AccountCard account={survivor} label={t('duplicates.mergePage.keep')} color="teal" />
        <Button
          variant="subtle"
          onClick={() => navigate(paths.accountMerge(duplicate.id, survivor.id))}
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
          style={{ alignSelf: 'center', flexShrink: 0 }}
        >
          {t('duplicates.mergePage.swap')}
        </Button>
        <AccountCard account={duplicate} label={t('duplicates.mergePage.remove')} color="red" />
      </Group>

      {differing.length > 0 ? (
        <MergeTable
          rows={differing.map((f) => ({
            field: f,
            label: t(key(f)),
            survivor: { node: <FieldValue field={f} account={survivor} />, text: display(f, survivor, t, i18n.language) },
            duplicate: { node: <FieldValue field={f} account={duplicate} />, text: display(f, duplicate, t, i18n.language) },
          }))}
          chosen={chosen}
          onChoose={(f, side) => setChoices((c) => ({ ...c, [f]: side }))}
          survivorTitle={survivor.tradeName || survivor.name}
          duplicateTitle={duplicate.tradeName || duplicate.name}
          removeLabel={t('duplicates.mergePage.remove')}
        />
      ) : (
        <Text size="sm">{t('duplicates.mergePage.allSame')}</Text>
      )}
      {differing.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('duplicates.mergePage.sameCount', { count: ACCOUNT_MERGE_FIELDS.length - differing.length })}
        </Text>
      )}

      <SimpleGrid cols={2}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('duplicates.mergePage.combined')}
          </Title>
          <CombinedLines survivor={survivor} duplicate={duplicate} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('duplicates.mergePage.moved')}
          </Title>
          {related === undefined ? (
            <Text size="sm" c="dimmed">
              {t('duplicates.mergePage.counting')}
            </Text>
          ) : (
            (() => {
              const lines = [
                ...RELATED_COLLECTIONS.map((c) => [c, related.byAccountId[c]?.length ?? 0] as const),
                ['referrals', related.referrals.filter((r) => r !== survivor.id).length] as const,
                ['events', related.events.length] as const,
                ['campaigns', related.campaigns.length] as const,
              ].filter(([, n]) => n > 0);
              return lines.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('duplicates.mergePage.nothingMoved')}
                </Text>
              ) : (
                <LineList lines={lines.map(([c, n]) => t('duplicates.mergePage.movedLine', { label: t(key(c)), count: n }))} />
              );
            })()
          )}
        </Card>
      </SimpleGrid>

      {error && <ErrorState>{error}</ErrorState>}
      <Group>
        <Button color="red" onClick={() => void run()} loading={busy} disabled={related === undefined} leftSection={<IconArrowsJoin size={16} aria-hidden />}>
          {t('duplicates.mergePage.confirm')}
        </Button>
        <Button variant="default" component={Link} href={paths.account(survivor.id)}>
          {t('duplicates.mergePage.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function AccountCard({ account, label, color }: { account: Account; label: string; color: string }) {
  const subtitle = [account.tradeName ? account.name : '', account.taxId, [account.city, account.state].filter(Boolean).join(' / ')]
    .filter(Boolean)
    .join(' · ');
  return <MergeSideCard label={label} color={color} title={account.tradeName || account.name} href={paths.account(account.id)} subtitle={subtitle} />;
}

function CombinedLines({ survivor, duplicate }: { survivor: Account; duplicate: Account }) {
  const { t } = useTranslation();
  const lists = useMemo(() => combinedLists(survivor, duplicate), [survivor, duplicate]);
  const length = (a: Account, l: (typeof MERGE_LISTS)[number]) => (l === 'riskSignals' ? a.risk.signals.length : a[l].length);
  return (
    <LineList
      lines={MERGE_LISTS.map((l) =>
        t('duplicates.mergePage.combinedLine', { label: t(key(l)), a: length(survivor, l), b: length(duplicate, l), total: lists[l].length }),
      )}
    />
  );
}

type T = TFunction;

/** A field's value in words ("(vazio)" for nothing). */
function display(field: MergeField, account: Account, t: T, locale: string): string {
  const v = fieldValue(account, field);
  const empty = t('duplicates.mergePage.empty');
  switch (field) {
    case 'taxId': {
      const tax = v as { kind: string; taxId: string };
      return tax.taxId ? `${t(keyUnder('taxIdKind', tax.kind))} ${tax.taxId}` : t(keyUnder('taxIdKind', tax.kind));
    }
    case 'status':
      return t(keyUnder('status', v as string));
    case 'segment':
      return t(keyUnder('segment', v as string));
    case 'source':
      return t(keyUnder('source', v as string));
    case 'country':
      return v ? (v === 'BR' || v === 'PT' ? t(`country.${v}`) : String(v)) : empty;
    case 'preferredChannel':
      return t(keyUnder('duplicates.channel', v as string));
    case 'conditions.loyaltyTier':
      return t(keyUnder('duplicates.loyalty', v as string));
    case 'conditions.discountBp':
      return formatBasisPoints(v as number, locale);
    default:
      return v === '' || v === undefined ? empty : String(v);
  }
}

function FieldValue({ field, account }: { field: MergeField; account: Account }) {
  const { t, i18n } = useTranslation();
  if (field === 'referredBy' && account.referredBy) return <ReferrerName id={account.referredBy} />;
  return <ValueText text={display(field, account, t, i18n.language)} />;
}

function ReferrerName({ id }: { id: string }) {
  const account = useAccount(id);
  return <Text size="sm">{account ? account.tradeName || account.name : id}</Text>;
}
