import { keyUnder } from '../../i18n/app-messages';
import { memo, useMemo } from 'react';
import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_SEGMENTS, ACCOUNT_SOURCES, ACCOUNT_STATUSES } from '@shared/models';
import { ACCOUNT_SORT_KEYS, distinctValues, isFiltering, type AccountRow, type AccountSort } from '@shared/domain/account-rows';
import { SavedViewsMenu } from './SavedViewsMenu';
import { useAccountsListStore, type AccountListFilters } from './store';

const SORT_OPTIONS = ACCOUNT_SORT_KEYS.flatMap((key) =>
  (key === 'updated' ? (['desc', 'asc'] as const) : (['asc', 'desc'] as const)).map((dir) => `${key}_${dir}`),
);

/**
 * The list's quick filter, field filters (multi-selects), order and saved views. Memoised, and
 * the quick filter re-renders alone on each key: the comboboxes do not re-render while typing.
 */
export const AccountFilters = memo(function AccountFilters({ rows }: { rows: readonly AccountRow[] }) {
  const { t } = useTranslation();
  const filters = useAccountsListStore((s) => s.filters);
  const sort = useAccountsListStore((s) => s.sort);
  const anyFilter = useAccountsListStore((s) => isFiltering({ text: s.text, ...s.filters }));
  const { setFilter, clearFilters, setSort } = useAccountsListStore.getState();
  // Pickers offer the values the portfolio really holds (recomputed when the rows change, not per key).
  const options = useMemo(
    () => ({
      industries: distinctValues(rows, (r) => r.industry),
      owners: distinctValues(rows, (r) => r.ownerId),
      states: distinctValues(rows, (r) => r.state),
      cities: distinctValues(rows, (r) => r.city),
      tags: distinctValues(rows, (r) => r.tags),
    }),
    [rows],
  );
  const translated = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(keyUnder(prefix, v)) }));
  const multi = <K extends keyof AccountListFilters>(key: K, label: string, data: { value: string; label: string }[] | string[], searchable = false) => (
    <MultiSelect
      key={key}
      size="xs"
      w={key === 'statuses' || key === 'segments' ? 180 : key === 'sources' ? 140 : 150}
      label={label}
      placeholder={filters[key].length ? undefined : t('accounts.filters.any')}
      data={data}
      value={filters[key] as string[]}
      onChange={(v) => setFilter(key, v as AccountListFilters[K])}
      searchable={searchable}
      clearable
      limit={200}
      maxDropdownHeight={280}
      nothingFoundMessage={t('accounts.filters.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Group gap="xs" align="flex-end" role="search" aria-label={t('accounts.filters.label')}>
      <QuickFilter />
      {multi('statuses', t('accounts.filters.status'), translated(ACCOUNT_STATUSES, 'status'))}
      {multi('segments', t('accounts.filters.segment'), translated(ACCOUNT_SEGMENTS, 'segment'))}
      {multi('ownerIds', t('accounts.filters.owner'), options.owners, true)}
      {multi('industries', t('accounts.filters.industry'), options.industries, true)}
      <SavedViewsMenu />
      {multi('states', t('accounts.filters.state'), options.states, true)}
      {multi('cities', t('accounts.filters.city'), options.cities, true)}
      {multi('tags', t('accounts.filters.tags'), options.tags, true)}
      {multi('sources', t('accounts.filters.source'), translated(ACCOUNT_SOURCES, 'source'))}
      <Select
        size="xs"
        w={180}
        label={t('accounts.sort.label')}
        data={SORT_OPTIONS.map((o) => ({ value: o, label: t(keyUnder('accounts.sort', o)) }))}
        value={`${sort.key}_${sort.dir}`}
        allowDeselect={false}
        onChange={(v) => {
          if (!v) return;
          const [key, dir] = v.split('_') as [AccountSort['key'], AccountSort['dir']];
          setSort({ key, dir });
        }}
      />
      <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={clearFilters} disabled={!anyFilter}>
        {t('accounts.filters.clear')}
      </Button>
    </Group>
  );
});

function QuickFilter() {
  const { t } = useTranslation();
  const text = useAccountsListStore((s) => s.text);
  return (
    <TextInput
      size="xs"
      w={220}
      label={t('accounts.filterLabel')}
      placeholder={t('accounts.filterPlaceholder')}
      leftSection={<IconSearch size={14} aria-hidden />}
      value={text}
      onChange={(e) => useAccountsListStore.getState().setText(e.currentTarget.value)}
    />
  );
}
