import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { ContactEditPage } from '../contacts/ContactEditPage';
import { ContactDuplicateWarning } from './ContactDuplicateWarning';
import { testAccount, testContact } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts'] });
  await db.accounts.insert(testAccount('acc-1', { name: 'Papéis Paulista Ltda' }));
  const ana = testContact('c-ana', 'acc-1', 'Ana', 'Souza');
  ana.emails = [{ label: 'work', address: 'ana@papeis.com.br' }];
  ana.emailKey = 'ana@papeis.com.br';
  ana.phones = [{ label: 'mobile', number: '+55 11 98765 4321' }];
  await db.contacts.insert(ana);
});
afterEach(async () => {
  await db.close();
});

describe('duplicate warning in the contact editor', () => {
  it('warns about the same e-mail at another account, then the same phone', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactEditPage beforeFields={(v) => <ContactDuplicateWarning values={v} />} />, { db, path: '/contacts/new' });
    await user.type(await screen.findByLabelText(/^Nome/), 'Joana');
    await user.type(screen.getByLabelText('E-mail 1'), 'ANA@papeis.com.br');
    const warning = await screen.findByRole('region', { name: 'Possíveis duplicados' }, { timeout: 3000 });
    expect(within(warning).getByText('Este contato pode já estar cadastrado')).toBeVisible();
    expect(within(warning).getByText('Mesmo e-mail: ana@papeis.com.br')).toBeVisible();
    expect(within(warning).getByRole('link', { name: 'Abrir Ana Souza' })).toHaveAttribute('href', '/contacts/c-ana');

    await user.type(screen.getByLabelText('Telefone 1'), '(11) 98765-4321');
    expect(await within(warning).findByText('Mesmo telefone: +55 11 98765 4321', undefined, { timeout: 3000 })).toBeVisible();
  });

  it('offers to merge a look-alike into the contact being edited', async () => {
    await db.contacts.insert(testContact('c-ana2', 'acc-1', 'Ana', 'Sousa'));
    const user = userEvent.setup();
    renderWithApp(<ContactEditPage id="c-ana" beforeFields={(v) => <ContactDuplicateWarning values={v} contactId="c-ana" />} />, {
      db,
      path: '/contacts/c-ana/edit',
    });
    await user.type(await screen.findByLabelText('Cargo', { exact: true }), 'Compradora');
    const warning = await screen.findByRole('region', { name: 'Possíveis duplicados' }, { timeout: 3000 });
    expect(within(warning).getByText('Nome parecido: Ana Sousa')).toBeVisible();
    expect(within(warning).getByRole('link', { name: 'Mesclar Ana Sousa com este contato' })).toHaveAttribute('href', '/contacts/c-ana/merge/c-ana2');
  });

  it('never warns about the contact being edited', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactEditPage id="c-ana" beforeFields={(v) => <ContactDuplicateWarning values={v} contactId="c-ana" />} />, {
      db,
      path: '/contacts/c-ana/edit',
    });
    const last = await screen.findByLabelText('Sobrenome', { exact: true });
    await user.type(last, ' ');
    await new Promise((r) => setTimeout(r, 700));
    expect(screen.queryByRole('region', { name: 'Possíveis duplicados' })).toBeNull();
  });
});
