import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Order } from '@shared/models';
import {
  completeness,
  daysSinceLastOrder,
  normalizeOrderStatus,
  reconcileShipments,
  repeatOrderRate,
  timeliness,
  type Timeliness,
} from '@shared/domain/orders';
import { keyUnder } from '../../i18n/app-messages';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

/** "Entregue", "Em preparação"… (version 0's draft reads as received). */
export function useOrderStatusLabel() {
  const { t } = useTranslation();
  return (status: string) => t(keyUnder('orders.status', normalizeOrderStatus(status)));
}

/** "No prazo", "Atrasado 3 dias", "A entregar", "Sem prazo". */
export function useTimelinessLabel() {
  const { t } = useTranslation();
  return (tl: Timeliness) => (tl.kind === 'late' ? t('orders.timeliness.late', { count: tl.days }) : t(keyUnder('orders.timeliness', tl.kind)));
}

const TIMELINESS_COLOR: Record<Timeliness['kind'], string> = { on_time: 'teal', late: 'red', pending: 'gray', none: 'gray' };

/** An order's completeness (% delivered) and timeliness, as two small badges; nothing for a cancelled order. */
export function OrderDeliveryBadges({ order: stored, today }: { order: Order; today: string }) {
  const order = reconcileShipments(stored);
  const { t } = useTranslation();
  const f = useFormats();
  const timelinessLabel = useTimelinessLabel();
  const c = completeness(order);
  if (!c) return null;
  const tl = timeliness(order, today);
  return (
    <>
      <Badge size="xs" variant="light" color={c.bp >= 10_000 ? 'teal' : 'gray'}>
        {t('orders.account.complete', { pct: f.pct(c.bp) })}
      </Badge>
      {tl.kind !== 'none' && (
        <Badge size="xs" variant="light" color={TIMELINESS_COLOR[tl.kind]}>
          {timelinessLabel(tl)}
        </Badge>
      )}
    </>
  );
}

/**
 * An account's repeat-order rate and days since its last order (shared/domain/orders/metrics.ts says
 * how each is counted), and a link to take a new order for it.
 */
export function AccountOrderSummary({ accountId, orders, today }: { accountId: string; orders: readonly Order[]; today: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const days = daysSinceLastOrder(orders, today);
  const rate = repeatOrderRate(orders, today);
  return (
    <Group gap={12} wrap="wrap" data-testid="account-order-summary">
      {days !== null && <Text size="sm">{t('orders.account.daysSince', { count: days })}</Text>}
      {days !== null && (
        <Text size="sm">
          {rate ? t('orders.account.repeatRate', { months: rate.monthsWithOrders, span: rate.months, pct: f.pct(rate.bp) }) : t('orders.account.repeatNone')}
        </Text>
      )}
      <Anchor component={Link} href={paths.newOrder(accountId)} size="sm">
        {t('orders.newOrder')}
      </Anchor>
    </Group>
  );
}
