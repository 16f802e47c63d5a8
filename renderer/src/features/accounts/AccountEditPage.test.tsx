import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { AccountEditPage } from './AccountEditPage';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.close();
});

describe('account editor', () => {
  it('shows translated errors for a bad CNPJ, e-mail and phone, keeps what was typed, saves nothing', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Ferragens Silva Ltda');
    await user.type(screen.getByLabelText('Documento'), '11.222.333/0001-99');
    await user.type(screen.getByLabelText('E-mail'), 'compras@silva');
    await user.type(screen.getByLabelText('Telefone'), '1234');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    expect(await screen.findByText('CNPJ inválido: confira os dígitos verificadores.')).toBeVisible();
    expect(screen.getByText('E-mail inválido (exemplo: nome@empresa.com.br).')).toBeVisible();
    expect(screen.getByText(/Telefone inválido/)).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Nada do que você digitou foi perdido');
    expect(screen.getByLabelText(/Razão social/)).toHaveValue('Ferragens Silva Ltda');
    expect(screen.getByLabelText('Documento')).toHaveValue('11.222.333/0001-99');
    expect(screen.getByLabelText('E-mail')).toHaveValue('compras@silva');
    expect(await db.accounts.count().exec()).toBe(0);
  });

  it('requires the legal name', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.selectOptions(screen.getByLabelText('Tipo de documento'), 'none');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Preencha este campo.')).toBeVisible();
  });

  it('creates a valid account, then edits it, stamping only the changed fields', async () => {
    const user = userEvent.setup();
    const { location, unmount } = renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Ferragens Silva Ltda');
    await user.type(screen.getByLabelText('Documento'), '11222333000181');
    await user.type(screen.getByLabelText('Cidade'), 'São Paulo');
    await user.selectOptions(screen.getByLabelText('Status'), 'client');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    await waitFor(async () => expect(await db.accounts.count().exec()).toBe(1));
    const [saved] = await db.accounts.find().exec();
    expect(saved!.name).toBe('Ferragens Silva Ltda');
    expect(saved!.taxId).toBe('11.222.333/0001-81');
    expect(saved!.status).toBe('client');
    expect(saved!.updatedBy).toBe('tester');
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/accounts/${saved!.id}`));
    const created = saved!.fieldTimes.city!;
    unmount();

    const edit = renderWithApp(<AccountEditPage id={saved!.id} />, { db, path: `/accounts/${saved!.id}/edit` });
    const city = await edit.findByLabelText('Cidade');
    expect(city).toHaveValue('São Paulo');
    await user.clear(city);
    await user.type(city, 'Campinas');
    await user.click(edit.getByRole('button', { name: 'Salvar' }));
    await waitFor(async () => expect((await db.accounts.findOne(saved!.id).exec())!.city).toBe('Campinas'));
    const after = (await db.accounts.findOne(saved!.id).exec())!;
    expect(after.fieldTimes.city).toBeGreaterThanOrEqual(created);
    expect(after.fieldTimes.name).toBe(saved!.fieldTimes.name);
  });
});
