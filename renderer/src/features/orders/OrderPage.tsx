import { useEffect, useMemo, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/pt';
import type { Account, Order } from '@shared/models';
import { localIsoDay } from '@shared/domain/local-day';
import { parseTypedDate } from '@shared/domain/contact-dates';
import { newId } from '@shared/domain/ids';
import {
  changeOrderStatus,
  completeness,
  dueOf,
  normalizeOrderStatus,
  orderLineTotal,
  reconcileShipments,
  recordShipment,
  shipmentDaysLate,
  statusChoices,
  timeliness,
  type ShipmentIssue,
  type ShipmentLineIssue,
} from '@shared/domain/orders';
import { useAccount, useDocument } from '../../db/hooks';
import { useDatabaseContext } from '../../db/DatabaseProvider';
import { paths } from '../../app/paths';
import { keyUnder } from '../../i18n/app-messages';
import { ErrorState, EmptyState, LoadingState, NotFoundState } from '../../ui/states';
import { useFormats } from '../../ui/useFormats';
import { useOrderStatusLabel, useTimelinessLabel } from './OrderBadges';
import { OrderChangedError, parseQuantity, typedDay, useOrderSave, type OrderPatch } from './useOrderSave';

/** One order: header (status, promise, notes), its lines with what is still due, shipments recorded and a form for the next one. */
export function OrderPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const order = useDocument('orders', id);
  const account = useAccount(order?.accountId || undefined);
  if (order === undefined) return <LoadingState />;
  if (order === null) return <NotFoundState>{t('orders.notFound')}</NotFoundState>;
  if (account === undefined) return <LoadingState />;
  // Figures as the shipments say (two laptops' shipments merged put the lines back in step).
  return <OrderView order={reconcileShipments(order)} account={account} />;
}

function OrderView({ order, account }: { order: Order; account: Account | null }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { save, error } = useOrderSave(order.id);
  const today = localIsoDay();
  const c = completeness(order);
  return (
    <Stack maw={1200}>
      <Anchor component={Link} href={paths.orders()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('orders.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{order.number || order.id.slice(-6)}</Title>
        <Group gap="md">
          {c && <Text data-testid="order-completeness">{t('orders.header.completeness', { pct: f.pct(c.bp) })}</Text>}
          <TimelinessBadge order={order} today={today} />
          <Text fw={600} data-testid="order-total">
            {t('orders.header.total')}: {f.money(order.total, order.currency)}
          </Text>
        </Group>
      </Group>
      {error && <ErrorState>{error}</ErrorState>}
      <OrderHeader order={order} account={account} save={save} />
      <OrderLines order={order} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ShipmentForm order={order} save={save} />
        <Shipments order={order} />
      </SimpleGrid>
      <OrderNotes order={order} save={save} />
    </Stack>
  );
}

function TimelinessBadge({ order, today }: { order: Order; today: string }) {
  const label = useTimelinessLabel();
  const tl = timeliness(order, today);
  if (tl.kind === 'none') return null;
  return (
    <Badge variant="light" color={tl.kind === 'late' ? 'red' : tl.kind === 'on_time' ? 'teal' : 'gray'} data-testid="order-timeliness">
      {label(tl)}
    </Badge>
  );
}

interface SectionProps {
  order: Order;
  save: (patch: OrderPatch) => Promise<boolean>;
}

function OrderHeader({ order, account, save }: SectionProps & { account: Account | null }) {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const statusLabel = useOrderStatusLabel();
  const status = normalizeOrderStatus(order.status);
  const choices = statusChoices(order);
  // A cancelled order offers what reopening it would give back.
  const data = [...new Set([status, ...choices])].map((s) => ({ value: s, label: statusLabel(s) }));
  const [statusError, setStatusError] = useState(false);
  const cancelled = status === 'cancelled';

  const setStatus = (to: string | null) => {
    if (!to || to === status) return;
    const result = changeOrderStatus(order, to);
    setStatusError(!result.ok);
    if (result.ok) void save(result.patch);
  };

  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('orders.header.account')}
          </Text>
          {account ? (
            <Anchor component={Link} href={paths.account(account.id)}>
              {account.name}
            </Anchor>
          ) : (
            <Text c="dimmed">{t('common.none')}</Text>
          )}
          <Text size="xs" c="dimmed">
            {t('orders.header.orderedAt', { date: f.date(order.orderedAt) })}
          </Text>
          {order.dealId && (
            <Anchor component={Link} href={paths.deal(order.dealId)} size="xs">
              {t('orders.header.deal')}
            </Anchor>
          )}
        </Stack>
        <Stack gap={4}>
          <Select label={t('orders.header.status')} data={data} value={status} onChange={setStatus} allowDeselect={false} />
          {statusError && (
            <Text size="sm" c="red" role="alert">
              {t('orders.statusError.status_not_allowed')}
            </Text>
          )}
        </Stack>
        <DateInput
          label={t('orders.header.promisedDate')}
          placeholder={t('orders.header.datePlaceholder')}
          value={order.promisedDate || null}
          onChange={(v) => void save({ promisedDate: v ?? '' })}
          dateParser={(typed) => parseTypedDate(typed)}
          valueFormat="DD/MM/YYYY"
          locale={i18n.language === 'en' ? 'en' : i18n.language === 'pt-PT' ? 'pt' : 'pt-br'}
          clearable
        />
        <Stack gap={4} justify="flex-end">
          {cancelled ? (
            <Text size="sm" c="red">
              {t('orders.header.cancelled')}
            </Text>
          ) : (
            choices.includes('cancelled') && (
              <Button variant="light" color="red" onClick={() => setStatus('cancelled')}>
                {t('orders.header.cancel')}
              </Button>
            )
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function OrderLines({ order }: { order: Order }) {
  const { t } = useTranslation();
  const f = useFormats();
  const qty = (n: number) => f.number(n, { maximumFractionDigits: 3 });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('orders.lines.title')}
        </Title>
        {order.lines.length === 0 ? (
          <EmptyState>{t('orders.lines.empty')}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label={t('orders.lines.title')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.lines.product')}</Table.Th>
                  <Table.Th>{t('orders.lines.sku')}</Table.Th>
                  <Table.Th ta="right">{t('orders.lines.ordered')}</Table.Th>
                  <Table.Th ta="right">{t('orders.lines.delivered')}</Table.Th>
                  <Table.Th ta="right">{t('orders.lines.due')}</Table.Th>
                  <Table.Th ta="right">{t('orders.lines.unitPrice')}</Table.Th>
                  <Table.Th ta="right">{t('orders.lines.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.lines.map((l) => (
                  <Table.Tr key={l.id} data-testid={`line-${l.sku}`}>
                    <Table.Td>
                      {l.name}
                      {l.bonus && (
                        <Badge size="xs" variant="light" ml={6}>
                          {t('orders.lines.bonus')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{l.sku}</Table.Td>
                    <Table.Td ta="right">{qty(l.qtyOrdered)}</Table.Td>
                    <Table.Td ta="right">{qty(l.qtyDelivered)}</Table.Td>
                    <Table.Td ta="right">{qty(dueOf(l))}</Table.Td>
                    <Table.Td ta="right">{f.money(l.unitPrice, order.currency)}</Table.Td>
                    <Table.Td ta="right">{f.money(orderLineTotal(l), order.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The next shipment: the day it arrived (today by default) and a quantity per line still due. The
 * pure `recordShipment` checks it; a refused value stays typed with the reason next to its field.
 */
function ShipmentForm({ order, save }: SectionProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const due = order.lines.filter((l) => dueOf(l) > 0);
  const [date, setDate] = useState(() => typedDay(localIsoDay()));
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<ShipmentIssue[]>([]);
  const [lineIssues, setLineIssues] = useState<Record<string, ShipmentLineIssue>>({});
  const [recorded, setRecorded] = useState(false);
  const status = normalizeOrderStatus(order.status);
  if (status === 'cancelled') return null;

  const input = () => ({
    id: newId(),
    date: parseTypedDate(date) ?? '',
    quantities: Object.fromEntries(due.map((l) => [l.id, parseQuantity(quantities[l.id] ?? '')])),
    note,
  });

  const submit = async () => {
    setRecorded(false);
    const shipment = input();
    const today = localIsoDay();
    const checked = recordShipment(order, shipment, today);
    if (!checked.ok) {
      setIssues(checked.issues);
      setLineIssues(checked.lineIssues);
      return;
    }
    setIssues([]);
    setLineIssues({});
    const ok = await save((current) => {
      // Computed again on the order as stored now: a shipment recorded meanwhile elsewhere counts.
      const result = recordShipment(current, shipment, today);
      if (!result.ok) throw new OrderChangedError();
      return result.patch;
    });
    if (ok) {
      setQuantities({});
      setNote('');
      setRecorded(true);
    }
  };

  const issueText = (issue: ShipmentIssue) => t(keyUnder('orders.shipmentIssue', issue), { date: f.date(order.orderedAt) });
  const dateIssue = issues.find((i) => i.startsWith('date'));
  const formIssues = issues.filter((i) => !i.startsWith('date'));

  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Title order={3} size="h4">
            {t('orders.shipment.title')}
          </Title>
          {due.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('orders.shipment.nothingDue')}
            </Text>
          ) : (
            <>
              <TextInput
                label={t('orders.shipment.date')}
                placeholder={t('orders.header.datePlaceholder')}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={dateIssue ? issueText(dateIssue) : null}
                w={180}
              />
              {due.map((l) => {
                const issue = lineIssues[l.id];
                return (
                  <TextInput
                    key={l.id}
                    label={t('orders.shipment.quantityOf', { name: l.name || l.sku })}
                    description={`${t('orders.lines.due')}: ${f.number(dueOf(l), { maximumFractionDigits: 3 })}`}
                    value={quantities[l.id] ?? ''}
                    inputMode="decimal"
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setQuantities((q) => ({ ...q, [l.id]: value }));
                    }}
                    error={issue ? t(keyUnder('orders.lineIssue', issue), { due: f.number(dueOf(l), { maximumFractionDigits: 3 }) }) : null}
                    w={260}
                  />
                );
              })}
              <Textarea label={t('orders.shipment.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} minRows={1} />
              {formIssues.map((i) => (
                <Text key={i} size="sm" c="red" role="alert">
                  {issueText(i)}
                </Text>
              ))}
              {recorded && (
                <Text size="sm" c="teal" role="status">
                  {t('orders.shipment.recorded')}
                </Text>
              )}
              <Group>
                <Button type="submit">{t('orders.shipment.record')}</Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** The shipments recorded, oldest first, each with its day and marked late when it came after the promise. */
function Shipments({ order }: { order: Order }) {
  const { t } = useTranslation();
  const f = useFormats();
  const names = useMemo(() => new Map(order.lines.map((l) => [l.id, l.name || l.sku])), [order.lines]);
  const shipments = order.shipments ?? [];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('orders.shipment.history')}
        </Title>
        {shipments.length === 0 ? (
          <EmptyState>{t('orders.shipment.none')}</EmptyState>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('orders.shipment.history')}>
            {shipments.map((s) => {
              const late = shipmentDaysLate(s, order.promisedDate);
              return (
                <li key={s.id}>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {f.isoDay(s.date)}
                    </Text>
                    {order.promisedDate && (
                      <Badge size="xs" variant="light" color={late > 0 ? 'red' : 'teal'}>
                        {late > 0 ? t('orders.shipment.late', { count: late }) : t('orders.shipment.onTime')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {s.lines
                      .map((l) => t('orders.shipment.item', { qty: f.number(l.qty, { maximumFractionDigits: 3 }), name: names.get(l.lineId) ?? l.lineId }))
                      .join(' · ')}
                  </Text>
                  {s.note && (
                    <Text size="xs" c="dimmed">
                      {s.note}
                    </Text>
                  )}
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function OrderNotes({ order, save }: SectionProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const { author } = useDatabaseContext();
  const [text, setText] = useState('');
  const [required, setRequired] = useState(false);
  useEffect(() => {
    if (text.trim()) setRequired(false);
  }, [text]);
  const add = async () => {
    if (!text.trim()) {
      setRequired(true);
      return;
    }
    const note = { id: newId(), at: Date.now(), by: author(), text: text.trim() };
    if (await save((current) => ({ notes: [...current.notes, note] }))) setText('');
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('orders.header.notes')}
        </Title>
        {order.notes.length === 0 ? (
          <EmptyState>{t('orders.header.noNotes')}</EmptyState>
        ) : (
          order.notes.map((n) => (
            <Text key={n.id} size="sm">
              <Text span c="dimmed" size="xs">
                {f.dateTime(n.at)}
                {n.by ? ` · ${n.by}` : ''}
              </Text>{' '}
              {n.text}
            </Text>
          ))
        )}
        <Textarea
          label={t('orders.header.addNote')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={required ? t('orders.header.noteRequired') : null}

          minRows={2}
        />
        <Group>
          <Button variant="default" onClick={() => void add()}>
            {t('orders.header.addNote')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
