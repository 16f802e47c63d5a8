import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Deal } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount } from '../catalogue/catalogue-fixtures';
import { NewDealButton } from './NewDealButton';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['deals', 'accounts'] });
});
afterEach(async () => {
  await db.close();
});

const deals = async () => (await db.deals.find().exec()).map((d) => d.toJSON() as Deal);

describe('"Novo negócio"', () => {
  it('refuses a deal without account or title, keeps what was typed, then creates it and opens its page', async () => {
    const account = testAccount('Papelaria Central');
    await db.accounts.insert({ ...account, ownerId: 'bruno' });
    const user = userEvent.setup();
    const { location } = renderWithApp(<NewDealButton />, { db, path: '/pipeline' });

    await user.click(screen.getByRole('button', { name: 'Novo negócio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Novo negócio' });
    await user.click(within(dialog).getByRole('button', { name: 'Criar negócio' }));
    expect(await within(dialog).findByText('Escolha a conta.')).toBeVisible();
    expect(within(dialog).getByText('O título não pode ficar vazio.')).toBeVisible();

    await user.type(within(dialog).getByRole('textbox', { name: /Título/ }), 'Papel A4 para 2027');
    await user.click(within(dialog).getByRole('button', { name: 'Criar negócio' }));
    expect(await within(dialog).findByText('Escolha a conta.')).toBeVisible();
    expect(within(dialog).getByRole('textbox', { name: /Título/ })).toHaveValue('Papel A4 para 2027');
    expect(await deals()).toHaveLength(0);

    await user.click(within(dialog).getByRole('combobox', { name: /Conta/ }));
    await user.type(within(dialog).getByRole('combobox', { name: /Conta/ }), 'Papel');
    await user.click(await screen.findByRole('option', { name: 'Papelaria Central', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Criar negócio' }));

    await waitFor(async () => expect(await deals()).toHaveLength(1));
    const [deal] = await deals();
    expect(deal).toMatchObject({ accountId: account.id, title: 'Papel A4 para 2027', stage: 'prospecting', probability: 5, ownerId: 'bruno', lines: [] });
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/pipeline/${deal!.id}`));
  });

  it("on an account's page the account is fixed, and the deal starts in the stage chosen", async () => {
    const account = testAccount('Gráfica Norte');
    await db.accounts.insert(account);
    const user = userEvent.setup();
    renderWithApp(<NewDealButton accountId={account.id} />, { db, path: `/accounts/${account.id}` });

    await user.click(screen.getByRole('button', { name: 'Novo negócio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Novo negócio' });
    expect(await within(dialog).findByText('Gráfica Norte')).toBeVisible();
    expect(within(dialog).queryByRole('combobox', { name: /Conta/ })).toBeNull();
    await user.type(within(dialog).getByRole('textbox', { name: /Título/ }), 'Catálogos da feira');
    await user.click(within(dialog).getByRole('combobox', { name: 'Etapa inicial' }));
    await user.click(await screen.findByRole('option', { name: 'Negociação', hidden: true }));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(async () => expect(await deals()).toHaveLength(1));
    expect((await deals())[0]).toMatchObject({ accountId: account.id, stage: 'negotiation', probability: 75 });
  });
});
