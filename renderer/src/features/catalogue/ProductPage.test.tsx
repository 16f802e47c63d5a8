import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { isoDayFromToday, testAccount, testProduct } from './catalogue-fixtures';
import { ProductPage } from './ProductPage';
import { catalogueRoutes, splitProductParam } from './routes';
import { useCatalogueStore } from './store';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['products', 'accounts'] });
  useCatalogueStore.setState({ category: '', text: '', kind: 'auto', accountId: '' });
});
afterEach(async () => {
  await db.close();
});

/** Text as read aloud: Intl puts no-break spaces in money. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');

const gloves = () =>
  testProduct({
    sku: 'EPI-000123',
    name: 'Luva nitrílica — caixa com 100',
    category: 'EPI',
    unit: 'cx',
    stockQty: 340,
    description: 'Luva descartável sem pó, tamanho M.',
    prices: [
      { priceListId: 'tabela-a', amount: 9000, currency: 'BRL' },
      { priceListId: 'tabela-b', amount: 10000, currency: 'BRL' },
      { priceListId: 'tabela-c', amount: 10800, currency: 'BRL' },
    ],
    promotion: { label: 'Semana do EPI', discountBp: 1000, from: isoDayFromToday(-1), to: isoDayFromToday(10) },
  });

describe('product page', () => {
  it('shows the description, unit, stock, prices per list and the promotion with its validity', async () => {
    const product = gloves();
    await db.products.insert(product);
    renderWithApp(<ProductPage id={product.id} />, { db, path: `/catalogue/${product.id}` });
    expect(await screen.findByRole('heading', { name: 'Luva nitrílica — caixa com 100', level: 2 })).toBeVisible();
    expect(screen.getByText('EPI-000123 · EPI')).toBeVisible();
    expect(screen.getByText('Luva descartável sem pó, tamanho M.')).toBeVisible();
    expect(screen.getByText('caixa')).toBeVisible();
    expect(screen.getByText('340 cx')).toBeVisible();
    const prices = screen.getByRole('table', { name: 'Preços por tabela' });
    expect(
      within(prices)
        .getAllByRole('row')
        .slice(1)
        .map((r) => text(r)),
    ).toEqual(['tabela-aR$ 90,00', 'tabela-b (tabela padrão)R$ 100,00', 'tabela-cR$ 108,00']);
    expect(screen.getByText('Semana do EPI')).toBeVisible();
    expect(screen.getByText('Válida hoje')).toBeVisible();
    expect(screen.getByText(/^Válida de \d\d\/\d\d\/\d{4} a \d\d\/\d\d\/\d{4}$/)).toBeVisible();
    expect(screen.getByText('Escolha uma conta para ver quanto ela paga por este produto.')).toBeVisible();
  });

  it('shows what a preselected account pays, step by step, and the total for a quantity', async () => {
    const product = gloves();
    const account = testAccount('Distribuidora Paulista', { priceListId: 'tabela-a', discountBp: 500, loyaltyTier: 'gold', paymentTerms: '30/60' });
    await db.products.insert(product);
    await db.accounts.insert(account);
    const user = userEvent.setup();
    renderWithApp(<ProductPage id={product.id} accountId={account.id} />, { db, path: `/catalogue/${product.id}` });
    const breakdown = await screen.findByRole('table', { name: 'Composição do preço' });
    const lines = () => within(breakdown).getAllByRole('row').map(text);
    // 90,00 −10 % → 81,00 −5 % → 76,95 −3 % → 74,6415 → 74,64
    expect(lines()).toEqual([
      'Preço de tabelatabela-a — tabela da contaR$ 90,00',
      'Promoção “Semana do EPI” (−10%)−R$ 9,00',
      'Desconto da conta (−5%)−R$ 4,05',
      'Fidelidade Ouro (−3%)−R$ 2,31',
      'Preço unitário para a contaR$ 74,64',
      'Total para 1 cxR$ 74,64',
    ]);
    // The picker shows the account's name once its own read answers (after the price, on a busy machine).
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Conta' })).toHaveValue('Distribuidora Paulista'));

    const quantity = screen.getByLabelText('Quantidade');
    await user.clear(quantity);
    await user.type(quantity, '3');
    await waitFor(() => expect(lines().at(-1)).toBe('Total para 3 cxR$ 223,92'));
  });

  it('picks an account by typing the start of its name and falls back to the default list', async () => {
    const product = gloves();
    await db.products.insert(product);
    await db.accounts.bulkInsert([
      testAccount('Ótica São Jorge', { priceListId: 'tabela-vip', discountBp: 0 }),
      testAccount('Oficina Central', { priceListId: 'tabela-c' }),
      testAccount('Zeta Comércio', { priceListId: 'tabela-a' }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<ProductPage id={product.id} />, { db, path: `/catalogue/${product.id}` });
    const picker = await screen.findByRole('combobox', { name: 'Conta' });
    await user.click(picker);
    await user.type(picker, 'otica');
    const option = await screen.findByRole('option', { name: 'Ótica São Jorge', hidden: true });
    expect(screen.queryByRole('option', { name: 'Zeta Comércio', hidden: true })).toBeNull();
    await user.click(option);
    const breakdown = await screen.findByRole('table', { name: 'Composição do preço' });
    expect(within(breakdown).getByText('tabela-b — tabela padrão (a conta não tem preço na sua tabela)')).toBeVisible();
    // 100,00 −10 % promotion, no account discount.
    expect(within(breakdown).getByTestId('account-unit-price')).toHaveTextContent('R$ 90,00');
    // The choice stays for the next product (preparing a quote for one account).
    expect(useCatalogueStore.getState().accountId).not.toBe('');
  });

  it('prices a fractional quantity of a product sold by weight, typed with a decimal comma', async () => {
    const product = testProduct({ sku: 'COP-000900', name: 'Café em grãos a granel', category: 'Copa e cozinha', unit: 'kg', price: 3333 });
    const account = testAccount('Padaria Central', { priceListId: 'tabela-b' });
    await db.products.insert(product);
    await db.accounts.insert(account);
    const user = userEvent.setup();
    renderWithApp(<ProductPage id={product.id} accountId={account.id} />, { db, path: `/catalogue/${product.id}` });
    const total = await screen.findByTestId('account-total');
    const quantity = screen.getByLabelText('Quantidade');
    await user.clear(quantity);
    await user.type(quantity, '1,5');
    // 33,33 × 1,5 = 49,995 → 50,00 (half up)
    await waitFor(() => expect(text(total)).toBe('R$ 50,00'));
    expect(text(screen.getByRole('table', { name: 'Composição do preço' }))).toContain('Total para 1,5 kg');
  });

  it('says so when the product does not exist', async () => {
    renderWithApp(<ProductPage id="nope" />, { db, path: '/catalogue/nope' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Este produto não existe ou foi retirado do catálogo.');
  });

  it('reads the account from the hash query of the product route', () => {
    expect(splitProductParam('abc?accountId=xyz')).toEqual({ id: 'abc', accountId: 'xyz' });
    expect(splitProductParam('abc', '?accountId=q')).toEqual({ id: 'abc', accountId: 'q' });
    expect(splitProductParam('abc')).toEqual({ id: 'abc', accountId: undefined });
    expect(catalogueRoutes.map((r) => r.path)).toEqual(['/catalogue', '/catalogue/:id']);
  });
});
