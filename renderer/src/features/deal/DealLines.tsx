import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Anchor, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Account, Deal, DealLine, Product } from '@shared/models';
import { DEFAULT_COMMERCIAL_POLICY, discountCeilingFor } from '@shared/domain/sales/commercial-policy';
import {
  dealTotals,
  priceDealLine,
  storedDealValue,
  storedLineTotal,
  toStoredLine,
  type LineIssue,
  type LinePolicy,
  type PricedLine,
  type PricedLineResult,
} from '@shared/domain/sales/deal-lines';
import { lineAmount, type PricingConditions } from '@shared/domain/pricing';
import { localIsoDay } from '@shared/domain/local-day';
import { newId } from '@shared/domain/ids';
import { useDocuments } from '../../db/hooks';
import { productQueries } from '../../db/collections/products';
import { paths } from '../../app/paths';
import { EmptyState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import type { DealPatch } from './useDealSave';

/** An account that is gone prices on the default list with no conditions. */
const NO_CONDITIONS: PricingConditions = { priceListId: '', discountBp: 0, loyaltyTier: 'none' };
const SEARCH_LIMIT = 8;

/** A number as typed, with a decimal comma or point ('' and junk are NaN, which the pricing refuses). */
export function parseTyped(text: string): number {
  const s = text.trim().replace(',', '.');
  return s === '' || !/^[-+]?\d*\.?\d+$/.test(s) ? Number.NaN : Number(s);
}

/** Whole percent with up to two decimals → basis points ("12,5" → 1250). */
const percentToBp = (text: string): number => {
  const pct = parseTyped(text);
  return Number.isFinite(pct) ? Math.round(pct * 100) : Number.NaN;
};

interface Pricing {
  conditions: PricingConditions;
  policy: LinePolicy;
}

const priceStored = (product: Product | undefined, line: DealLine, pricing: Pricing): PricedLineResult | null =>
  product ? priceDealLine(product, pricing.conditions, { quantity: line.qty, discountBp: line.discountBp, bonus: line.bonus }, pricing.policy) : null;

/** What a stored line adds to the totals when the catalogue cannot price it now (product withdrawn): its stored figures. */
function storedFigures(line: DealLine): Pick<PricedLine, 'gross' | 'total' | 'discount' | 'bonusValue' | 'bonus'> {
  const gross = lineAmount(line.unitPrice, line.qty);
  const total = storedLineTotal(line);
  return line.bonus ? { gross, total: 0, discount: 0, bonusValue: gross, bonus: true } : { gross, total, discount: gross - total, bonusValue: 0, bonus: false };
}

/** The deal's lines from the catalogue, priced for its account, with the totals and a product search to add one. */
export function DealLines({ deal, account, save }: { deal: Deal; account: Account | null; save: (patch: DealPatch) => Promise<boolean> }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const productIds = useMemo(() => [...new Set(deal.lines.map((l) => l.productId))].sort(), [deal.lines]);
  const products = useDocuments('products', productIds.length ? productQueries.byIds(productIds) : null);
  const productById = useMemo(() => new Map((products ?? []).map((p) => [p.id, p])), [products]);
  const ceiling = account ? discountCeilingFor(DEFAULT_COMMERCIAL_POLICY, account) : DEFAULT_COMMERCIAL_POLICY.discountCeilings.defaultBp;
  const today = useMemo(() => localIsoDay(), []);
  const pricing = useMemo<Pricing>(
    () => ({ conditions: account?.conditions ?? NO_CONDITIONS, policy: { date: today, discountCeilingBp: ceiling, currency: deal.value.currency } }),
    [account, today, ceiling, deal.value.currency],
  );
  const currency = deal.value.currency;

  const totals = useMemo(
    () =>
      dealTotals(
        deal.lines.map((l) => {
          const priced = priceStored(productById.get(l.productId), l, pricing);
          return priced?.ok ? priced.line : storedFigures(l);
        }),
      ),
    [deal.lines, productById, pricing],
  );

  /** Replaces (or removes, with null) one line and keeps the deal's value the sum of its stored lines. */
  const writeLine = (id: string, line: DealLine | null) =>
    save((current) => {
      const lines = line ? current.lines.map((l) => (l.id === id ? line : l)) : current.lines.filter((l) => l.id !== id);
      return { lines, value: { ...current.value, amount: storedDealValue(lines) } };
    });
  const addLine = (line: DealLine) =>
    save((current) => {
      const lines = [...current.lines, line];
      return { lines, value: { ...current.value, amount: storedDealValue(lines) } };
    });

  const issueText = (issue: LineIssue) => t(`deal.issue.${issue}`, { pct: formats.pct(ceiling) });

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('deal.lines.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('deal.lines.ceiling', { pct: formats.pct(ceiling) })}
          </Text>
        </Group>
        {deal.lines.length === 0 ? (
          <EmptyState>{t('deal.lines.empty')}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('deal.lines.title')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deal.lines.product')}</Table.Th>
                  <Table.Th>{t('deal.lines.sku')}</Table.Th>
                  <Table.Th>{t('deal.lines.quantity')}</Table.Th>
                  <Table.Th>{t('deal.lines.unitPrice')}</Table.Th>
                  <Table.Th>{t('deal.lines.discount')}</Table.Th>
                  <Table.Th>{t('deal.lines.bonus')}</Table.Th>
                  <Table.Th ta="right">{t('deal.lines.total')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deal.lines.map((line) => (
                  <LineRow
                    key={line.id}
                    line={line}
                    product={productById.get(line.productId)}
                    loaded={products !== undefined}
                    pricing={pricing}
                    currency={currency}
                    issueText={issueText}
                    onSave={(stored) => void writeLine(line.id, stored)}
                    onRemove={() => void writeLine(line.id, null)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Table aria-label={t('deal.lines.totals')} maw={420} ml="auto">
          <Table.Tbody>
            {(
              [
                ['gross', totals.gross],
                ['discountTotal', -totals.discount],
                ['net', totals.net],
                ['bonusValue', totals.bonusValue],
              ] as const
            ).map(([key, amount]) => (
              <Table.Tr key={key}>
                <Table.Td>{t(`deal.lines.${key}`)}</Table.Td>
                <Table.Td ta="right" fw={key === 'net' ? 700 : undefined} data-testid={`total-${key}`}>
                  {formats.money(amount, currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <AddLine pricing={pricing} issueText={issueText} onAdd={addLine} />
      </Stack>
    </Card>
  );
}

interface LineRowProps {
  line: DealLine;
  product: Product | undefined;
  /** Whether the products read has answered (a missing product is only said once it has). */
  loaded: boolean;
  pricing: Pricing;
  currency: Deal['value']['currency'];
  issueText: (issue: LineIssue) => string;
  onSave: (line: DealLine) => void;
  onRemove: () => void;
}

/**
 * One line: quantity and discount as typed, priced live; written when the field is left, and only
 * when the line prices (a refused value stays in its field with the reason next to it).
 */
function LineRow({ line, product, loaded, pricing, currency, issueText, onSave, onRemove }: LineRowProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const shownQty = formats.number(line.qty, { maximumFractionDigits: 3, useGrouping: false });
  const shownDiscount = formats.number(line.discountBp / 100, { maximumFractionDigits: 2, useGrouping: false });
  const [qty, setQty] = useState(shownQty);
  const [discount, setDiscount] = useState(shownDiscount);
  useEffect(() => setQty(shownQty), [shownQty]);
  useEffect(() => setDiscount(shownDiscount), [shownDiscount]);
  const bonus = line.bonus === true;

  const price = (input: { qty: string; discount: string; bonus: boolean }): PricedLineResult | null =>
    product
      ? priceDealLine(
          product,
          pricing.conditions,
          { quantity: parseTyped(input.qty), discountBp: percentToBp(input.discount), bonus: input.bonus },
          pricing.policy,
        )
      : null;
  const priced = price({ qty, discount, bonus });
  const commit = (input: { qty: string; discount: string; bonus: boolean }) => {
    const result = price(input);
    if (!result?.ok) return;
    const stored = toStoredLine(result.line, line.id);
    if (stored.qty !== line.qty || stored.discountBp !== line.discountBp || stored.unitPrice !== line.unitPrice || !!stored.bonus !== bonus) onSave(stored);
  };
  const issues = priced && !priced.ok ? priced.issues : [];
  const name = line.name || line.sku;

  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          {product ? (
            <Anchor component={Link} href={paths.product(product.id)} size="sm">
              {line.name}
            </Anchor>
          ) : (
            <Text size="sm">{line.name}</Text>
          )}
          {loaded && !product && (
            <Text size="xs" c="dimmed">
              {t('deal.lines.missingProduct')}
            </Text>
          )}
          {issues.map((issue) => (
            <Text key={issue} size="xs" c="red" role="alert">
              {issueText(issue)}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>{line.sku}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('deal.lines.quantityOf', { name })}
          value={qty}
          w={90}
          size="xs"
          inputMode="decimal"
          error={issues.some((i) => i.startsWith('quantity'))}
          disabled={!product}
          onChange={(e) => setQty(e.currentTarget.value)}
          onBlur={() => commit({ qty, discount, bonus })}
        />
      </Table.Td>
      <Table.Td>{formats.money(priced?.ok ? priced.line.accountPrice : line.unitPrice, currency)}</Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('deal.lines.discountOf', { name })}
          value={bonus ? '0' : discount}
          w={80}
          size="xs"
          inputMode="decimal"
          error={issues.some((i) => i.startsWith('discount'))}
          disabled={!product || bonus}
          onChange={(e) => setDiscount(e.currentTarget.value)}
          onBlur={() => commit({ qty, discount, bonus })}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('deal.lines.bonusOf', { name })}
          checked={bonus}
          disabled={!product}
          onChange={(e) => commit({ qty, discount: e.currentTarget.checked ? '0' : discount, bonus: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td ta="right" data-testid="line-total">
        {formats.money(priced?.ok ? priced.line.total : storedLineTotal(line), currency)}
      </Table.Td>
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={t('deal.lines.remove', { name })} onClick={onRemove}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/** Search the catalogue by the start of a name or a SKU and add the product as a line of one unit. */
function AddLine({ pricing, issueText, onAdd }: { pricing: Pricing; issueText: (issue: LineIssue) => string; onAdd: (line: DealLine) => Promise<boolean> }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<{ name: string; issues: LineIssue[] } | null>(null);
  const byName = useDocuments('products', productQueries.nameStartsWith(text, SEARCH_LIMIT));
  const bySku = useDocuments('products', productQueries.skuStartsWith(text, SEARCH_LIMIT));
  const found = useMemo(() => {
    const seen = new Set<string>();
    return [...(bySku ?? []), ...(byName ?? [])].filter((p) => !seen.has(p.id) && seen.add(p.id)).slice(0, SEARCH_LIMIT);
  }, [byName, bySku]);

  const add = async (product: Product) => {
    const result = priceDealLine(product, pricing.conditions, { quantity: 1, discountBp: 0 }, pricing.policy);
    if (!result.ok) {
      setRefused({ name: product.name, issues: result.issues });
      return;
    }
    setRefused(null);
    if (await onAdd(toStoredLine(result.line, newId()))) setText('');
  };

  return (
    <Stack gap="xs">
      <TextInput
        label={t('deal.lines.search')}
        placeholder={t('deal.lines.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setRefused(null);
        }}
      />
      {refused && (
        <Text size="sm" c="red" role="alert">
          {refused.name}: {refused.issues.map(issueText).join(' ')}
        </Text>
      )}
      {text.trim() !== '' && byName !== undefined && bySku !== undefined && found.length === 0 && <EmptyState>{t('deal.lines.noMatch')}</EmptyState>}
      {found.length > 0 && (
        <Stack gap={4} role="list" aria-label={t('deal.lines.search')}>
          {found.map((p) => {
            const priced = priceDealLine(p, pricing.conditions, { quantity: 1, discountBp: 0 }, pricing.policy);
            return (
              <Group key={p.id} role="listitem" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {p.name} · {p.sku}
                  {priced.ok ? ` · ${formats.money(priced.line.accountPrice, priced.line.currency)}` : ''}
                </Text>
                <Button size="compact-sm" variant="light" aria-label={t('deal.lines.add', { name: p.name })} onClick={() => void add(p)}>
                  +
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
