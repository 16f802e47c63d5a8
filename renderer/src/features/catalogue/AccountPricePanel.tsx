import { useEffect, useMemo, useState } from 'react';
import { Card, Grid, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Account, Product } from '@shared/models';
import { priceForAccount, type AccountPrice } from '@shared/domain/pricing';
import { useAccount } from '../../db/hooks';
import { useCatalogueStore } from './store';
import { useAccountOptions } from './useAccountOptions';
import { paths } from '../../app/paths';
import { useFormats } from '../../ui/useFormats';

const WHOLE_UNITS = new Set<Product['unit']>(['un', 'cx', 'pct']);
const decimalSeparator = (locale: string) => new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';

const accountLabel = (a: Pick<Account, 'name' | 'tradeName'>) => a.tradeName || a.name;

/** "Preço para esta conta": pick an account (indexed prefix search) and see what it pays, step by step. */
export function AccountPricePanel({ product, initialAccountId, today }: { product: Product; initialAccountId?: string; today: string }) {
  const { t, i18n } = useTranslation();
  const { accountId, setAccountId } = useCatalogueStore();
  // Opened as #/catalogue/:id?accountId=…: that account is chosen (and stays chosen for the next products).
  const [applied, setApplied] = useState(!initialAccountId);
  useEffect(() => {
    if (!initialAccountId) return;
    setAccountId(initialAccountId);
    setApplied(true);
  }, [initialAccountId, setAccountId]);
  const chosen = applied ? accountId : (initialAccountId ?? '');
  const account = useAccount(chosen || undefined);
  const [quantity, setQuantity] = useState<number>(1);

  return (
    <Card withBorder component="section" aria-labelledby="account-price-title">
      <Title order={3} size="h4" mb="sm" id="account-price-title">
        {t('catalogue.accountPrice.title')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <AccountPicker value={chosen} account={account ?? null} onChange={setAccountId} />
            <NumberInput
              label={t('catalogue.accountPrice.quantity')}
              value={quantity}
              min={0}
              // Boxes and units are whole; kg, litres, metres and hours can be fractional (to 3 decimals, as pricing takes them).
              decimalScale={WHOLE_UNITS.has(product.unit) ? 0 : 3}
              decimalSeparator={decimalSeparator(i18n.language)}
              thousandSeparator={false}
              onChange={(v) => setQuantity(typeof v === 'number' ? v : Number(String(v).replace(',', '.')) || 0)}
              rightSection={
                <Text size="xs" c="dimmed" pr="xs">
                  {t(`catalogue.unitShort.${product.unit}`)}
                </Text>
              }
            />
            {account && (
              <Text size="sm" c="dimmed">
                <Link href={paths.account(account.id)}>{accountLabel(account)}</Link>
                {account.conditions.paymentTerms ? ` · ${t('catalogue.accountPrice.conditions', { terms: account.conditions.paymentTerms })}` : ''}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {!account ? (
            <Text c="dimmed" size="sm">
              {t('catalogue.accountPrice.pick')}
            </Text>
          ) : (
            <Breakdown price={priceForAccount(product, account.conditions, { date: today, quantity })} unit={product.unit} />
          )}
        </Grid.Col>
      </Grid>
    </Card>
  );
}

function AccountPicker({ value, account, onChange }: { value: string; account: Account | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Typing narrows by the start of the name; the selected account's own label must not filter the list.
  const typed = account && search === accountLabel(account) ? '' : search;
  const options = useAccountOptions(typed);
  const data = useMemo(() => {
    const list = (options ?? []).map((a) => ({ value: a.id, label: accountLabel(a) }));
    if (account && !list.some((o) => o.value === account.id)) list.unshift({ value: account.id, label: accountLabel(account) });
    return list;
  }, [options, account]);
  return (
    <Select
      label={t('catalogue.accountPrice.account')}
      placeholder={t('catalogue.accountPrice.accountPlaceholder')}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      // The options are already the accounts whose name starts with the text (indexed, accent-free).
      filter={({ options: all }) => all}
      nothingFoundMessage={options === undefined ? t('common.loading') : t('catalogue.accountPrice.noAccounts')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function Breakdown({ price, unit }: { price: AccountPrice | null; unit: Product['unit'] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (!price)
    return (
      <Text c="dimmed" size="sm">
        {t('catalogue.accountPrice.noPrice')}
      </Text>
    );
  const money = (amount: number) => formats.money(amount, price.currency);
  const pct = formats.pct;
  const minus = (amount: number) => `−${money(amount)}`;
  const lines: { label: string; hint?: string; value: string }[] = [
    {
      label: t('catalogue.accountPrice.listPrice'),
      hint: t(`catalogue.accountPrice.list.${price.priceListSource}`, { list: price.priceListId }),
      value: money(price.listPrice),
    },
  ];
  if (price.promotion)
    lines.push({
      label: t('catalogue.accountPrice.promotion', { label: price.promotion.label, pct: pct(price.promotion.discountBp) }),
      value: minus(price.promotion.amount),
    });
  if (price.accountDiscount.discountBp > 0)
    lines.push({
      label: t('catalogue.accountPrice.accountDiscount', { pct: pct(price.accountDiscount.discountBp) }),
      value: minus(price.accountDiscount.amount),
    });
  if (price.loyaltyDiscount.discountBp > 0) {
    lines.push({
      label: t('catalogue.accountPrice.loyalty', {
        tier: t(`catalogue.loyaltyTier.${price.loyaltyDiscount.tier}`),
        pct: pct(price.loyaltyDiscount.discountBp),
      }),
      value: minus(price.loyaltyDiscount.amount),
    });
  }
  const qty = formats.number(price.quantity, { maximumFractionDigits: 3 });
  return (
    <Stack gap="xs">
      <Table aria-label={t('catalogue.accountPrice.breakdown')} withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.label}>
              <Table.Th scope="row" fw={400}>
                {l.label}
                {l.hint && (
                  <Text size="xs" c="dimmed">
                    {l.hint}
                  </Text>
                )}
              </Table.Th>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', verticalAlign: 'top' }}>
                {l.value}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Table.Th scope="row">{t('catalogue.accountPrice.unitPrice')}</Table.Th>
            <Table.Td ta="right" fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="account-unit-price">
              {money(price.unitPrice)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              {t('catalogue.accountPrice.total', { qty, unit: t(`catalogue.unitShort.${unit}`) })}
            </Table.Th>
            <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="account-total">
              {money(price.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('catalogue.accountPrice.effective', { pct: pct(price.effectiveDiscountBp) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('catalogue.accountPrice.rule')}
        </Text>
      </Group>
    </Stack>
  );
}
