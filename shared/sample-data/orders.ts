import type { Order, OrderLine } from '../models';
import { stampDoc } from './context';
import { DAY, isoDay, yearOf } from './dates';
import { dealLines } from './deals';
import { lineTotal, makeLines } from './lines';
import { makeNotes } from './notes';
import type { World } from './world';

const LATE_NOTES = [
  'Transportadora atrasou a coleta no CD de Cajamar.',
  'Item em falta no fornecedor; saldo entregue na semana seguinte.',
  'Cliente remarcou o recebimento por inventário.',
];
const PARTIAL_NOTES = ['Saldo pendente aguardando reposição do fabricante.', 'Entrega fracionada a pedido do cliente.'];

/** "PV-2026-000123": sales order numbers are what clients quote on the phone. */
export function orderNumber(world: World, index: number): string {
  return `PV-${yearOf(world.ctx.identity('orders', index).createdAt)}-${String(index + 1).padStart(6, '0')}`;
}

/** Lines of order `index`: those of its deal when it came from one, otherwise a repeat purchase. */
export function orderLinesOf(world: World, index: number): { lines: Omit<OrderLine, 'qtyDelivered'>[] } {
  const d = world.plan.orderDeal[index]!;
  const a = world.plan.orderAccount[index]!;
  const source =
    d >= 0
      ? dealLines(world, d)
      : a >= 0
        ? makeLines(world, world.ctx.random('order-lines', index), world.account(a), world.ctx.identity('orders', index).createdAt)
        : [];
  return {
    lines: source.map((l) => ({
      id: l.id,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qtyOrdered: l.qty,
      unitPrice: l.unitPrice,
      discountBp: l.discountBp,
    })),
  };
}

export function orderAt(world: World, index: number): Order {
  const { ctx, plan } = world;
  const random = ctx.random('order', index);
  const a = plan.orderAccount[index]!;
  const account = a >= 0 ? world.account(a) : null;
  const identity = ctx.identity('orders', index);
  const orderedAt = identity.createdAt;
  const promised = orderedAt + random.between(3, 25) * DAY;
  const today = ctx.now;
  let status: Order['status'];
  let delivered = 0;
  const roll = random.next();
  if (roll < 0.04) status = 'cancelled';
  else if (promised > today) status = roll < 0.1 && today - orderedAt < 3 * DAY ? 'received' : roll < 0.3 ? 'partially_delivered' : 'confirmed';
  else if (roll < 0.14) status = 'partially_delivered';
  else {
    status = 'delivered';
    // Four in five on time; the rest late by up to three weeks (never after today).
    delivered = random.chance(0.8) ? promised - random.int(3) * DAY : Math.min(today, promised + random.between(1, 20) * DAY);
  }
  const { lines: planned } = orderLinesOf(world, index);
  const lines: OrderLine[] = planned.map((line) =>
    Object.assign(line, {
      qtyDelivered:
        status === 'delivered'
          ? line.qtyOrdered
          : status === 'partially_delivered'
            ? random.chance(0.5)
              ? line.qtyOrdered
              : Math.floor(line.qtyOrdered * random.next())
            : 0,
    }),
  );
  // A partial delivery must really be partial.
  if (status === 'partially_delivered' && lines.length > 0 && lines.every((l) => l.qtyDelivered === l.qtyOrdered)) {
    lines[0]!.qtyDelivered = Math.floor(lines[0]!.qtyOrdered / 2);
  }
  const c = a >= 0 ? plan.accountContract[a]! : -1;
  const late = delivered > promised;
  // What arrived, as one shipment: on the delivery day, or (a partial one) the day after the order, never after today.
  const shipped = lines.filter((l) => l.qtyDelivered > 0);
  const shipments: Order['shipments'] =
    shipped.length === 0
      ? []
      : [
          {
            id: 's1',
            date: isoDay(delivered || Math.min(today, orderedAt + DAY)),
            lines: shipped.map((l) => ({ lineId: l.id, qty: l.qtyDelivered })),
          },
        ];
  const ownerId = account?.ownerId ?? ctx.owner(index);
  return stampDoc<Order>(
    {
      number: orderNumber(world, index),
      accountId: account?.id ?? '',
      dealId: world.id('deals', plan.orderDeal[index]!),
      contractId: c >= 0 && random.chance(0.6) ? world.id('contracts', c) : '',
      status,
      lines,
      currency: 'BRL',
      total: lines.reduce((sum, l) => sum + lineTotal(l.qtyOrdered, l.unitPrice, l.discountBp), 0),
      orderedAt,
      promisedDate: isoDay(promised),
      deliveredDate: delivered ? isoDay(delivered) : '',
      ownerId,
      notes: late
        ? makeNotes(ctx, random, 'order-note', index, promised, ownerId, LATE_NOTES, 1)
        : status === 'partially_delivered'
          ? makeNotes(ctx, random, 'order-note', index, orderedAt, ownerId, PARTIAL_NOTES, 0.7)
          : [],
      shipments,
    },
    identity,
    ownerId,
    delivered || status === 'partially_delivered'
      ? { at: Math.min(today, Math.max(delivered, orderedAt + DAY)), fields: ['status', 'lines', 'deliveredDate', 'shipments'] }
      : undefined,
  );
}
