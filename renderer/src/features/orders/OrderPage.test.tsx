import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Deal, Order } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { isoDayFromToday, testAccount } from '../catalogue/catalogue-fixtures';
import { DealPage } from '../deal/DealPage';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, {
    collections: ['orders', 'deals', 'accounts', 'products', 'contacts', 'competitors', 'activities', 'contracts'],
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.close();
});

const DAY = 86_400_000;
/** "13/05/2026" for an ISO day. */
const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const stored = async (id: string): Promise<Order> => (await db.orders.findOne(id).exec())!.toJSON() as Order;

function testOrder(account: Account, fields: Partial<Order> = {}): Order {
  return createDoc<Order>(
    {
      number: 'PV-2026-000777',
      accountId: account.id,
      dealId: '',
      contractId: '',
      status: 'confirmed',
      lines: [
        { id: 'gl', productId: 'p1', sku: 'EPI-000123', name: 'Luva nitrílica', qtyOrdered: 10, qtyDelivered: 0, unitPrice: 1899, discountBp: 0 },
        { id: 'ft', productId: 'p2', sku: 'FIT-000042', name: 'Fita isolante', qtyOrdered: 4, qtyDelivered: 0, unitPrice: 333, discountBp: 0 },
      ],
      currency: 'BRL',
      total: 10 * 1899 + 4 * 333,
      orderedAt: Date.now() - 20 * DAY,
      promisedDate: isoDayFromToday(-5),
      deliveredDate: '',
      ownerId: 'ana',
      notes: [],
      shipments: [],
      ...fields,
    },
    'seed',
  );
}

async function openOrder(order: Order) {
  await db.orders.insert(order);
  const user = userEvent.setup();
  renderWithApp(<OrderPage id={order.id} />, { db, path: `/orders/${order.id}` });
  await screen.findByRole('heading', { name: order.number, level: 2 });
  return user;
}

async function recordShipment(user: ReturnType<typeof userEvent.setup>, day: string, quantities: Record<string, string>) {
  const date = screen.getByRole('textbox', { name: 'Data da entrega' });
  await user.clear(date);
  await user.type(date, typed(day));
  for (const [name, qty] of Object.entries(quantities)) {
    const field = screen.getByRole('textbox', { name: `Quantidade entregue de ${name}` });
    await user.clear(field);
    await user.type(field, qty);
  }
  await user.click(screen.getByRole('button', { name: 'Registrar entrega' }));
}

describe('order page', () => {
  it('two partial shipments, the second after the promised date: delivered, 100 % complete, late by 3 days', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const order = testOrder(account);
    const user = await openOrder(order);
    expect(await screen.findByRole('link', { name: 'Metalúrgica Vale' })).toHaveAttribute('href', `/accounts/${account.id}`);
    // Promised 5 days ago, nothing arrived: late by 5 days so far.
    expect(screen.getByTestId('order-timeliness')).toHaveTextContent('Atrasado 5 dias');

    await recordShipment(user, isoDayFromToday(-7), { 'Luva nitrílica': '6', 'Fita isolante': '4' });
    await waitFor(async () => expect((await stored(order.id)).status).toBe('partially_delivered'));
    expect((await stored(order.id)).lines.map((l) => l.qtyDelivered)).toEqual([6, 4]);
    expect(await screen.findByTestId('order-completeness')).toHaveTextContent('Entregue: 71,43%');
    expect(within(screen.getByRole('table', { name: 'Itens' })).getByTestId('line-EPI-000123')).toHaveTextContent(/Luva nitrílica\s*EPI-000123\s*1064/);
    // Only the line with something due is left in the form.
    expect(screen.queryByRole('textbox', { name: 'Quantidade entregue de Fita isolante' })).toBeNull();

    await recordShipment(user, isoDayFromToday(-2), { 'Luva nitrílica': '4' });
    await waitFor(async () => expect((await stored(order.id)).status).toBe('delivered'));
    const saved = await stored(order.id);
    expect(saved.deliveredDate).toBe(isoDayFromToday(-2));
    expect(saved.shipments!.map((s) => s.date)).toEqual([isoDayFromToday(-7), isoDayFromToday(-2)]);
    expect(saved.lines.map((l) => l.qtyDelivered)).toEqual([10, 4]);
    expect(await screen.findByTestId('order-completeness')).toHaveTextContent('Entregue: 100%');
    expect(screen.getByTestId('order-timeliness')).toHaveTextContent('Atrasado 3 dias');
    expect(screen.getByText('Tudo já foi entregue.')).toBeVisible();

    // Each shipment listed with its day; the late one marked.
    const history = screen.getByRole('list', { name: 'Entregas' });
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('no prazo');
    expect(items[0]).toHaveTextContent('6 × Luva nitrílica · 4 × Fita isolante');
    expect(items[1]).toHaveTextContent('atrasada 3 dias');
    expect(items[1]).toHaveTextContent('4 × Luva nitrílica');
  });

  it('refuses a shipment above what is due with the reason, keeping what was typed and saving nothing', async () => {
    const account = testAccount('Ótica São Jorge');
    await db.accounts.insert(account);
    const order = testOrder(account, {
      status: 'partially_delivered',
      lines: [{ id: 'gl', productId: 'p1', sku: 'EPI-000123', name: 'Luva nitrílica', qtyOrdered: 10, qtyDelivered: 7, unitPrice: 1899, discountBp: 0 }],
      shipments: [{ id: 's1', date: isoDayFromToday(-10), lines: [{ lineId: 'gl', qty: 7 }] }],
    });
    const user = await openOrder(order);

    await recordShipment(user, isoDayFromToday(-1), { 'Luva nitrílica': '5' });
    const field = screen.getByRole('textbox', { name: 'Quantidade entregue de Luva nitrílica' });
    expect(await screen.findByText('Acima do que falta entregar (3).')).toBeVisible();
    expect(field).toHaveValue('5');
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await user.clear(field);
    await user.type(field, '-2');
    await user.click(screen.getByRole('button', { name: 'Registrar entrega' }));
    expect(await screen.findByText('A quantidade não pode ser negativa.')).toBeVisible();
    expect(field).toHaveValue('-2');

    // A day before the order was placed.
    await recordShipment(user, isoDayFromToday(-30), { 'Luva nitrílica': '3' });
    expect(await screen.findByText(/A entrega não pode ser antes da data do pedido/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Data da entrega' })).toHaveValue(typed(isoDayFromToday(-30)));

    const saved = await stored(order.id);
    expect(saved.lines[0]!.qtyDelivered).toBe(7);
    expect(saved.shipments).toHaveLength(1);
  });

  it('offers only the statuses that apply and cancels the order', async () => {
    const account = testAccount('Loja Central');
    await db.accounts.insert(account);
    const order = testOrder(account, { promisedDate: isoDayFromToday(5) });
    const user = await openOrder(order);
    await user.click(screen.getByRole('combobox', { name: 'Situação' }));
    const options = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent);
    expect(options).toEqual(['Confirmado', 'Recebido', 'Em preparação', 'Expedido', 'Cancelado']);
    await user.click(screen.getByRole('option', { name: 'Em preparação', hidden: true }));
    await waitFor(async () => expect((await stored(order.id)).status).toBe('in_preparation'));

    await user.click(screen.getByRole('button', { name: 'Cancelar pedido' }));
    await waitFor(async () => expect((await stored(order.id)).status).toBe('cancelled'));
    expect(await screen.findByText('Este pedido foi cancelado.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Registrar entrega' })).toBeNull();
  });
});

describe('orders list', () => {
  it('shows completeness and timeliness, and the overdue or incomplete view leaves out what is on its way or done', async () => {
    const account = testAccount('Distribuidora Paulista');
    await db.accounts.insert(account);
    const line = (qtyOrdered: number, qtyDelivered: number) => [
      { id: 'l', productId: 'p', sku: 'S', name: 'N', qtyOrdered, qtyDelivered, unitPrice: 1000, discountBp: 0 },
    ];
    await db.orders.bulkInsert([
      testOrder(account, { number: 'PV-LATE', lines: line(4, 0), promisedDate: isoDayFromToday(-2) }),
      testOrder(account, { number: 'PV-PART', status: 'partially_delivered', lines: line(4, 1), promisedDate: isoDayFromToday(3) }),
      testOrder(account, { number: 'PV-NEXT', lines: line(4, 0), promisedDate: isoDayFromToday(3) }),
      testOrder(account, { number: 'PV-DONE', status: 'delivered', lines: line(4, 4), promisedDate: isoDayFromToday(-9), deliveredDate: isoDayFromToday(-10) }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<OrdersPage />, { db, path: '/orders' });
    const table = await screen.findByRole('table', { name: 'Pedidos' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    const row = (number: string) => within(table).getByText(number).closest('[role="row"]')!;
    expect(row('PV-LATE')).toHaveTextContent('Atrasado 2 dias');
    expect(row('PV-PART')).toHaveTextContent('25%');
    expect(row('PV-NEXT')).toHaveTextContent('A entregar');
    expect(row('PV-DONE')).toHaveTextContent('No prazo');
    expect(row('PV-DONE')).toHaveTextContent('100%');
    expect(row('PV-DONE')).toHaveTextContent('Distribuidora Paulista');

    await user.click(screen.getByText('Atrasados ou incompletos'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Pedidos' })).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByText('PV-LATE')).toBeVisible();
    expect(screen.getByText('PV-PART')).toBeVisible();
    expect(screen.queryByText('PV-NEXT')).toBeNull();
    expect(screen.queryByText('PV-DONE')).toBeNull();
  });
});

describe('an order from a won deal', () => {
  it('copies the lines with their prices and discounts, bonus at 0, keeps the deal, and opens the order', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const deal = createDoc<Deal>(
      {
        accountId: account.id,
        title: 'Luvas para a linha de montagem',
        stage: 'won',
        lines: [
          { id: 'a', productId: 'p1', sku: 'EPI-000123', name: 'Luva nitrílica', qty: 3, unitPrice: 1899, discountBp: 750 },
          { id: 'b', productId: 'p2', sku: 'FIT-000042', name: 'Fita isolante', qty: 2, unitPrice: 333, discountBp: 0, bonus: true },
        ],
        value: { amount: 5271, currency: 'BRL' },
        probability: 100,
        expectedClose: '',
        lostReason: '',
        competitorId: '',
        contactIds: [],
        ownerId: 'ana',
        notes: [],
        objections: [],
        closedAt: isoDayFromToday(0),
      },
      'seed',
    );
    await db.deals.insert(deal);
    const user = userEvent.setup();
    const { location } = renderWithApp(<DealPage id={deal.id} />, { db, path: `/pipeline/${deal.id}` });
    await user.click(await screen.findByRole('button', { name: 'Criar pedido' }));

    await waitFor(async () => expect(await db.orders.count().exec()).toBe(1));
    const order = (await db.orders.findOne().exec())!.toJSON() as Order;
    expect(order).toMatchObject({ dealId: deal.id, accountId: account.id, status: 'received', total: 5271, currency: 'BRL' });
    expect(
      order.lines.map(({ sku, qtyOrdered, qtyDelivered, unitPrice, discountBp, bonus }) => ({ sku, qtyOrdered, qtyDelivered, unitPrice, discountBp, bonus })),
    ).toEqual([
      { sku: 'EPI-000123', qtyOrdered: 3, qtyDelivered: 0, unitPrice: 1899, discountBp: 750, bonus: undefined },
      { sku: 'FIT-000042', qtyOrdered: 2, qtyDelivered: 0, unitPrice: 0, discountBp: 0, bonus: true },
    ]);
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/orders/${order.id}`));
  });
});
