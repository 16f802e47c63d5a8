import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
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
import { EntityTable, type EntityColumn } from '../../ui/EntityTable';

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

  const columns: EntityColumn<AccountRow>[] = [
    {
      id: 'name',
      header: t('accounts.columns.name'),
      className: classes.name,
      cell: (row) => (
        <>
          <Link href={paths.account(row.id)} onClick={(e) => e.stopPropagation()}>
            {row.tradeName || row.name}
          </Link>
          {row.tradeName && row.tradeName !== row.name && (
            <Text span size="xs" c="dimmed">
              {' '}
              · {row.name}
            </Text>
          )}
        </>
      ),
    },
    { id: 'taxId', header: t('accounts.columns.taxId'), cell: (row) => row.taxId || t('common.none') },
    { id: 'city', header: t('accounts.columns.city'), cell: (row) => (row.city ? `${row.city}${row.state ? ` / ${row.state}` : ''}` : t('common.none')) },
    { id: 'owner', header: t('accounts.columns.owner'), cell: (row) => person(row.ownerId) },
    { id: 'status', header: t('accounts.columns.status'), cell: (row) => <StatusBadge status={row.status} /> },
  ];

  return (
    <EntityTable
      label={t('accounts.title')}
      count={count}
      row={(index) => rows[index]}
      columns={columns}
      onOpen={(row) => navigate(paths.account(row.id))}
      rowHeight={ROW_HEIGHT}
      classes={{ row: classes.row, body: classes.body }}
      scrollerTestId="accounts-scroller"
      rowProps={(row) => ({ 'aria-selected': selected.has(row.id) })}
      headerStart={
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
      }
      rowStart={(row) => (
        <span role="cell">
          {/* A native checkbox: dozens render per scroll frame, and Mantine's adds a wrapper tree to each. */}
          <input
            type="checkbox"
            className={classes.check}
            aria-label={t('accounts.select.row', { name: row.tradeName || row.name })}
            checked={selected.has(row.id)}
            onClick={(e) => onRowCheck(e, row.id)}
            onChange={() => {}}
          />
        </span>
      )}
    />
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
