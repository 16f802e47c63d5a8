import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { distinctValues, filterAccountRows, isFiltering, sortAccountRows, type AccountRow } from '@shared/domain/account-rows';
import { SampleDataButton } from '../sample-data';
import { WelcomePanel, useIsFirstRun } from '../welcome';
import { AccountFilters } from './AccountFilters';
import { BulkActionsBar } from './BulkActionsBar';
import { StatusBadge } from './StatusBadge';
import { useAccountSelectionStore, useAccountsListStore } from './store';
import { useAccountRows } from './useAccountRows';
import classes from './AccountsPage.module.css';
import { useAuthorLabel } from '../../sync/useAuthorLabel';
import { paths } from '../../app/paths';

const ROW_HEIGHT = 44;

/** Marks the moment the first rows are on screen (read by the bench). */
export const FIRST_ROWS_MARK = 'carteira:accounts:first-rows';

/** The accounts list: every account, virtualised, filtered and sorted in memory as you type. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { rows, total: counted, complete } = useAccountRows();
  // Before the count answers, the rows read so far are all the list knows of.
  const total = counted ?? rows.length;
  const text = useAccountsListStore((s) => s.text);
  const filters = useAccountsListStore((s) => s.filters);
  const sort = useAccountsListStore((s) => s.sort);
  const deferredText = useDeferredValue(text);
  const filter = useMemo(() => ({ text: deferredText, ...filters }), [deferredText, filters]);
  const filtering = isFiltering(filter);
  const visible = useMemo(() => sortAccountRows(filterAccountRows(rows, filter), sort), [rows, filter, sort]);
  // Until every row is in memory, the list reserves room for all of them (skeleton rows); a
  // different order than by name waits for every row, since the missing ones could sort first.
  const ordered = sort.key === 'name' && sort.dir === 'asc';
  const count = filtering || !ordered ? visible.length : Math.max(total, visible.length);
  const empty = complete && total === 0;
  // The filter bar (a dozen comboboxes) mounts the frame after the first rows are on screen, so
  // its render never delays them; a placeholder of its height keeps the table from jumping.
  const [filtersShown, setFiltersShown] = useState(false);
  const firstRowsIn = rows.length > 0 || complete;
  useEffect(() => {
    if (!firstRowsIn || filtersShown) return;
    const frame = requestAnimationFrame(() => setFiltersShown(true));
    return () => cancelAnimationFrame(frame);
  }, [firstRowsIn, filtersShown]);

  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="xs">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>{t('accounts.title')}</Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {t('accounts.count', { count: filtering ? visible.length : total })}
          </Text>
        </Group>
        <Button component={Link} href={paths.newAccount()} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('accounts.new')}
        </Button>
      </Group>
      {empty ? (
        <EmptyAccounts />
      ) : (
        <>
          {filtersShown ? <AccountFilters rows={rows} /> : <div className={classes.filtersPlaceholder} />}
          <Selection rows={rows} visible={visible} />
          {filtering && visible.length === 0 && complete ? <Text c="dimmed">{t('accounts.noMatch')}</Text> : <AccountsTable rows={visible} count={count} />}
        </>
      )}
    </Stack>
  );
}

/** The bulk-action bar for the ticked accounts that the filter still shows. */
function Selection({ rows, visible }: { rows: readonly AccountRow[]; visible: readonly AccountRow[] }) {
  const selected = useAccountSelectionStore((s) => s.selected);
  const ids = useMemo(() => (selected.size ? visible.filter((r) => selected.has(r.id)).map((r) => r.id) : []), [selected, visible]);
  const owners = useMemo(() => (ids.length ? distinctValues(rows, (r) => r.ownerId) : []), [ids.length, rows]);
  if (!ids.length) return null;
  return <BulkActionsBar ids={ids} owners={owners} />;
}

function AccountsTable({ rows, count }: { rows: readonly AccountRow[]; count: number }) {
  const { t } = useTranslation();
  const { label: person } = useAuthorLabel();
  const [, navigate] = useLocation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
  }, [hasRows]);
  const selected = useAccountSelectionStore((s) => s.selected);
  // Walks the rows only when the selection or the rows change, not on every scroll frame.
  const [allSelected, someSelected] = useMemo(() => {
    if (!selected.size || !rows.length) return [false, false];
    const all = selected.size >= rows.length && rows.every((r) => selected.has(r.id));
    return [all, !all && rows.some((r) => selected.has(r.id))];
  }, [rows, selected]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);

  const onRowCheck = (e: React.MouseEvent<HTMLInputElement>, id: string) => {
    e.stopPropagation();
    const on = e.currentTarget.checked;
    const store = useAccountSelectionStore.getState();
    if (e.shiftKey) store.range(ids, id, on);
    else store.toggle(id, on);
  };

  return (
    <div role="table" aria-label={t('accounts.title')} aria-rowcount={count + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">
            <Checkbox
              size="xs"
              aria-label={t('accounts.select.all')}
              checked={allSelected}
              indeterminate={someSelected}
              disabled={!rows.length}
              onChange={() => (allSelected ? useAccountSelectionStore.getState().clear() : useAccountSelectionStore.getState().setAll(ids))}
            />
          </span>
          <span role="columnheader">{t('accounts.columns.name')}</span>
          <span role="columnheader">{t('accounts.columns.taxId')}</span>
          <span role="columnheader">{t('accounts.columns.city')}</span>
          <span role="columnheader">{t('accounts.columns.owner')}</span>
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
                  <Skeleton height={12} radius="sm" style={{ gridColumn: '1 / -1' }} />
                </div>
              );
            }
            const label = row.tradeName || row.name;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected.has(row.id)}
                className={`${classes.row} ${classes.body}`}
                style={style}
                onClick={() => navigate(paths.account(row.id))}
              >
                <span role="cell">
                  {/* A native checkbox: dozens render per scroll frame, and Mantine's adds a wrapper tree to each. */}
                  <input
                    type="checkbox"
                    className={classes.check}
                    aria-label={t('accounts.select.row', { name: label })}
                    checked={selected.has(row.id)}
                    onClick={(e) => onRowCheck(e, row.id)}
                    onChange={() => {}}
                  />
                </span>
                <span role="cell" className={classes.name}>
                  <Link href={paths.account(row.id)} onClick={(e) => e.stopPropagation()}>
                    {label}
                  </Link>
                  {row.tradeName && row.tradeName !== row.name && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {row.name}
                    </Text>
                  )}
                </span>
                <span role="cell">{row.taxId || t('common.none')}</span>
                <span role="cell">{row.city ? `${row.city}${row.state ? ` / ${row.state}` : ''}` : t('common.none')}</span>
                <span role="cell">{person(row.ownerId)}</span>
                <span role="cell">
                  <StatusBadge status={row.status} />
                </span>
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
  // A fresh install opens here: the welcome stands in for the empty list until it is answered.
  if (useIsFirstRun()) return <WelcomePanel />;
  return (
    <Stack align="center" justify="center" py="xl" gap="sm" maw={520} mx="auto" ta="center">
      <Title order={3}>{t('accounts.empty.title')}</Title>
      <Text c="dimmed">{t('accounts.empty.body')}</Text>
      <Group>
        <Button component={Link} href={paths.newAccount()} variant="default">
          {t('accounts.new')}
        </Button>
        <SampleDataButton />
      </Group>
    </Stack>
  );
}
