import { useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { CONTRACT_STATUSES, type Contract } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { addDays } from '@shared/domain/sales/days';
import { daysToExpiry } from '@shared/domain/sales/contract-tasks';
import type { ContractStatus } from '@shared/domain/sales/contracts';
import { useDocuments } from '../../db/hooks';
import { contractQueries } from '../../db/collections/contracts';
import { accountQueries } from '../../db/collections/accounts';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { EntityTable, type EntityColumn } from '../../ui/EntityTable';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useContractsStore, type ContractsView } from './store';
import { useNewContract } from './useNewContract';
import classes from './ContractsPage.module.css';

/** The names of the accounts with these ids, live. */
function useAccountNames(ids: readonly string[]): Map<string, string> {
  const unique = useMemo(() => [...new Set(ids.filter(Boolean))].sort(), [ids]);
  const accounts = useDocuments('accounts', unique.length ? accountQueries.byIds(unique) : null);
  return useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a.tradeName || a.name])), [accounts]);
}

/** How far ahead the "expiring" view looks, in days. */
export const EXPIRING_DAYS = 90;
const ALL = 'all';

type SortKey = 'number' | 'title' | 'account' | 'status' | 'value' | 'start' | 'end' | 'daysLeft';

/** Every contract in a table (number, title, account, status, value, dates, days to expiry), by status or those ending soon. */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const { view, status, sort, setView, setStatus, setSort } = useContractsStore();
  const { blank } = useNewContract();
  const [failed, setFailed] = useState(false);
  const today = localIsoDay();
  const query = view === 'expiring' ? contractQueries.endingBetween(today, addDays(today, EXPIRING_DAYS)!) : contractQueries.byStatus(status);
  const found = useDocuments('contracts', query);
  const ids = useMemo(() => (found ?? []).map((c) => c.accountId), [found]);
  const names = useAccountNames(ids);

  const rows = useMemo(() => {
    const list = (found ?? []).filter((c) => view !== 'expiring' || !status || c.status === status);
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    const order = new Map(CONTRACT_STATUSES.map((s, i) => [s, i]));
    const left = (c: Contract) => daysToExpiry(c, today) ?? Number.MAX_SAFE_INTEGER;
    const key: Record<SortKey, (a: Contract, b: Contract) => number> = {
      number: (a, b) => collator.compare(a.number, b.number),
      title: (a, b) => collator.compare(a.title, b.title),
      account: (a, b) => collator.compare(names.get(a.accountId) ?? '', names.get(b.accountId) ?? ''),
      status: (a, b) => (order.get(a.status) ?? 0) - (order.get(b.status) ?? 0),
      value: (a, b) => a.value.amount - b.value.amount,
      start: (a, b) => (a.startDate || '9999').localeCompare(b.startDate || '9999'),
      end: (a, b) => (a.endDate || '9999').localeCompare(b.endDate || '9999'),
      daysLeft: (a, b) => left(a) - left(b),
    };
    const compare = key[sort.column as SortKey] ?? key.end;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return list.sort((a, b) => sign * compare(a, b) || (a.id < b.id ? -1 : 1));
  }, [found, view, status, sort, names, today, i18n.language]);

  const columns: EntityColumn<Contract>[] = [
    { id: 'number', header: t('contracts.list.columns.number'), sortable: true, cell: (c) => <span>{c.number}</span> },
    { id: 'title', header: t('contracts.list.columns.title'), sortable: true, cell: (c) => <span>{c.title}</span> },
    { id: 'account', header: t('contracts.list.columns.account'), sortable: true, cell: (c) => <span>{names.get(c.accountId) ?? ''}</span> },
    { id: 'status', header: t('contracts.list.columns.status'), sortable: true, cell: (c) => <span>{t(keyUnder('contracts.status', c.status))}</span> },
    {
      id: 'value',
      header: t('contracts.list.columns.value'),
      sortable: true,
      numeric: true,
      cell: (c) => <span>{f.money(c.value.amount, c.value.currency)}</span>,
    },
    { id: 'start', header: t('contracts.list.columns.start'), sortable: true, cell: (c) => <span>{f.isoDay(c.startDate)}</span> },
    { id: 'end', header: t('contracts.list.columns.end'), sortable: true, cell: (c) => <span>{f.isoDay(c.endDate)}</span> },
    {
      id: 'daysLeft',
      header: t('contracts.list.columns.daysLeft'),
      sortable: true,
      numeric: true,
      cell: (c) => {
        const left = c.status === 'signed' || c.status === 'active' ? daysToExpiry(c, today) : null;
        return <span>{left === null ? '—' : f.number(left)}</span>;
      },
    },
  ];

  const statusData = [
    { value: ALL, label: t('contracts.list.allStatuses') },
    ...CONTRACT_STATUSES.map((s) => ({ value: s, label: t(keyUnder('contracts.status', s)) })),
  ];
  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('contracts.title')}</Title>
          {found && (
            <Text size="sm" c="dimmed" role="status">
              {t('contracts.list.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={async () => {
            setFailed(!(await blank()));
          }}
        >
          {t('contracts.new')}
        </Button>
      </Group>
      {failed && <ErrorState>{t('contracts.saveFailed')}</ErrorState>}
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t('contracts.list.view')}
          value={view}
          onChange={(v) => setView(v as ContractsView)}
          data={[
            { value: 'all', label: t('contracts.list.all') },
            { value: 'expiring', label: t('contracts.list.expiring') },
          ]}
        />
        <Select
          label={t('contracts.list.status')}
          data={statusData}
          value={status ?? ALL}
          onChange={(v) => setStatus(!v || v === ALL ? null : (v as ContractStatus))}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {found === undefined ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState>{t('contracts.list.empty')}</EmptyState>
      ) : (
        <EntityTable
          label={t('contracts.title')}
          count={rows.length}
          row={(i) => rows[i]}
          columns={columns}
          onOpen={(c) => navigate(paths.contract(c.id))}
          rowHeight={40}
          sort={sort}
          onSortChange={setSort}
          resetKey={`${view}-${status ?? ''}`}
          classes={{ row: classes.row }}
          scrollerTestId="contracts-list-scroller"
        />
      )}
    </Stack>
  );
}
