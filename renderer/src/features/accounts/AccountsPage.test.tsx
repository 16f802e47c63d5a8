import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { AccountsPage } from './AccountsPage';
import { useAccountsListStore } from './store';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
  useAccountsListStore.setState({ text: '', status: '' });
});
afterEach(async () => {
  await db.close();
});

const account = (name: string, city: string, status: 'client' | 'lead' = 'client') =>
  createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name, city, status }), 'seed');

describe('accounts list', () => {
  it('offers sample data and a new account when empty', async () => {
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    expect(await screen.findByText('Sua carteira está vazia')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Carregar dados de exemplo' })).toBeEnabled();
  });

  it('lists accounts by name and filters without accents or case', async () => {
    await db.accounts.bulkInsert([account('Zeta Comércio', 'Recife'), account('Ótica São Jorge', 'São Paulo', 'lead'), account('Alfa Ferragens', 'Curitiba')]);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(within(table).getAllByRole('link').map((l) => l.textContent)).toEqual(['Alfa Ferragens', 'Ótica São Jorge', 'Zeta Comércio']));
    expect(screen.getByText('3 contas')).toBeVisible();

    await user.type(screen.getByLabelText('Filtrar contas'), 'sao paulo');
    await waitFor(() => expect(within(table).getAllByRole('link').map((l) => l.textContent)).toEqual(['Ótica São Jorge']));
    expect(screen.getByText('1 conta')).toBeVisible();
  });

  it('shows an account created elsewhere without a reload', async () => {
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    await screen.findByText('Sua carteira está vazia');
    await db.accounts.insert(account('Nova Distribuidora', 'Natal'));
    expect(await screen.findByRole('link', { name: 'Nova Distribuidora' })).toBeVisible();
  });
});
