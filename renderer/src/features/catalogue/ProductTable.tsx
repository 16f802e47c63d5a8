import { useCallback, useEffect, useMemo } from 'react';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isPromotionActive } from '@shared/domain/pricing';
import { AvailabilityBadge, PromotionBadge } from './AvailabilityBadge';
import { localIsoDay } from './money';
import type { ProductRow, ProductWindow } from './product-list';
import { EntityTable, type EntityColumn } from '../../ui/EntityTable';
import classes from './CataloguePage.module.css';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

const ROW_HEIGHT = 44;

/** Marks the moment the first catalogue rows are on screen (for the bench). */
export const FIRST_PRODUCTS_MARK = 'carteira:catalogue:first-rows';

/** The products of one read, virtualised: only the rows on screen are rendered, only their pages are read. */
export function ProductTable({ pager, total }: { pager: ProductWindow | null; total: number }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [, navigate] = useLocation();
  const today = useMemo(() => localIsoDay(), []);
  const ensure = useCallback((first: number, last: number) => pager?.ensure(first, last), [pager]);
  const hasRows = Boolean(pager?.row(0));
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(FIRST_PRODUCTS_MARK).length === 0) performance.mark(FIRST_PRODUCTS_MARK);
  }, [hasRows]);
  const columns: EntityColumn<ProductRow>[] = [
    { id: 'sku', header: t('catalogue.columns.sku'), className: classes.sku, cell: (row) => row.sku },
    {
      id: 'name',
      header: t('catalogue.columns.name'),
      className: classes.name,
      cell: (row) => {
        const promo = row.promotion && isPromotionActive(row.promotion, today) ? row.promotion : null;
        return (
          <Group gap={6} wrap="nowrap">
            <Link href={paths.product(row.id)} onClick={(e) => e.stopPropagation()} title={row.name}>
              {row.name}
            </Link>
            {promo && <PromotionBadge discountBp={promo.discountBp} title={promo.label} />}
          </Group>
        );
      },
    },
    { id: 'category', header: t('catalogue.columns.category'), cell: (row) => row.category },
    {
      id: 'unit',
      header: t('catalogue.columns.unit'),
      cell: (row) => <span title={t(`catalogue.unit.${row.unit}`)}>{t(`catalogue.unitShort.${row.unit}`)}</span>,
    },
    {
      id: 'price',
      header: t('catalogue.columns.price'),
      numeric: true,
      cell: (row) =>
        row.price ? (
          formats.money(row.price.amount, row.price.currency)
        ) : (
          <Text span size="sm" c="dimmed">
            {t('catalogue.noPrice')}
          </Text>
        ),
    },
    { id: 'availability', header: t('catalogue.columns.availability'), cell: (row) => <AvailabilityBadge availability={row.availability} /> },
  ];

  return (
    <EntityTable
      label={t('catalogue.title')}
      count={total}
      row={(index) => pager?.row(index)}
      columns={columns}
      onOpen={(row) => navigate(paths.product(row.id))}
      rowHeight={ROW_HEIGHT}
      classes={{ row: classes.row }}
      scrollerTestId="catalogue-scroller"
      onVisibleRange={ensure}
      resetKey={pager}
    />
  );
}
