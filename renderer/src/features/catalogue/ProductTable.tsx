import { useEffect, useMemo, useRef } from 'react';
import { Group, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isPromotionActive } from '@shared/domain/pricing';
import { AvailabilityBadge, PromotionBadge } from './AvailabilityBadge';
import { localIsoDay } from './money';
import type { ProductPager } from './product-pager';
import classes from './CataloguePage.module.css';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

const ROW_HEIGHT = 44;

/** Marks the moment the first catalogue rows are on screen (for the bench). */
export const FIRST_PRODUCTS_MARK = 'carteira:catalogue:first-rows';

/** The products of one read, virtualised: only the rows on screen are rendered, only their pages are read. */
export function ProductTable({ pager, total }: { pager: ProductPager | null; total: number }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [, navigate] = useLocation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const today = useMemo(() => localIsoDay(), []);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    pager?.ensure(first, last);
  }, [pager, first, last, total]);
  // A new read (category, search) starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [pager]);
  const hasRows = Boolean(pager?.row(first));
  useEffect(() => {
    if (hasRows && performance.getEntriesByName(FIRST_PRODUCTS_MARK).length === 0) performance.mark(FIRST_PRODUCTS_MARK);
  }, [hasRows]);

  return (
    <div role="table" aria-label={t('catalogue.title')} aria-rowcount={total + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" className={`${classes.row} ${classes.header}`}>
          <span role="columnheader">{t('catalogue.columns.sku')}</span>
          <span role="columnheader">{t('catalogue.columns.name')}</span>
          <span role="columnheader">{t('catalogue.columns.category')}</span>
          <span role="columnheader">{t('catalogue.columns.unit')}</span>
          <span role="columnheader" className={classes.price}>
            {t('catalogue.columns.price')}
          </span>
          <span role="columnheader">{t('catalogue.columns.availability')}</span>
        </div>
      </div>
      <div ref={scrollRef} className={classes.scroller} data-testid="catalogue-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pager?.row(item.index);
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={classes.row} style={style} aria-busy>
                  <Skeleton height={12} radius="sm" />
                </div>
              );
            }
            const promo = row.promotion && isPromotionActive(row.promotion, today) ? row.promotion : null;
            const href = paths.product(row.id);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${classes.row} ${classes.body}`}
                style={style}
                onClick={() => navigate(href)}
              >
                <span role="cell" className={classes.sku}>
                  {row.sku}
                </span>
                <span role="cell" className={classes.name}>
                  <Group gap={6} wrap="nowrap">
                    <Link href={href} onClick={(e) => e.stopPropagation()} title={row.name}>
                      {row.name}
                    </Link>
                    {promo && <PromotionBadge discountBp={promo.discountBp} title={promo.label} />}
                  </Group>
                </span>
                <span role="cell">{row.category}</span>
                <span role="cell" title={t(`catalogue.unit.${row.unit}`)}>
                  {t(`catalogue.unitShort.${row.unit}`)}
                </span>
                <span role="cell" className={classes.price}>
                  {row.price ? (
                    formats.money(row.price.amount, row.price.currency)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('catalogue.noPrice')}
                    </Text>
                  )}
                </span>
                <span role="cell">
                  <AvailabilityBadge availability={row.availability} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
