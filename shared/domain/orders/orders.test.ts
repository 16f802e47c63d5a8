import { afterEach, describe, expect, it } from 'vitest';
import type { Deal, Order, OrderLine } from '../../models';
import { localIsoDay } from '../local-day';
import { storedDealValue } from '../sales/deal-lines';
import {
  changeOrderStatus,
  completeness,
  daysSinceLastOrder,
  deliveredFromShipments,
  isOverdueOrIncomplete,
  normalizeOrderStatus,
  orderFromDeal,
  orderTotal,
  reconcileShipments,
  recordShipment,
  repeatOrderRate,
  shipmentDaysLate,
  statusChoices,
  timeliness,
  toOrderLine,
  newOrder,
  currencyForCountry,
} from '.';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

const line = (id: string, qtyOrdered: number, qtyDelivered = 0, unitPrice = 1000, discountBp = 0): OrderLine => ({
  id,
  productId: `p-${id}`,
  sku: `SKU-${id}`,
  name: `Produto ${id}`,
  qtyOrdered,
  qtyDelivered,
  unitPrice,
  discountBp,
});

/** 10:00 local on a day, in the test's time zone. */
const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00`).getTime();

function order(fields: Partial<Order> = {}): Order {
  return {
    id: 'o1',
    createdAt: 1,
    updatedAt: 1,
    updatedBy: 't',
    fieldTimes: {},
    number: 'PV-1',
    accountId: 'a1',
    dealId: '',
    contractId: '',
    status: 'confirmed',
    lines: [line('a', 10), line('b', 4)],
    currency: 'BRL',
    total: 14000,
    orderedAt: at('2026-05-02'),
    promisedDate: '2026-05-10',
    deliveredDate: '',
    ownerId: 'ana',
    notes: [],
    shipments: [],
    ...fields,
  };
}

describe('recording shipments', () => {
  it('two partial shipments, the second after the promised date: delivered, 100 % complete, late by the days of the last one', () => {
    const o = order();
    const first = recordShipment(o, { id: 's1', date: '2026-05-08', quantities: { a: 6, b: 4 } }, '2026-05-08');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.patch.status).toBe('partially_delivered');
    expect(first.patch.deliveredDate).toBe('');
    expect(first.patch.lines.map((l) => l.qtyDelivered)).toEqual([6, 4]);
    const afterFirst = { ...o, ...first.patch };
    expect(completeness(afterFirst)).toEqual({ ordered: 14, delivered: 10, bp: 7143 });
    expect(timeliness(afterFirst, '2026-05-08')).toEqual({ kind: 'pending' });
    expect(timeliness(afterFirst, '2026-05-12')).toEqual({ kind: 'late', days: 2 });

    const second = recordShipment(afterFirst, { id: 's2', date: '2026-05-13', quantities: { a: 4, b: 0 } }, '2026-05-13');
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    const done = { ...afterFirst, ...second.patch };
    expect(done.status).toBe('delivered');
    expect(done.deliveredDate).toBe('2026-05-13');
    expect(done.shipments!.map((s) => [s.date, s.lines])).toEqual([
      [
        '2026-05-08',
        [
          { lineId: 'a', qty: 6 },
          { lineId: 'b', qty: 4 },
        ],
      ],
      ['2026-05-13', [{ lineId: 'a', qty: 4 }]],
    ]);
    expect(completeness(done)?.bp).toBe(10_000);
    expect(timeliness(done, '2026-06-30')).toEqual({ kind: 'late', days: 3 });
    expect(done.shipments!.map((s) => shipmentDaysLate(s, done.promisedDate))).toEqual([0, 3]);
    // qtyDelivered stays the sum of the shipments.
    expect(deliveredFromShipments(done.lines, done.shipments!)).toEqual(done.lines);
    // Nothing is due any more.
    const third = recordShipment(done, { id: 's3', date: '2026-05-14', quantities: { a: 1 } }, '2026-05-14');
    expect(third).toMatchObject({ ok: false, issues: ['nothing_due'] });
  });

  it('refuses negative quantities, more than is due, an empty shipment and days out of order, all at once', () => {
    const o = order({ lines: [line('a', 10, 7), line('b', 4)] });
    const bad = recordShipment(o, { id: 's', date: '2026-05-01', quantities: { a: 4, b: -1 } }, '2026-05-20');
    expect(bad).toEqual({ ok: false, issues: ['date_before_order'], lineIssues: { a: 'quantity_above_due', b: 'quantity_negative' } });
    expect(recordShipment(o, { id: 's', date: '2026-05-21', quantities: { a: 3 } }, '2026-05-20')).toMatchObject({ issues: ['date_in_future'] });
    expect(recordShipment(o, { id: 's', date: '2026-02-30', quantities: { a: 3 } }, '2026-05-20')).toMatchObject({ issues: ['date_invalid'] });
    expect(recordShipment(o, { id: 's', date: '2026-05-09', quantities: { a: 0, b: 0 } }, '2026-05-20')).toEqual({
      ok: false,
      issues: ['nothing_shipped'],
      lineIssues: {},
    });
    expect(recordShipment(o, { id: 's', date: '2026-05-09', quantities: { a: 1.0005 } }, '2026-05-20')).toMatchObject({
      lineIssues: { a: 'quantity_too_precise' },
    });
    expect(recordShipment(o, { id: 's', date: '2026-05-09', quantities: { a: Number.NaN } }, '2026-05-20')).toMatchObject({
      lineIssues: { a: 'quantity_invalid' },
    });
    expect(recordShipment(order({ status: 'cancelled' }), { id: 's', date: '2026-05-09', quantities: { a: 1 } }, '2026-05-20')).toMatchObject({
      issues: ['order_cancelled'],
    });
    // Exactly what is due is fine; the day of the order too (its local day).
    const exact = recordShipment(o, { id: 's', date: '2026-05-02', quantities: { a: 3 } }, '2026-05-20');
    expect(exact.ok && exact.patch.lines[0]!.qtyDelivered).toBe(10);
  });

  it("compares the shipment's day with the order's LOCAL day: ordered at 22:00 in São Paulo, shipped the same evening", () => {
    process.env.TZ = 'America/Sao_Paulo';
    const orderedAt = new Date('2026-03-10T01:00:00Z').getTime(); // 22:00 on 9 March there, already 10 March in UTC
    const today = localIsoDay(new Date('2026-03-10T01:30:00Z'));
    expect(today).toBe('2026-03-09');
    const result = recordShipment(order({ orderedAt }), { id: 's', date: today, quantities: { a: 1 } }, today);
    expect(result.ok).toBe(true);
  });
});

describe('status', () => {
  it('reads the older draft as received, and offers delivery statuses only as the shipments give them', () => {
    expect(normalizeOrderStatus('draft')).toBe('received');
    expect(normalizeOrderStatus('shipped')).toBe('shipped');
    expect(statusChoices(order())).toEqual(['received', 'confirmed', 'in_preparation', 'shipped', 'cancelled']);
    expect(statusChoices(order({ lines: [line('a', 2, 1)] }))).toEqual(['partially_delivered', 'cancelled']);
    expect(statusChoices(order({ lines: [line('a', 2, 2)] }))).toEqual(['delivered']);
    expect(changeOrderStatus(order(), 'in_preparation')).toEqual({ ok: true, patch: { status: 'in_preparation' } });
    expect(changeOrderStatus(order(), 'delivered')).toEqual({ ok: false, issue: 'status_not_allowed' });
  });
});

describe('completeness and timeliness', () => {
  it('is delivered ÷ ordered over the lines, an over-delivery capped, a cancelled order excluded', () => {
    expect(completeness(order({ lines: [line('a', 3, 1), line('b', 3, 5)] }))).toEqual({ ordered: 6, delivered: 4, bp: 6667 });
    expect(completeness(order({ lines: [line('a', 0.75, 0.25)] }))).toEqual({ ordered: 0.75, delivered: 0.25, bp: 3333 });
    expect(completeness(order({ status: 'cancelled' }))).toBeNull();
    expect(completeness(order({ lines: [] }))).toBeNull();
  });

  it('is on time when delivered by the promised day, late by n days otherwise, and none without a promise or when cancelled', () => {
    const full = [line('a', 2, 2)];
    expect(timeliness(order({ lines: full, deliveredDate: '2026-05-10' }), '2026-06-01')).toEqual({ kind: 'on_time' });
    expect(timeliness(order({ lines: full, deliveredDate: '2026-05-17' }), '2026-06-01')).toEqual({ kind: 'late', days: 7 });
    expect(timeliness(order(), '2026-05-10')).toEqual({ kind: 'pending' });
    expect(timeliness(order(), '2026-06-01')).toEqual({ kind: 'late', days: 22 });
    expect(timeliness(order({ promisedDate: '' }), '2026-06-01')).toEqual({ kind: 'none' });
    expect(timeliness(order({ status: 'cancelled' }), '2026-06-01')).toEqual({ kind: 'none' });
  });

  it('counts by the local calendar day: at 22:00 in São Paulo on the promised day the order is not late yet', () => {
    process.env.TZ = 'America/Sao_Paulo';
    const tenPm = new Date('2026-05-11T01:00:00Z'); // 22:00 on 10 May there
    expect(tenPm.toISOString().slice(0, 10)).toBe('2026-05-11');
    expect(timeliness(order(), localIsoDay(tenPm))).toEqual({ kind: 'pending' });
    expect(timeliness(order(), localIsoDay(new Date('2026-05-11T03:00:00Z')))).toEqual({ kind: 'late', days: 1 });
  });

  it('lists as overdue or incomplete what is past its promise or partly delivered, not what is on its way, done or cancelled', () => {
    expect(isOverdueOrIncomplete(order(), '2026-05-10')).toBe(false);
    expect(isOverdueOrIncomplete(order(), '2026-05-11')).toBe(true);
    expect(isOverdueOrIncomplete(order({ lines: [line('a', 2, 1)] }), '2026-05-05')).toBe(true);
    expect(isOverdueOrIncomplete(order({ lines: [line('a', 2, 2)], deliveredDate: '2026-05-12' }), '2026-06-01')).toBe(false);
    expect(isOverdueOrIncomplete(order({ status: 'cancelled' }), '2026-06-01')).toBe(false);
  });
});

describe('per account', () => {
  it('repeat-order rate: the share of months after the first order in which the account ordered again', () => {
    const orders = [
      { status: 'delivered' as const, orderedAt: at('2026-01-15') },
      { status: 'delivered' as const, orderedAt: at('2026-01-28') },
      { status: 'delivered' as const, orderedAt: at('2026-03-03') },
      { status: 'cancelled' as const, orderedAt: at('2026-04-03') },
      { status: 'confirmed' as const, orderedAt: at('2026-06-01') },
    ];
    // Feb–Jun: 5 months; ordered in March and June (April's order was cancelled).
    expect(repeatOrderRate(orders, '2026-06-10')).toEqual({ monthsWithOrders: 2, months: 5, bp: 4000 });
    expect(repeatOrderRate(orders.slice(0, 2), '2026-01-30')).toBeNull();
    expect(repeatOrderRate([], '2026-01-30')).toBeNull();
  });

  it('days since the last order, by the local day: ordered at 22:00 yesterday in São Paulo is 1 day ago', () => {
    process.env.TZ = 'America/Sao_Paulo';
    const orders = [
      { status: 'delivered' as const, orderedAt: new Date('2026-03-01T13:00:00Z').getTime() },
      { status: 'confirmed' as const, orderedAt: new Date('2026-03-10T01:00:00Z').getTime() }, // 22:00 on 9 March
      { status: 'cancelled' as const, orderedAt: new Date('2026-03-10T12:00:00Z').getTime() },
    ];
    expect(daysSinceLastOrder(orders, localIsoDay(new Date('2026-03-10T15:00:00Z')))).toBe(1);
    expect(daysSinceLastOrder([], '2026-03-10')).toBeNull();
  });
});

describe('an order from a won deal', () => {
  it('copies the lines with the same unit prices and discounts, bonus lines at 0, nothing delivered, the total to the cent', () => {
    const deal: Pick<Deal, 'id' | 'accountId' | 'lines' | 'value' | 'ownerId'> = {
      id: 'd1',
      accountId: 'a1',
      ownerId: 'ana',
      value: { amount: 0, currency: 'BRL' },
      lines: [
        { id: 'x', productId: 'p1', sku: 'EPI-1', name: 'Luva', qty: 3, unitPrice: 1899, discountBp: 750 },
        { id: 'y', productId: 'p2', sku: 'FIT-1', name: 'Fita', qty: 2.5, unitPrice: 333, discountBp: 0 },
        { id: 'z', productId: 'p3', sku: 'BON-1', name: 'Brinde', qty: 1, unitPrice: 999, discountBp: 0, bonus: true },
      ],
    };
    let n = 0;
    const o = orderFromDeal(deal, { id: '00000000abcdefghijkl', orderedAt: at('2026-05-02'), lineId: () => `l${++n}` });
    expect(o.lines).toEqual([
      { id: 'l1', productId: 'p1', sku: 'EPI-1', name: 'Luva', qtyOrdered: 3, qtyDelivered: 0, unitPrice: 1899, discountBp: 750 },
      { id: 'l2', productId: 'p2', sku: 'FIT-1', name: 'Fita', qtyOrdered: 2.5, qtyDelivered: 0, unitPrice: 333, discountBp: 0 },
      { id: 'l3', productId: 'p3', sku: 'BON-1', name: 'Brinde', qtyOrdered: 1, qtyDelivered: 0, unitPrice: 0, discountBp: 0, bonus: true },
    ]);
    // 18,99 − 7,5 % = 17,57 (17,565 half up) × 3 = 52,71; 3,33 × 2,5 = 8,325 → 8,33; total 61,04.
    expect(o.total).toBe(6104);
    expect(o.total).toBe(storedDealValue(deal.lines));
    expect(orderTotal(o.lines)).toBe(6104);
    expect(o).toMatchObject({ dealId: 'd1', accountId: 'a1', status: 'received', currency: 'BRL', number: 'PV-2026-GHIJKL', deliveredDate: '' });
  });
});

describe('a new order from the catalogue', () => {
  it("keeps the account's price and the line's discount, and totals to the cent", () => {
    const l = toOrderLine({ productId: 'p', sku: 'S', name: 'N', quantity: 3, accountPrice: 1899, discountBp: 0, bonus: false }, 'l1');
    expect(l).toEqual({ id: 'l1', productId: 'p', sku: 'S', name: 'N', qtyOrdered: 3, qtyDelivered: 0, unitPrice: 1899, discountBp: 0 });
    const o = newOrder({
      id: 'x00000abcdef',
      orderedAt: at('2026-05-02'),
      accountId: 'a',
      currency: currencyForCountry('PT'),
      lines: [l],
      promisedDate: '2026-05-20',
      ownerId: 'ana',
    });
    expect(o).toMatchObject({ number: 'PV-2026-ABCDEF', status: 'received', currency: 'EUR', total: 5697, dealId: '', promisedDate: '2026-05-20' });
  });
});

describe('shipments kept in step with the lines', () => {
  it('an order delivered in part before shipments were recorded gets that as its first shipment', () => {
    const legacy = order({ status: 'partially_delivered', lines: [line('a', 10, 3)], shipments: undefined });
    const result = recordShipment(legacy, { id: 'new', date: '2026-05-09', quantities: { a: 2 } }, '2026-05-20');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch.shipments.map((s) => [s.date, s.lines])).toEqual([
      ['2026-05-02', [{ lineId: 'a', qty: 3 }]],
      ['2026-05-09', [{ lineId: 'a', qty: 2 }]],
    ]);
    expect(result.patch.lines[0]!.qtyDelivered).toBe(5);
    // Still due: 5; more is refused.
    expect(recordShipment(legacy, { id: 'x', date: '2026-05-09', quantities: { a: 8 } }, '2026-05-20')).toMatchObject({
      lineIssues: { a: 'quantity_above_due' },
    });
  });

  it('puts lines, status and delivered day back in step after two laptops each recorded a shipment', () => {
    // Merged: both shipments (a list merged by id), but the lines of one laptop only.
    const merged = order({
      status: 'partially_delivered',
      lines: [line('a', 10, 4)],
      shipments: [
        { id: 's2', date: '2026-05-12', lines: [{ lineId: 'a', qty: 4 }] },
        { id: 's1', date: '2026-05-08', lines: [{ lineId: 'a', qty: 6 }] },
      ],
    });
    const fixed = reconcileShipments(merged);
    expect(fixed.lines[0]!.qtyDelivered).toBe(10);
    expect(fixed.status).toBe('delivered');
    expect(fixed.deliveredDate).toBe('2026-05-12');
    expect(fixed.shipments!.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(timeliness(fixed, '2026-06-01')).toEqual({ kind: 'late', days: 2 });
    // A consistent order comes back untouched.
    expect(reconcileShipments(fixed)).toBe(fixed);
  });
});
