import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { isoDayFromToday, testProduct } from './catalogue-fixtures';
import { CataloguePage } from './CataloguePage';
import { useCatalogueStore } from './store';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['products', 'accounts'] });
  useCatalogueStore.setState({ category: '', text: '', kind: 'auto', accountId: '' });
});
afterEach(async () => {
  await db.close();
});

const seed = () =>
  db.products.bulkInsert([
    testProduct({ sku: 'PAP-000001', name: 'Papel sulfite A4 — Chamex', category: 'Papelaria', unit: 'pct', price: 2990 }),
    testProduct({ sku: 'PAP-000002', name: 'Caneta esferográfica azul', category: 'Papelaria', unit: 'cx', price: 4590 }),
    testProduct({ sku: 'INF-000003', name: 'Mouse óptico USB', category: 'Informática', price: 3490, availability: 'low_stock' }),
    testProduct({ sku: 'INF-000004', name: 'Teclado ABNT2', category: 'Informática', price: 6990, availability: 'out_of_stock' }),
    testProduct({ sku: 'INF-000005', name: 'Cabo HDMI 2 m', category: 'Informática', price: 1990 }),
    testProduct({
      sku: 'COP-000006',
      name: 'Café torrado e moído 500 g',
      category: 'Copa e cozinha',
      unit: 'pct',
      price: 1890,
      promotion: { label: 'Semana do café', discountBp: 1500, from: isoDayFromToday(-2), to: isoDayFromToday(5) },
    }),
    testProduct({
      sku: 'COP-000007',
      name: 'Açúcar em sachê',
      category: 'Copa e cozinha',
      price: 3990,
      promotion: { label: 'Acabou', discountBp: 1000, from: isoDayFromToday(-20), to: isoDayFromToday(-1) },
    }),
  ]);

/** The product links of the list (the table is looked up afresh: it is replaced by a message when nothing matches). */
const productNames = () =>
  within(screen.getByRole('table', { name: 'Catálogo' }))
    .getAllByRole('link')
    .map((l) => l.textContent);

describe('catalogue list', () => {
  it('lists every product by name with SKU, unit, list price in BRL, availability and today’s promotions', async () => {
    await seed();
    renderWithApp(<CataloguePage />, { db, path: '/catalogue' });
    await screen.findByRole('table', { name: 'Catálogo' });
    await waitFor(() => expect(productNames()).toHaveLength(7));
    expect(productNames()).toEqual([
      'Açúcar em sachê',
      'Cabo HDMI 2 m',
      'Café torrado e moído 500 g',
      'Caneta esferográfica azul',
      'Mouse óptico USB',
      'Papel sulfite A4 — Chamex',
      'Teclado ABNT2',
    ]);
    expect(screen.getByText('7 produtos')).toBeVisible();
    const mouse = screen.getByRole('link', { name: 'Mouse óptico USB' }).closest('[role="row"]') as HTMLElement;
    expect(within(mouse).getByText('INF-000003')).toBeVisible();
    expect(within(mouse).getByText('R$ 34,90')).toBeVisible();
    expect(within(mouse).getByText('Estoque baixo')).toBeVisible();
    const coffee = screen.getByRole('link', { name: 'Café torrado e moído 500 g' }).closest('[role="row"]') as HTMLElement;
    expect(within(coffee).getByText('Promoção −15%')).toBeVisible();
    expect(within(coffee).getByText('pct')).toBeVisible();
    // A promotion that ended yesterday is not shown.
    const sugar = screen.getByRole('link', { name: 'Açúcar em sachê' }).closest('[role="row"]') as HTMLElement;
    expect(within(sugar).queryByText(/Promoção/)).toBeNull();
  });

  it('browses by category from the side panel, with counts from the data', async () => {
    await seed();
    const user = userEvent.setup();
    renderWithApp(<CataloguePage />, { db, path: '/catalogue' });
    const panel = await screen.findByRole('navigation', { name: 'Categorias' });
    await waitFor(() =>
      expect(
        within(panel)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Todas as categorias7', 'Copa e cozinha2', 'Informática3', 'Papelaria2']),
    );
    await user.click(within(panel).getByRole('button', { name: /Informática/ }));
    await waitFor(() => expect(productNames()).toEqual(['Cabo HDMI 2 m', 'Mouse óptico USB', 'Teclado ABNT2']));
    expect(screen.getByText('3 produtos')).toBeVisible();
    expect(within(panel).getByRole('button', { name: /Informática/ })).toHaveAttribute('aria-current', 'true');

    // A name search stays inside the category.
    await user.type(screen.getByLabelText('Buscar no catálogo'), 'te');
    await waitFor(() => expect(productNames()).toEqual(['Teclado ABNT2']));
  });

  it('finds products by SKU prefix and by the start of the name, accents and case ignored', async () => {
    await seed();
    const user = userEvent.setup();
    renderWithApp(<CataloguePage />, { db, path: '/catalogue' });
    await screen.findByRole('table', { name: 'Catálogo' });
    const search = screen.getByLabelText('Buscar no catálogo');

    await user.type(search, 'inf-00000');
    await waitFor(() => expect(productNames()).toEqual(['Mouse óptico USB', 'Teclado ABNT2', 'Cabo HDMI 2 m']));
    expect(screen.getByRole('radio', { name: 'SKU (3)' })).toBeChecked();

    await user.clear(search);
    await user.type(search, 'CAFE');
    await waitFor(() => expect(productNames()).toEqual(['Café torrado e moído 500 g']));
    expect(screen.getByRole('radio', { name: 'Nome (1)' })).toBeChecked();

    // "pap" starts a name ("Papel…") and SKUs (PAP-…): names first, SKUs one click away.
    await user.clear(search);
    await user.type(search, 'pap');
    await waitFor(() => expect(productNames()).toEqual(['Papel sulfite A4 — Chamex']));
    await user.click(screen.getByRole('radio', { name: 'SKU (2)' }));
    await waitFor(() => expect(productNames()).toEqual(['Papel sulfite A4 — Chamex', 'Caneta esferográfica azul']));

    await user.clear(search);
    await user.type(search, 'xyz');
    expect(await screen.findByText('Nenhum produto encontrado.')).toBeVisible();
  });

  it('says where products come from when the catalogue is empty', async () => {
    renderWithApp(<CataloguePage />, { db, path: '/catalogue' });
    expect(await screen.findByRole('heading', { name: 'O catálogo está vazio' })).toBeVisible();
  });
});
