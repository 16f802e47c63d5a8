import { useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/models';
import { useAccount } from '../../db/hooks';
import { accountLabel, useAccountSearch } from './useAccountSearch';

export interface AccountPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> {
  value: string;
  onChange(accountId: string, account: Account | null): void;
}

/**
 * Picks one account by typing the start of its name: an indexed prefix query with a few results,
 * so it stays instant with 50k accounts. '' means none.
 */
export function AccountPicker({ value, onChange, ...props }: AccountPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 120);
  const selected = useAccount(value || undefined);
  const selectedLabel = selected ? accountLabel(selected) : '';
  // While the box shows the chosen account's name, list from the start rather than that name only.
  const results = useAccountSearch(debounced === selectedLabel ? '' : debounced);
  const byId = useMemo(() => new Map((results ?? []).map((a) => [a.id, a])), [results]);
  const data = useMemo(() => {
    const options = (results ?? []).map((a) => ({ value: a.id, label: accountLabel(a) }));
    if (selected && !byId.has(selected.id)) options.unshift({ value: selected.id, label: selectedLabel });
    return options;
  }, [results, selected, selectedLabel, byId]);

  return (
    <Select
      {...props}
      searchable
      clearable
      value={value || null}
      onChange={(id) => onChange(id ?? '', id ? (byId.get(id) ?? (selected?.id === id ? selected : null)) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={results === undefined ? t('common.loading') : t('contacts.fields.accountNothing')}
      comboboxProps={{ shadow: 'md' }}
    />
  );
}
