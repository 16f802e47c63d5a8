import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import type { Product } from '@shared/models';
import { parseTypedDate } from '@shared/domain/contact-dates';
import { newId } from '@shared/domain/ids';
import { localIsoDay } from '@shared/domain/local-day';
import { currencyForCountry, newOrder, toOrderLine } from '@shared/domain/orders';
import type { PricingConditions } from '@shared/domain/pricing';
import { DEFAULT_COMMERCIAL_POLICY, discountCeilingFor } from '@shared/domain/sales/commercial-policy';
import { dealTotals, priceDealLine, type PricedLineResult } from '@shared/domain/sales/deal-lines';
import { useAccount, useDocuments } from '../../db/hooks';
import { useDatabaseContext, useRepository } from '../../db/DatabaseProvider';
import { productQueries } from '../../db/collections/products';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { ErrorState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useAccountRows } from '../accounts';
import { parseQuantity } from './useOrderSave';

const NO_CONDITIONS: PricingConditions = { priceListId: '', discountBp: 0, loyaltyTier: 'none' };
const SEARCH_LIMIT = 8;

interface DraftLine {
  key: string;
  product: Product;
  qty: string;
}

/** A new order taken from a client: the account (preset from `?account=`), lines from the catalogue priced on its conditions, the promised day. */
export function NewOrderPage({ accountId: presetAccountId = '' }: { accountId?: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [, navigate] = useLocation();
  const { author } = useDatabaseContext();
  const repository = useRepository('orders');
  const { rows: accountRows } = useAccountRows();
  const [accountId, setAccountId] = useState<string | null>(presetAccountId || null);
  const account = useAccount(accountId ?? undefined);
  const [promisedDate, setPromisedDate] = useState<string | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [failed, setFailed] = useState(false);
  const today = useMemo(() => localIsoDay(), []);

  const accountData = useMemo(() => {
    const data = accountRows.map((a) => ({ value: a.id, label: a.name }));
    if (account && !data.some((d) => d.value === account.id)) data.unshift({ value: account.id, label: account.name });
    return data;
  }, [accountRows, account]);

  const currency = currencyForCountry(account?.country ?? '');
  const policy = {
    date: today,
    discountCeilingBp: account ? discountCeilingFor(DEFAULT_COMMERCIAL_POLICY, account) : DEFAULT_COMMERCIAL_POLICY.discountCeilings.defaultBp,
    currency,
  };
  const conditions = account?.conditions ?? NO_CONDITIONS;
  const priced: PricedLineResult[] = lines.map((l) => priceDealLine(l.product, conditions, { quantity: parseQuantity(l.qty), discountBp: 0 }, policy));
  const totals = dealTotals(priced.flatMap((p) => (p.ok ? [p.line] : [])));

  const accountError = submitted && !accountId ? t('orders.create.accountRequired') : null;
  const linesError = submitted && lines.length === 0 ? t('orders.create.linesRequired') : null;

  const save = async () => {
    setSubmitted(true);
    setFailed(false);
    if (!account || lines.length === 0 || priced.some((p) => !p.ok)) return;
    const now = Date.now();
    const id = newId(now);
    const fields = newOrder({
      id,
      orderedAt: now,
      accountId: account.id,
      currency,
      lines: priced.map((p) => toOrderLine((p as Extract<PricedLineResult, { ok: true }>).line, newId(now))),
      promisedDate: promisedDate ?? '',
      ownerId: account.ownerId || author(),
    });
    try {
      const created = await repository.create(fields);
      navigate(paths.order(created.id));
    } catch (e) {
      console.error('new order failed', e);
      setFailed(true);
    }
  };

  return (
    <Stack maw={1000}>
      <Anchor component={Link} href={paths.orders()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('orders.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('orders.create.title')}</Title>
      {failed && <ErrorState>{t('orders.create.saveFailed')}</ErrorState>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Card withBorder>
            <Group align="flex-start" grow>
              <Select
                label={t('orders.create.account')}
                placeholder={t('orders.create.accountPlaceholder')}
                data={accountData}
                value={accountId}
                onChange={setAccountId}
                searchable
                limit={30}
                error={accountError}
                withAsterisk
              />
              <DateInput
                label={t('orders.create.promisedDate')}
                placeholder={t('orders.header.datePlaceholder')}
                value={promisedDate}
                onChange={setPromisedDate}
                dateParser={(typed) => parseTypedDate(typed)}
                valueFormat="DD/MM/YYYY"
                locale={i18n.language === 'en' ? 'en' : i18n.language === 'pt-PT' ? 'pt' : 'pt-br'}
                clearable
              />
            </Group>
          </Card>
          <Card withBorder>
            <Stack>
              <Title order={3} size="h4">
                {t('orders.lines.title')}
              </Title>
              {lines.length > 0 && (
                <Table aria-label={t('orders.lines.title')} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('orders.lines.product')}</Table.Th>
                      <Table.Th>{t('orders.lines.ordered')}</Table.Th>
                      <Table.Th ta="right">{t('orders.lines.unitPrice')}</Table.Th>
                      <Table.Th ta="right">{t('orders.lines.total')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lines.map((l, i) => {
                      const p = priced[i]!;
                      return (
                        <Table.Tr key={l.key}>
                          <Table.Td>
                            <Text size="sm">{l.product.name}</Text>
                            {!p.ok &&
                              p.issues.map((issue) => (
                                <Text key={issue} size="xs" c="red" role="alert">
                                  {t(keyUnder('orders.lineIssueNew', issue))}
                                </Text>
                              ))}
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t('orders.create.quantityOf', { name: l.product.name })}
                              value={l.qty}
                              size="xs"
                              w={90}
                              inputMode="decimal"
                              error={!p.ok}
                              onChange={(e) => {
                                const qty = e.currentTarget.value;
                                setLines((all) => all.map((x) => (x.key === l.key ? { ...x, qty } : x)));
                              }}
                            />
                          </Table.Td>
                          <Table.Td ta="right">{p.ok ? f.money(p.line.unitPrice, currency) : '—'}</Table.Td>
                          <Table.Td ta="right">{p.ok ? f.money(p.line.total, currency) : '—'}</Table.Td>
                          <Table.Td>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('orders.create.remove', { name: l.product.name })}
                              onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              )}
              {linesError && (
                <Text size="sm" c="red" role="alert">
                  {linesError}
                </Text>
              )}
              <ProductSearch onAdd={(product) => setLines((all) => [...all, { key: newId(), product, qty: '1' }])} />
              <Text fw={600} ta="right" data-testid="new-order-total">
                {t('orders.create.total')}: {f.money(totals.net, currency)}
              </Text>
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button type="submit">{t('orders.create.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Products whose name or SKU starts with what is typed (the catalogue's indexes), each with an "add" button. */
function ProductSearch({ onAdd }: { onAdd: (product: Product) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const byName = useDocuments('products', text.trim() ? productQueries.nameStartsWith(text, SEARCH_LIMIT) : null);
  const bySku = useDocuments('products', text.trim() ? productQueries.skuStartsWith(text, SEARCH_LIMIT) : null);
  const found = useMemo(() => {
    const seen = new Map<string, Product>();
    for (const p of [...(byName ?? []), ...(bySku ?? [])]) if (p.active !== false) seen.set(p.id, p);
    return [...seen.values()].slice(0, SEARCH_LIMIT);
  }, [byName, bySku]);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('orders.create.search')}
        placeholder={t('orders.create.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {text.trim() !== '' && byName !== undefined && bySku !== undefined && found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('orders.create.noMatch')}
        </Text>
      )}
      <Group gap="xs">
        {found.map((p) => (
          <Button
            key={p.id}
            size="xs"
            variant="light"
            aria-label={t('orders.create.add', { name: p.name })}
            onClick={() => {
              onAdd(p);
              setText('');
            }}
          >
            {p.name} · {p.sku}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
