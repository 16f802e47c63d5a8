import { useDeferredValue } from 'react';
import { Group, NavLink, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { chooseSearchKind, listSpec, type SearchKind } from '@shared/domain/catalogue-query';
import { useCount } from '../../db/hooks';
import { SampleDataButton } from '../sample-data';
import { ProductTable } from './ProductTable';
import { useCatalogueStore } from './store';
import { useCategories } from './useCategories';
import { useProductPager } from './useProductPager';
import { useSearchCounts } from './useSearchCounts';
import classes from './CataloguePage.module.css';
import { useFormats } from '../../ui/useFormats';

/** The catalogue: categories on the side, one search box for names and SKUs, a paged virtual list. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { category, text, kind: choice, setCategory, setText, setKind } = useCatalogueStore();
  const deferredText = useDeferredValue(text);
  const searching = deferredText.trim().length > 0;
  const counts = useSearchCounts(deferredText, category);
  // Until the counts answer, search the kind the text reads as.
  const kind: SearchKind = choice !== 'auto' ? choice : chooseSearchKind(deferredText, counts ?? { name: 1, sku: 1 });
  const spec = listSpec(category, deferredText, kind);
  const { pager, total, length } = useProductPager(spec);
  const all = useCount('products');

  if (all === 0) return <EmptyCatalogue />;
  return (
    <Stack h="calc(100vh - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" align="baseline">
        <Group gap="xs" align="baseline">
          <Title order={2}>{t('catalogue.title')}</Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {total === undefined ? '' : t('catalogue.count', { count: total })}
          </Text>
        </Group>
        <Text c="dimmed" size="xs">
          {t('catalogue.readOnly')}
        </Text>
      </Group>
      <div className={classes.layout}>
        <CategoryPanel category={category} onChange={setCategory} start={total !== undefined || length > 0} />
        <div className={classes.main}>
          <Group gap="sm" align="center">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('catalogue.searchLabel')}
              placeholder={t('catalogue.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              maxLength={100}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {searching && (
              <SegmentedControl
                aria-label={t('catalogue.searchBy')}
                value={kind}
                onChange={(v) => setKind(v as SearchKind)}
                data={[
                  { value: 'name', label: t('catalogue.byName', { count: counts?.name ?? 0 }) },
                  { value: 'sku', label: t('catalogue.bySku', { count: counts?.sku ?? 0 }) },
                ]}
              />
            )}
          </Group>
          {searching && kind === 'sku' && category && (
            <Text size="xs" c="dimmed">
              {t('catalogue.skuEverywhere')}
            </Text>
          )}
          {total === 0 && (!searching || counts !== undefined) ? (
            <Text c="dimmed" role="status">
              {t('catalogue.noMatch')}
            </Text>
          ) : (
            <ProductTable pager={pager} total={length} />
          )}
        </div>
      </div>
    </Stack>
  );
}

function CategoryPanel({ category, onChange, start }: { category: string; onChange(category: string): void; start: boolean }) {
  const { t } = useTranslation();
  const categories = useCategories(start);
  const f = useFormats();
  const all = categories?.reduce((sum, c) => sum + c.count, 0);
  const item = (value: string, label: string, count: number | undefined) => (
    <NavLink
      key={value || '*'}
      component="button"
      type="button"
      active={category === value}
      aria-current={category === value ? 'true' : undefined}
      label={label}
      rightSection={
        count === undefined ? null : (
          <Text span size="xs" c="dimmed" className={classes.count}>
            {f.number(count)}
          </Text>
        )
      }
      onClick={() => onChange(value)}
    />
  );
  return (
    <nav className={classes.categories} aria-label={t('catalogue.categories')}>
      {item('', t('catalogue.allCategories'), all)}
      {categories === undefined ? <Skeleton height={120} mt="xs" /> : categories.map((c) => item(c.name, c.name, c.count))}
    </nav>
  );
}

function EmptyCatalogue() {
  const { t } = useTranslation();
  return (
    <Stack align="center" justify="center" py="xl" gap="sm" maw={560} mx="auto" ta="center">
      <Title order={2}>{t('catalogue.empty.title')}</Title>
      <Text c="dimmed">{t('catalogue.empty.body')}</Text>
      <SampleDataButton />
    </Stack>
  );
}
