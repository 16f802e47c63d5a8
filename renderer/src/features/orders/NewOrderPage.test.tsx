import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Order } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount, testProduct } from '../catalogue/catalogue-fixtures';
import { NewOrderPage } from './NewOrderPage';

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['orders', 'accounts', 'products'] });
});
afterEach(async () => {
  await db.close();
});

/** Text as read aloud: Intl puts no-break spaces in money. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');

describe('new order', () => {
  it("prices catalogue lines on the account's conditions, refuses a fractional box keeping it typed, and creates the order", async () => {
    const account = testAccount('Distribuidora Paulista', { priceListId: 'tabela-a', discountBp: 500 });
    const gloves = testProduct({
      sku: 'EPI-000123',
      name: 'Luva nitrílica — caixa com 100',
      category: 'EPI',
      unit: 'cx',
      prices: [
        { priceListId: 'tabela-a', amount: 1999, currency: 'BRL' },
        { priceListId: 'tabela-b', amount: 2500, currency: 'BRL' },
      ],
    });
    await db.accounts.insert(account);
    await db.products.insert(gloves);
    const user = userEvent.setup();
    const { location } = renderWithApp(<NewOrderPage accountId={account.id} />, { db, path: '/orders/new' });
    await screen.findByRole('heading', { name: 'Novo pedido', level: 2 });

    // Nothing to order yet.
    await user.click(screen.getByRole('button', { name: 'Criar pedido' }));
    expect(await screen.findByText('Adicione pelo menos um item.')).toBeVisible();

    await user.type(screen.getByRole('textbox', { name: 'Adicionar produto' }), 'luva nitr');
    await user.click(await screen.findByRole('button', { name: 'Adicionar Luva nitrílica — caixa com 100' }));
    const qty = await screen.findByRole('textbox', { name: 'Quantidade de Luva nitrílica — caixa com 100' });
    await user.clear(qty);
    await user.type(qty, '2,5');
    expect(await screen.findByText('Este produto é vendido só em unidades inteiras.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Criar pedido' }));
    expect(qty).toHaveValue('2,5');
    expect(await db.orders.count().exec()).toBe(0);

    await user.clear(qty);
    await user.type(qty, '3');
    // tabela-a 19,99 − 5 % of the account = 18,99; × 3 = 56,97.
    await waitFor(() => expect(text(screen.getByTestId('new-order-total'))).toBe('Total: R$ 56,97'));
    await user.click(screen.getByRole('button', { name: 'Criar pedido' }));

    await waitFor(async () => expect(await db.orders.count().exec()).toBe(1));
    const order = (await db.orders.findOne().exec())!.toJSON() as Order;
    expect(order).toMatchObject({ accountId: account.id, status: 'received', total: 5697, currency: 'BRL', dealId: '' });
    expect(order.lines).toMatchObject([{ sku: 'EPI-000123', qtyOrdered: 3, qtyDelivered: 0, unitPrice: 1899, discountBp: 0 }]);
    expect(order.number).toMatch(/^PV-\d{4}-[0-9A-Z]{6}$/);
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/orders/${order.id}`));
  });
});
