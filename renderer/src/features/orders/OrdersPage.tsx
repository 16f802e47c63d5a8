import { useCallback, useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Order } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { completeness, isOverdueOrIncomplete, normalizeOrderStatus, reconcileShipments, timeliness, type Timeliness } from '@shared/domain/orders';
import { useDocuments } from '../../db/hooks';
import { orderQueries } from '../../db/collections/orders';
import { paths } from '../../app/paths';
import { EntityTable, type EntityColumn, type TableSort } from '../../ui/EntityTable';
import { EmptyState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useAccountRows } from '../accounts';
import { useOrderStatusLabel, useTimelinessLabel } from './OrderBadges';
import classes from './OrdersPage.module.css';

type View = 'all' | 'overdue';

/** One row of the list: the order with what the pure rules derive from it for today. */
interface OrderRow {
  id: string;
  number: string;
  accountName: string;
  status: ReturnType<typeof normalizeOrderStatus>;
  promisedDate: string;
  orderedAt: number;
  /** Basis points delivered; -1 for a cancelled order or one with nothing ordered. */
  completeBp: number;
  timeliness: Timeliness;
  total: number;
  currency: Order['currency'];
}

type SortKey = 'number' | 'account' | 'status' | 'promisedDate' | 'completeness' | 'timeliness' | 'total';
const lateness = (tl: Timeliness) => (tl.kind === 'late' ? tl.days : tl.kind === 'pending' ? 0 : -1);

/** Every order, or only the overdue and incomplete ones, with completeness and timeliness by today's local day. */
export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const [view, setView] = useState<View>('all');
  const [sort, setSort] = useState<TableSort>({ column: 'promisedDate', direction: 'desc' });
  const orders = useDocuments('orders', view === 'all' ? orderQueries.all() : orderQueries.open());
  const { rows: accountRows } = useAccountRows();
  const statusLabel = useOrderStatusLabel();
  const timelinessLabel = useTimelinessLabel();
  const today = localIsoDay();
  const accountNames = useMemo(() => new Map(accountRows.map((a) => [a.id, a.name])), [accountRows]);

  const rows = useMemo(() => {
    if (!orders) return undefined;
    const shown = orders.map((o) => reconcileShipments(o));
    const list: OrderRow[] = (view === 'overdue' ? shown.filter((o) => isOverdueOrIncomplete(o, today)) : shown).map((o) => ({
      id: o.id,
      number: o.number || o.id.slice(-6),
      accountName: accountNames.get(o.accountId) ?? '',
      status: normalizeOrderStatus(o.status),
      promisedDate: o.promisedDate,
      orderedAt: o.orderedAt,
      completeBp: completeness(o)?.bp ?? -1,
      timeliness: timeliness(o, today),
      total: o.total,
      currency: o.currency,
    }));
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    const key: Record<SortKey, (a: OrderRow, b: OrderRow) => number> = {
      number: (a, b) => collator.compare(a.number, b.number),
      account: (a, b) => collator.compare(a.accountName, b.accountName),
      status: (a, b) => collator.compare(statusLabel(a.status), statusLabel(b.status)),
      promisedDate: (a, b) => (a.promisedDate || '0000').localeCompare(b.promisedDate || '0000') || a.orderedAt - b.orderedAt,
      completeness: (a, b) => a.completeBp - b.completeBp,
      timeliness: (a, b) => lateness(a.timeliness) - lateness(b.timeliness),
      total: (a, b) => a.total - b.total,
    };
    const compare = key[sort.column as SortKey] ?? key.promisedDate;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return list.sort((a, b) => sign * compare(a, b) || (a.id < b.id ? -1 : 1));
  }, [orders, view, today, accountNames, sort, i18n.language, statusLabel]);

  const open = useCallback((row: OrderRow) => navigate(paths.order(row.id)), [navigate]);

  const columns: EntityColumn<OrderRow>[] = [
    { id: 'number', header: t('orders.columns.number'), sortable: true, cell: (r) => <span>{r.number}</span> },
    { id: 'account', header: t('orders.columns.account'), sortable: true, cell: (r) => <span>{r.accountName}</span> },
    { id: 'status', header: t('orders.columns.status'), sortable: true, cell: (r) => <span>{statusLabel(r.status)}</span> },
    { id: 'promisedDate', header: t('orders.columns.promisedDate'), sortable: true, cell: (r) => <span>{f.isoDay(r.promisedDate)}</span> },
    {
      id: 'completeness',
      header: t('orders.columns.completeness'),
      sortable: true,
      numeric: true,
      cell: (r) => <span>{r.completeBp < 0 ? '—' : f.pct(r.completeBp)}</span>,
    },
    {
      id: 'timeliness',
      header: t('orders.columns.timeliness'),
      sortable: true,
      cell: (r) => <span className={r.timeliness.kind === 'late' ? classes.late : undefined}>{timelinessLabel(r.timeliness)}</span>,
    },
    { id: 'total', header: t('orders.columns.total'), sortable: true, numeric: true, cell: (r) => <span>{f.money(r.total, r.currency)}</span> },
  ];

  return (
    <Stack className={classes.page} gap="sm">
      <Group justify="space-between">
        <Group gap="md">
          <Title order={2}>{t('orders.title')}</Title>
          {rows && (
            <Text size="sm" c="dimmed">
              {t('orders.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Group>
          <SegmentedControl
            aria-label={t('orders.view.label')}
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'all', label: t('orders.view.all') },
              { value: 'overdue', label: t('orders.view.overdue') },
            ]}
          />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => navigate(paths.newOrder())}>
            {t('orders.newOrder')}
          </Button>
        </Group>
      </Group>
      {rows === undefined ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t(view === 'all' ? 'orders.empty' : 'orders.emptyFiltered')}</EmptyState>
      ) : (
        <EntityTable
          label={t('orders.title')}
          count={rows.length}
          row={(i) => rows[i]}
          columns={columns}
          onOpen={open}
          rowHeight={40}
          sort={sort}
          onSortChange={setSort}
          resetKey={view}
          classes={{ scroller: classes.scroller, row: classes.row }}
          scrollerTestId="orders-list-scroller"
        />
      )}
    </Stack>
  );
}
