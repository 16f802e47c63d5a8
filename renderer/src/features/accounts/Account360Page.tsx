import { useCallback, useEffect, useRef, useState } from 'react';
import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Activity } from '@shared/models';
import { useOverlaysStore } from '../../app/overlays-store';
import { useAccount } from '../../db/hooks';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { EmailLinks, PhoneLinks } from '../contacts';
import { AccountTimeline } from './AccountTimeline';
import {
  CasesSection,
  ClosedDealsSection,
  ConditionsSection,
  ContactsSection,
  ContractsSection,
  DealsSection,
  OrdersSection,
  ReferralsSection,
} from './AccountSections';
import { ReliabilityPanel, RiskBadge } from './ReliabilityPanel';
import { StatusBadge } from './StatusBadge';
import { useAccountTimeline } from './useAccount360';
import { LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';

/** Marks the moment an account's header and first timeline rows are on screen (read by the bench); detail: { id }. */
export const ACCOUNT360_MARK = 'carteira:account360:ready';
const TIMELINE_PAGE = 30;

/** Everything about one account on one page: identity, conditions, timeline, deals, orders, contracts, cases, referrals, reliability. */
export function Account360Page({ id }: { id: string }) {
  const { t } = useTranslation();
  const account = useAccount(id);
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  useEffect(() => setLimit(TIMELINE_PAGE), [id]);
  const fetched = useAccountTimeline(id, limit);
  // A bigger page re-runs the query: keep showing the rows we had until it answers.
  const kept = useRef<{ id: string; items: Activity[] } | null>(null);
  if (fetched !== undefined) kept.current = { id, items: fetched };
  const timeline = fetched ?? (kept.current?.id === id ? kept.current.items : undefined);
  const more = useCallback(() => setLimit((l) => l + TIMELINE_PAGE * 2), []);
  const ready = Boolean(account) && timeline !== undefined;
  // Header and timeline first; the other sections (each with its own query) mount right after
  // they are on screen, so their reads queue behind the timeline's and their render is not in its way.
  const [restFor, setRestFor] = useState<string | null>(null);
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    if (marked.current !== id) {
      marked.current = id;
      performance.mark(ACCOUNT360_MARK, { detail: { id } });
    }
    setRestFor(id);
  }, [ready, id]);
  const rest = restFor === id;

  if (account === undefined) return <LoadingState />;
  if (account === null) return <NotFoundState>{t('accounts.notFound')}</NotFoundState>;
  const place = [account.city, account.state].filter(Boolean).join(' / ');

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Anchor component={Link} href={paths.accounts()} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('common.back')}
          </Group>
        </Anchor>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => useOverlaysStore.getState().openQuickLog({ accountId: account.id })}>
            {t('accounts.a360.logActivity')}
          </Button>
          <Button component={Link} href={paths.accountEdit(account.id)} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      <header>
        <Group gap="sm" align="center">
          <Title order={2}>{account.tradeName || account.name}</Title>
          <StatusBadge status={account.status} />
          <RiskBadge score={account.risk.score} />
        </Group>
        <Text c="dimmed" size="sm">
          {[account.tradeName && account.tradeName !== account.name ? account.name : '', t(`segment.${account.segment}`), account.taxId, place]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {(account.phones.length > 0 || account.emails.length > 0 || account.website) && (
          <Group gap="lg" mt={6} align="flex-start" aria-label={t('accounts.a360.channels')} role="group">
            {account.phones.length > 0 && <PhoneLinks phones={account.phones} />}
            {account.emails.length > 0 && <EmailLinks emails={account.emails} />}
            {account.website && <Text size="sm">{account.website}</Text>}
          </Group>
        )}
      </header>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            {/* Each section fails alone: one bad record shows a notice in its place, the rest stays. */}
            <PanelBoundary title={t('accounts.a360.timeline')}>
              <AccountTimeline activities={timeline} limit={limit} onMore={more} />
            </PanelBoundary>
            {rest && (
              <>
                <PanelBoundary title={t('accounts.a360.deals')}>
                  <DealsSection accountId={account.id} />
                  <ClosedDealsSection accountId={account.id} />
                </PanelBoundary>
                <PanelBoundary title={t('accounts.a360.orders')}>
                  <OrdersSection accountId={account.id} />
                </PanelBoundary>
                <PanelBoundary title={t('accounts.a360.contracts')}>
                  <ContractsSection accountId={account.id} />
                </PanelBoundary>
                <PanelBoundary title={t('accounts.a360.cases')}>
                  <CasesSection accountId={account.id} />
                </PanelBoundary>
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <PanelBoundary title={t('accounts.a360.conditions')}>
              <ConditionsSection account={account} />
            </PanelBoundary>
            {rest && (
              <>
                <PanelBoundary title={t('accounts.risk.title')}>
                  <ReliabilityPanel account={account} />
                </PanelBoundary>
                <PanelBoundary title={t('accounts.a360.contacts')}>
                  <ContactsSection accountId={account.id} />
                </PanelBoundary>
                <PanelBoundary title={t('accounts.a360.referrals')}>
                  <ReferralsSection account={account} />
                </PanelBoundary>
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
