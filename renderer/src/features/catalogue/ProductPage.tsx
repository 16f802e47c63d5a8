import { useMemo, type ReactNode } from 'react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Product } from '@shared/models';
import { DEFAULT_PRICE_LIST_ID, isPromotionActive } from '@shared/domain/pricing';
import { useDocument } from '../../db/hooks';
import { AccountPricePanel } from './AccountPricePanel';
import { AvailabilityBadge, PromotionBadge } from './AvailabilityBadge';
import { formatIsoDay, localIsoDay } from './money';
import { PanelBoundary } from '../../ui/ErrorBoundary';
import { LoadingState, NotFoundState } from '../../ui/states';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

/** One product, read-only: details, prices per list, promotion, stock, and what a chosen account pays. */
export function ProductPage({ id, accountId }: { id: string; accountId?: string }) {
  const { t } = useTranslation();
  const product = useDocument('products', id);
  if (product === undefined) return <LoadingState />;
  if (product === null) return <NotFoundState>{t('catalogue.product.notFound')}</NotFoundState>;
  return <ProductView product={product} accountId={accountId} />;
}

function ProductView({ product, accountId }: { product: Product; accountId?: string }) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  const today = useMemo(() => localIsoDay(), []);
  const promoToday = isPromotionActive(product.promotion, today);
  return (
    <Stack maw={1100}>
      <Anchor component={Link} href={paths.catalogue()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('catalogue.title')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={2}>{product.name}</Title>
          <AvailabilityBadge availability={product.availability} />
          {!product.active && (
            <Badge color="gray" variant="outline" size="sm">
              {t('catalogue.product.inactive')}
            </Badge>
          )}
          {promoToday && product.promotion && <PromotionBadge discountBp={product.promotion.discountBp} title={product.promotion.label} />}
        </Group>
        <Text c="dimmed" size="sm">
          {[product.sku, product.category].join(' · ')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <PanelBoundary title={t('catalogue.product.details')}>
          {() => (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('catalogue.product.details')}
              </Title>
              <Stack gap={6}>
                <Field label={t('catalogue.product.description')}>{product.description || t('common.none')}</Field>
                <Field label={t('catalogue.product.unit')}>{t(`catalogue.unit.${product.unit}`)}</Field>
                <Field label={t('catalogue.product.availability')}>{t(`catalogue.availability.${product.availability}`)}</Field>
                <Field label={t('catalogue.product.stock')}>
                  {t('catalogue.product.stockQty', { qty: formats.number(product.stockQty), unit: t(`catalogue.unitShort.${product.unit}`) })}
                </Field>
              </Stack>
            </Card>
          )}
        </PanelBoundary>
        <PanelBoundary title={t('catalogue.product.prices')}>
          {() => (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('catalogue.product.prices')}
              </Title>
              <Table aria-label={t('catalogue.product.prices')} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalogue.product.priceList')}</Table.Th>
                    <Table.Th ta="right">{t('catalogue.product.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {product.prices.map((p) => (
                    <Table.Tr key={p.priceListId}>
                      <Table.Td>
                        {p.priceListId}
                        {p.priceListId === DEFAULT_PRICE_LIST_ID && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('catalogue.product.defaultList')})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formats.money(p.amount, p.currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {product.prices.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('catalogue.noPrice')}
                </Text>
              )}
            </Card>
          )}
        </PanelBoundary>
        <PanelBoundary title={t('catalogue.product.promotion')}>
          {() => (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('catalogue.product.promotion')}
              </Title>
              {product.promotion ? (
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={600}>{product.promotion.label}</Text>
                    <Badge color={promoToday ? 'grape' : 'gray'} variant={promoToday ? 'filled' : 'outline'} size="sm">
                      {t(promoToday ? 'catalogue.product.promotionActive' : 'catalogue.product.promotionInactive')}
                    </Badge>
                  </Group>
                  <Text size="sm">−{formats.pct(product.promotion.discountBp)}</Text>
                  <Text size="sm" c="dimmed">
                    {t('catalogue.product.promotionValidity', {
                      from: formatIsoDay(product.promotion.from, i18n.language) || t('common.none'),
                      to: formatIsoDay(product.promotion.to, i18n.language) || t('common.none'),
                    })}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('catalogue.product.noPromotion')}
                </Text>
              )}
            </Card>
          )}
        </PanelBoundary>
      </SimpleGrid>
      <PanelBoundary title={t('catalogue.accountPrice.title')}>
        <AccountPricePanel product={product} initialAccountId={accountId} today={today} />
      </PanelBoundary>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
