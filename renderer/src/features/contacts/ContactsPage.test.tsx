import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { ContactsPage } from './ContactsPage';
import { useContactsListStore } from './store';
import { accountDoc, contactDoc } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts'] });
  useContactsListStore.setState({ text: '', accountId: '', role: '' });
});
afterEach(async () => {
  await db.close();
});

const names = () =>
  within(screen.getByRole('table', { name: 'Contatos' }))
    .queryAllByRole('link')
    .map((a) => a.textContent);

describe('contacts list', () => {
  it('lists contacts by name with their account, phone, e-mail and channel, and filters by name, e-mail, phone digits and role', async () => {
    const acme = accountDoc({ name: 'Acme Indústria Ltda', tradeName: 'Acme' });
    const beta = accountDoc({ name: 'Beta Comércio' });
    await db.accounts.bulkInsert([acme, beta]);
    await db.contacts.bulkInsert([
      contactDoc({
        firstName: 'Joana',
        lastName: 'Prado',
        role: 'Compradora',
        accountId: acme.id,
        phones: [{ label: 'mobile', number: '+55 11 98765 4321' }],
        emails: [{ label: 'work', address: 'joana@acme.com.br' }],
        preferredChannel: 'whatsapp',
      }),
      contactDoc({
        firstName: 'Álvaro',
        lastName: 'Lima',
        role: 'Diretor financeiro',
        accountId: beta.id,
        emails: [{ label: 'work', address: 'alvaro@beta.com.br' }],
        preferredChannel: 'email',
      }),
      contactDoc({
        firstName: 'Carla',
        lastName: 'Dias',
        role: 'Compradora sênior',
        accountId: beta.id,
        phones: [{ label: 'work', number: '+55 21 3456 7890' }],
      }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<ContactsPage />, { db, path: '/contacts' });

    await waitFor(() => expect(names()).toEqual(['Álvaro Lima', 'Carla Dias', 'Joana Prado']));
    const joana = screen.getByRole('link', { name: 'Joana Prado' }).closest('[role=row]') as HTMLElement;
    expect(within(joana).getByText('Acme')).toBeVisible();
    expect(within(joana).getByText('(11) 98765-4321')).toBeVisible();
    expect(within(joana).getByText('joana@acme.com.br')).toBeVisible();
    expect(within(joana).getByText('WhatsApp')).toBeVisible();
    expect(await screen.findByText('3 contatos')).toBeVisible();

    const filter = screen.getByLabelText('Filtrar contatos');
    await user.type(filter, 'alvaro');
    await waitFor(() => expect(names()).toEqual(['Álvaro Lima']));
    await user.clear(filter);
    await user.type(filter, 'joana@acme');
    await waitFor(() => expect(names()).toEqual(['Joana Prado']));
    await user.clear(filter);
    await user.type(filter, '3456-7890');
    await waitFor(() => expect(names()).toEqual(['Carla Dias']));
    await user.clear(filter);
    await user.type(filter, 'ninguem');
    expect(await screen.findByText('Nenhum contato corresponde ao filtro.')).toBeVisible();
    await user.clear(filter);

    await user.type(screen.getByLabelText('Cargo'), 'compradora');
    await waitFor(() => expect(names()).toEqual(['Carla Dias', 'Joana Prado']));
  });

  it('filters by account through the account picker', async () => {
    const acme = accountDoc({ name: 'Acme Indústria Ltda', tradeName: 'Acme' });
    const beta = accountDoc({ name: 'Beta Comércio' });
    await db.accounts.bulkInsert([acme, beta]);
    await db.contacts.bulkInsert([
      contactDoc({ firstName: 'Joana', lastName: 'Prado', accountId: acme.id }),
      contactDoc({ firstName: 'Carla', lastName: 'Dias', accountId: beta.id }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<ContactsPage />, { db, path: '/contacts' });
    await waitFor(() => expect(names()).toEqual(['Carla Dias', 'Joana Prado']));
    const picker = screen.getByRole('combobox', { name: 'Conta' });
    await user.click(picker);
    await user.type(picker, 'bet');
    // jsdom never finishes Mantine's dropdown transition, so the option counts as hidden (as in the accounts tests).
    await user.click(await screen.findByRole('option', { name: 'Beta Comércio', hidden: true }));
    await waitFor(() => expect(names()).toEqual(['Carla Dias']));
    expect(screen.getByRole('link', { name: 'Novo contato' })).toHaveAttribute('href', `#/contacts/new?accountId=${beta.id}`);
  });

  it('reads a large list a page at a time and shows contacts added later in place', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => contactDoc({ firstName: `Pessoa ${String(i).padStart(4, '0')}`, lastName: 'Teste' }));
    await db.contacts.bulkInsert(many);
    renderWithApp(<ContactsPage />, { db, path: '/contacts' });
    await waitFor(() => expect(names()[0]).toBe('Pessoa 0000 Teste'));
    expect(await screen.findByText('1500 contatos')).toBeVisible();
    // Only what the view asked for was read, not the whole collection.
    const table = screen.getByRole('table', { name: 'Contatos' });
    expect(table).toHaveAttribute('aria-rowcount', '-1');

    await db.contacts.insert(contactDoc({ firstName: 'Aaron', lastName: 'Antes' }));
    await waitFor(() => expect(names()[0]).toBe('Aaron Antes'));
  });
});
