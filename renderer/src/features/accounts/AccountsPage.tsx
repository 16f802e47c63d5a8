import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { Button, Group, NativeSelect, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ACCOUNT_STATUSES, type AccountStatus } from '@shared/models';
import { filterAccountRows, type AccountRow } from '@shared/domain/account-rows';
import { SampleDataButton } from '../sample-data/SampleDataButton';
import { StatusBadge } from './StatusBadge';
import { useAccountsListStore } from './store';
import { useAccountRows } from './useAccountRows';
import classes from './AccountsPage.module.css';

const ROW_HEIGHT = 44;

/** Marks the moment the first rows are on screen (read by the bench). */
export const FIRST_ROWS_MARK = 'carteira:accounts:first-rows';

/** The accounts list: every account, virtualised, filtered in memory as you type. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { rows, total, complete } = useAccountRows();
  const { text, status, setText, setStatus } = useAccountsListStore();
  const deferredText = useDeferredValue(text);
  const filtering = Boolean(deferredText.trim() || status);
  const visible = useMemo(
    () => filterAccountRows(rows, { text: deferredText, statuses: status ? [status] : [] }),
    [rows, deferredText, status],
  );
  // Until every row is in memory, the list reserves room for all of them (skeleton rows).
  const count = filtering ? visible.length : Math.max(total, visible.length);
  const empty = complete && total === 0;

  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>{t('accounts.title')}</Title>
          <Text c="dimmed" size="sm" aria-live="polite">{t('accounts.count', { count: filtering ? visible.length : total })}</Text>
        </Group>
        <Button component={Link} href="/accounts/new" leftSection={<IconPlus size={16} aria-hidden />}>{t('accounts.new')}</Button>
      </Group>
      {empty ? (
        <EmptyAccounts />
      ) : (
        <>
          <Group gap="sm">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('accounts.filterLabel')}
              placeholder={t('accounts.filterPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <NativeSelect
              aria-label={t('accounts.statusFilter')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as AccountStatus | '')}
              data={[{ value: '', label: t('accounts.allStatuses') }, ...ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            />
          </Group>
          {filtering && visible.length === 0 && complete ? <Text c="dimmed">{t('accounts.noMatch')}</Text> : <AccountsTable rows={visible} count={count} />}
        </>
      )}
    </Stack>
  );
}

function AccountsTable({ rows, count }: { rows: readonly AccountRow[]; count: number }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
  }, [hasRows]);

  return (
    <div role="table" aria-label={t('accounts.title')} aria-rowcount={count + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">{t('accounts.columns.name')}</span>
          <span role="columnheader">{t('accounts.columns.taxId')}</span>
          <span role="columnheader">{t('accounts.columns.city')}</span>
          <span role="columnheader">{t('accounts.columns.status')}</span>
        </div>
      </div>
      <div ref={scrollRef} className={classes.scroller} data-testid="accounts-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={classes.row} style={style} aria-busy>
                  <Skeleton height={12} radius="sm" />
                </div>
              );
            }
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${classes.row} ${classes.body}`}
                style={style}
                onClick={() => navigate(`/accounts/${row.id}`)}
              >
                <span role="cell" className={classes.name}>
                  <Link href={`/accounts/${row.id}`} onClick={(e) => e.stopPropagation()}>{row.tradeName || row.name}</Link>
                  {row.tradeName && row.tradeName !== row.name && <Text span size="xs" c="dimmed"> · {row.name}</Text>}
                </span>
                <span role="cell">{row.taxId || t('common.none')}</span>
                <span role="cell">{row.city ? `${row.city}${row.state ? ` / ${row.state}` : ''}` : t('common.none')}</span>
                <span role="cell"><StatusBadge status={row.status} /></span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function EmptyAccounts() {
  const { t } = useTranslation();
  return (
    <Stack align="center" justify="center" py="xl" gap="sm" maw={520} mx="auto" ta="center">
      <Title order={3}>{t('accounts.empty.title')}</Title>
      <Text c="dimmed">{t('accounts.empty.body')}</Text>
      <Group>
        <Button component={Link} href="/accounts/new" variant="default">{t('accounts.new')}</Button>
        <SampleDataButton />
      </Group>
    </Stack>
  );
}
