import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Account } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { normalizeStageId, stageOf } from '@shared/domain/sales/pipeline';
import { DEFAULT_COMMERCIAL_POLICY } from '@shared/domain/sales/commercial-policy';
import { keyUnder } from '../../i18n/app-messages';
import { NewDealButton } from '../deal';
import { useAccount, useAccountContacts, useAccountDeals } from '../../db/hooks';
import { StatusBadge } from './StatusBadge';
import { useAccountContracts, useAccountOrders, useReferralsGiven } from './useAccount360';
import { AccountCases, ReferralOutcome } from '../cases';
import { useFormats as useSafeFormats } from '../../ui/useFormats';
import { LoadingState } from '../../ui/states';
import { Listing } from '../../ui/Listing';
import { Section } from '../../ui/Section';
import { paths } from '../../app/paths';
import { AccountOrderSummary, OrderDeliveryBadges, useOrderStatusLabel } from '../orders';

/** The UI kit's formatters (a bad value shows "—", never throws), as these sections name them. */
function useFormats() {
  const f = useSafeFormats();
  return { money: f.money, /** An ISO calendar date ('' → '—'). */ date: f.isoDay, pct: f.pct };
}

export function ConditionsSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const f = useFormats();
  const c = account.conditions;
  const rows: [string, string][] = [
    [t('accounts.a360.priceList'), c.priceListId || t('common.none')],
    [t('accounts.a360.discount'), f.pct(c.discountBp)],
    [t('accounts.a360.paymentTerms'), c.paymentTerms || t('common.none')],
    [t('accounts.a360.bonuses'), c.bonuses || t('common.none')],
    [t('accounts.a360.loyalty'), t(`accounts.a360.loyaltyTier.${c.loyaltyTier}`)],
  ];
  return (
    <Section title={t('accounts.a360.conditions')}>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2 }}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed">
              {k}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {v}
            </Text>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function ContactsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const contacts = useAccountContacts(accountId);
  return (
    <Section title={t('accounts.a360.contacts')}>
      <Listing items={contacts} empty={t('accounts.a360.noContacts')}>
        {(list) =>
          list.map((c) => (
            <li key={c.id}>
              <Text size="sm" span>
                <Link href={paths.contact(c.id)}>{`${c.firstName} ${c.lastName}`.trim() || t('common.none')}</Link>
                {c.role ? ` — ${c.role}` : ''}
              </Text>
              {c.decisionMaker && (
                <Badge size="xs" variant="light" ml={6}>
                  {t('accounts.a360.decisionMaker')}
                </Badge>
              )}
            </li>
          ))
        }
      </Listing>
    </Section>
  );
}

export function DealsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const deals = useAccountDeals(accountId);
  const open = deals?.filter((d) => !isClosed(d.stage));
  return (
    <Section title={t('accounts.a360.deals')}>
      <Listing items={open} empty={t('accounts.a360.noDeals')}>
        {(list) =>
          list.map((d) => (
            <li key={d.id}>
              <Text size="sm">
                <Link href={paths.deal(d.id)}>{d.title}</Link> · {t(`accounts.a360.dealStage.${normalizeStageId(d.stage)}`, { defaultValue: d.stage })} ·{' '}
                {f.money(d.value.amount, d.value.currency)}
                {d.expectedClose ? ` · ${t('accounts.a360.closes', { date: f.date(d.expectedClose) })}` : ''}
              </Text>
            </li>
          ))
        }
      </Listing>
      <Group mt="xs">
        <NewDealButton accountId={accountId} variant="light" />
      </Group>
    </Section>
  );
}

const CLOSED_SHOWN = 5;
const isClosed = (stage: string) => {
  const kind = stageOf(DEFAULT_COMMERCIAL_POLICY.pipeline, stage)?.kind;
  return kind === 'won' || kind === 'lost';
};

/** The account's latest won and lost deals, newest close first: what it bought, and what it turned down and why. */
export function ClosedDealsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const deals = useAccountDeals(accountId);
  const closed = deals
    ?.filter((d) => isClosed(d.stage))
    .sort((a, b) => (b.closedAt || b.expectedClose).localeCompare(a.closedAt || a.expectedClose))
    .slice(0, CLOSED_SHOWN);
  return (
    <Section title={t('accounts.a360.closedDeals')}>
      <Listing items={closed} empty={t('accounts.a360.noClosedDeals')}>
        {(list) =>
          list.map((d) => (
            <li key={d.id}>
              <Text size="sm">
                <Link href={paths.deal(d.id)}>{d.title}</Link> ·{' '}
                <Badge size="sm" variant="light" color={normalizeStageId(d.stage) === 'won' ? 'teal' : 'gray'}>
                  {t(keyUnder('accounts.a360.dealStage', normalizeStageId(d.stage)))}
                </Badge>{' '}
                · {f.money(d.value.amount, d.value.currency)}
                {d.closedAt ? ` · ${t('accounts.a360.closedOn', { date: f.date(d.closedAt) })}` : ''}
                {d.lostReason ? ` · ${d.lostReason}` : ''}
              </Text>
            </li>
          ))
        }
      </Listing>
    </Section>
  );
}

export function OrdersSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const orders = useAccountOrders(accountId);
  const statusLabel = useOrderStatusLabel();
  // "Today" is the user's local day, as the orders' promised and delivered days are.
  const today = localIsoDay();
  return (
    <Section title={t('accounts.a360.orders')}>
      {orders && <AccountOrderSummary accountId={accountId} orders={orders} today={today} />}
      <Listing items={orders} empty={t('accounts.a360.noOrders')}>
        {(list) =>
          list.map((o) => (
            <li key={o.id}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={500}>
                  <Link href={paths.order(o.id)}>{o.number || o.id.slice(-6)}</Link>
                </Text>
                <Text size="sm">
                  {statusLabel(o.status)} · {f.money(o.total, o.currency)} · {f.date(o.promisedDate)}
                </Text>
                <OrderDeliveryBadges order={o} today={today} />
              </Group>
            </li>
          ))
        }
      </Listing>
    </Section>
  );
}

export function ContractsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const contracts = useAccountContracts(accountId);
  return (
    <Section title={t('accounts.a360.contracts')}>
      <Listing items={contracts} empty={t('accounts.a360.noContracts')}>
        {(list) =>
          list.map((c) => (
            <li key={c.id}>
              <Text size="sm">
                <b>
                  <Link href={paths.contract(c.id)}>{c.title}</Link>
                </b>{' '}
                · {t(`accounts.a360.contractStatus.${c.status}`)} · {f.money(c.value.amount, c.value.currency)}
                {c.endDate ? ` · ${t('accounts.a360.until', { date: f.date(c.endDate) })}` : ''}
              </Text>
            </li>
          ))
        }
      </Listing>
    </Section>
  );
}

/** The account's cases, each opening its page, and a new case on the account (the cases feature's section). */
export function CasesSection({ accountId }: { accountId: string }) {
  return <AccountCases accountId={accountId} />;
}

export function ReferralsSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const referrer = useAccount(account.referredBy || undefined);
  const given = useReferralsGiven(account.id);
  return (
    <Section title={t('accounts.a360.referrals')}>
      <Text size="xs" c="dimmed">
        {t('accounts.a360.referralsReceived')}
      </Text>
      {!account.referredBy ? (
        <Text size="sm" c="dimmed">
          {t('accounts.a360.noReferralReceived')}
        </Text>
      ) : referrer === undefined ? (
        <LoadingState size="xs" />
      ) : referrer === null ? (
        <Text size="sm" c="dimmed">
          {t('accounts.notFound')}
        </Text>
      ) : (
        <Text size="sm">
          <Link href={paths.account(referrer.id)}>{referrer.tradeName || referrer.name}</Link>
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('accounts.a360.referralsGiven')}
      </Text>
      <Listing items={given} empty={t('accounts.a360.noReferralsGiven')}>
        {(list) =>
          list.map((r) => (
            <li key={r.id}>
              <Group gap={6}>
                <Text size="sm">
                  <Link href={paths.account(r.id)}>{r.tradeName || r.name}</Link>
                </Text>
                <StatusBadge status={r.status} />
                <ReferralOutcome referredId={r.id} status={r.status} />
              </Group>
            </li>
          ))
        }
      </Listing>
    </Section>
  );
}
