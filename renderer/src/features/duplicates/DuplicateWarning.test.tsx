import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { AccountEditPage } from '../accounts/AccountEditPage';
import { testAccount } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
});
afterEach(async () => {
  await db.close();
});

async function insert(id: string, over: Partial<Account>) {
  await db.accounts.insert(testAccount(id, over));
}

describe('duplicate warning in the account editor', () => {
  it('typing a CNPJ that exists shows the warning with the reason, and saving still works', async () => {
    await insert('acc-1', {
      name: 'Distribuidora Paulista de Papéis Ltda',
      tradeName: 'Papéis Paulista',
      taxId: '11.222.333/0001-81',
      taxIdDigits: '11222333000181',
      city: 'São Paulo',
      state: 'SP',
    });
    await insert('acc-2', { name: 'Outra Empresa Qualquer', taxId: '45.723.174/0001-10', taxIdDigits: '45723174000110' });
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Comercial Nova');
    expect(screen.queryByRole('region', { name: 'Possíveis duplicados' })).toBeNull();

    await user.type(screen.getByLabelText('Documento'), '11222333000181');
    const warning = await screen.findByRole('region', { name: 'Possíveis duplicados' }, { timeout: 3000 });
    expect(within(warning).getByText('Esta conta pode já estar cadastrada')).toBeVisible();
    expect(within(warning).getByText('Papéis Paulista')).toBeVisible();
    expect(within(warning).getByText('Mesmo documento: 11.222.333/0001-81')).toBeVisible();
    expect(within(warning).getByRole('link', { name: 'Abrir Papéis Paulista' })).toHaveAttribute('href', '/accounts/acc-1');
    // A new account has nothing to merge with yet: only "Abrir".
    expect(within(warning).queryByRole('link', { name: /Mesclar/ })).toBeNull();
    expect(within(warning).queryByText('Outra Empresa Qualquer')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(async () => expect(await db.accounts.count().exec()).toBe(3));
  });

  it('warns about the same phone and a similar name, and offers to merge while editing', async () => {
    await insert('acc-1', { name: 'Ferragens Silva Ltda', phones: [{ label: 'work', number: '+55 11 3333 4444' }] });
    await insert('acc-2', { name: 'Ferragens Silva ME', taxId: '11.222.333/0001-81', taxIdDigits: '11222333000181' });
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage id="acc-2" />, { db, path: '/accounts/acc-2/edit' });
    const phone = await screen.findByLabelText('Telefone');
    await user.type(phone, '(11) 3333-4444');
    const warning = await screen.findByRole('region', { name: 'Possíveis duplicados' }, { timeout: 3000 });
    await waitFor(() => expect(within(warning).getByText('Mesmo telefone: +55 11 3333 4444')).toBeVisible());
    expect(within(warning).getByText('Nome parecido: Ferragens Silva Ltda')).toBeVisible();
    // The account being edited is never its own duplicate.
    expect(
      within(warning)
        .getAllByRole('listitem')
        .filter((li) => li.textContent?.includes('Ferragens Silva ME')),
    ).toHaveLength(0);
    expect(within(warning).getByRole('link', { name: 'Mesclar Ferragens Silva Ltda com esta conta' })).toHaveAttribute('href', '/accounts/acc-2/merge/acc-1');
  });

  it('ignores a shared free-mail domain but reports a shared company domain', async () => {
    await insert('acc-1', { name: 'Alfa Comércio', emails: [{ label: 'work', address: 'dono@gmail.com' }] });
    await insert('acc-2', { name: 'Beta Indústria', emails: [{ label: 'work', address: 'compras@beta.com.br' }] });
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Zeta');
    await user.type(screen.getByLabelText('E-mail'), 'outro@gmail.com');
    await new Promise((r) => setTimeout(r, 700));
    expect(screen.queryByRole('region', { name: 'Possíveis duplicados' })).toBeNull();
    await user.clear(screen.getByLabelText('E-mail'));
    await user.type(screen.getByLabelText('E-mail'), 'vendas@beta.com.br');
    const warning = await screen.findByRole('region', { name: 'Possíveis duplicados' }, { timeout: 3000 });
    expect(within(warning).getByText('E-mail do mesmo domínio: beta.com.br')).toBeVisible();
  });
});
