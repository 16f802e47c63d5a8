import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { ContactEditPage } from './ContactEditPage';
import { accountDoc, contactDoc } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts'] });
  localStorage.clear(); // drafts left by an earlier test's unsaved typing
});
afterEach(async () => {
  await db.close();
  vi.restoreAllMocks();
});

describe('contact editor', () => {
  it('shows translated errors per phone and e-mail row, keeps what was typed, saves nothing', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactEditPage />, { db, path: '/contacts/new' });
    await user.type(await screen.findByLabelText(/^Nome/), 'Joana');
    await user.type(screen.getByLabelText('Telefone 1'), '1234');
    await user.click(screen.getByRole('button', { name: 'Adicionar e-mail' }));
    await user.type(screen.getByLabelText('E-mail 1'), 'joana@acme.com.br');
    await user.type(screen.getByLabelText('E-mail 2'), 'joana@acme');
    await user.click(screen.getByLabelText('Aceita receber comunicações de marketing'));
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    expect(await screen.findByText(/Telefone inválido/)).toBeVisible();
    expect(screen.getByText('E-mail inválido (exemplo: nome@empresa.com.br).')).toBeVisible();
    expect(screen.getByText('Marketing exige uma base legal (por exemplo, consentimento).')).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Nada do que você digitou foi perdido');
    expect(screen.getByLabelText(/^Nome/)).toHaveValue('Joana');
    expect(screen.getByLabelText('Telefone 1')).toHaveValue('1234');
    expect(screen.getByLabelText('E-mail 2')).toHaveValue('joana@acme');
    expect(await db.contacts.count().exec()).toBe(0);
  });

  it('requires the first name', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactEditPage />, { db, path: '/contacts/new' });
    await user.type(await screen.findByLabelText('E-mail 1'), 'x@acme.com.br');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Preencha este campo.')).toBeVisible();
  });

  it('creates a contact for the account in the address, with numbers in its country, then edits it', async () => {
    const lisboa = accountDoc({ name: 'Lisboa Têxteis Lda', country: 'PT', ownerId: 'rita' });
    await db.accounts.insert(lisboa);
    const user = userEvent.setup();
    const { location, unmount } = renderWithApp(<ContactEditPage accountId={lisboa.id} />, { db, path: '/contacts/new' });
    await user.type(await screen.findByLabelText(/^Nome/), 'Inês');
    await user.type(screen.getByLabelText('Sobrenome'), 'Carvalho');
    await user.type(screen.getByLabelText('Cargo'), 'Diretora de compras');
    await user.type(screen.getByLabelText('Telefone 1'), '912 345 678');
    await user.click(screen.getByRole('button', { name: 'Adicionar telefone' }));
    await user.selectOptions(screen.getByLabelText('Tipo do telefone 2'), 'work');
    await user.type(screen.getByLabelText('Telefone 2'), '21 123 4567');
    await user.type(screen.getByLabelText('E-mail 1'), 'ines@lisboatexteis.pt');
    await user.selectOptions(screen.getByLabelText('Base legal'), 'consent');
    await user.click(screen.getByLabelText('Aceita receber comunicações de marketing'));
    await user.type(screen.getByLabelText('Origem do consentimento'), 'Feira de Lisboa');
    expect(screen.getByRole('combobox', { name: 'Conta' })).toHaveValue('Lisboa Têxteis Lda');
    // Ctrl+S saves from inside a field.
    fireEvent.keyDown(screen.getByLabelText('Cargo'), { key: 's', code: 'KeyS', ctrlKey: true });

    await waitFor(async () => expect(await db.contacts.count().exec()).toBe(1));
    const [saved] = await db.contacts.find().exec();
    expect(saved!.accountId).toBe(lisboa.id);
    expect(saved!.ownerId).toBe('rita');
    expect(saved!.phones).toEqual([
      { label: 'mobile', number: '+351 912 345 678' },
      { label: 'work', number: '+351 21 123 4567' },
    ]);
    expect(saved!.emailKey).toBe('ines@lisboatexteis.pt');
    expect(saved!.consent).toMatchObject({ basis: 'consent', marketing: true, source: 'Feira de Lisboa' });
    expect(saved!.consent.at).toBeGreaterThan(0);
    expect(saved!.nameSort).toBe('ines carvalho');
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/contacts/${saved!.id}`));
    unmount();

    const edit = renderWithApp(<ContactEditPage id={saved!.id} />, { db, path: `/contacts/${saved!.id}/edit` });
    const role = await edit.findByLabelText('Cargo');
    expect(role).toHaveValue('Diretora de compras');
    await user.clear(role);
    await user.type(role, 'Administradora');
    await user.click(edit.getByRole('button', { name: 'Remover telefone 2' }));
    await user.click(edit.getByRole('button', { name: 'Salvar' }));
    await waitFor(async () => expect((await db.contacts.findOne(saved!.id).exec())!.role).toBe('Administradora'));
    const after = (await db.contacts.findOne(saved!.id).exec())!;
    expect(after.phones).toEqual([{ label: 'mobile', number: '+351 912 345 678' }]);
    expect(after.consent).toEqual(saved!.consent);
    expect(after.fieldTimes.consent).toBe(saved!.fieldTimes.consent);
  });

  it('asks before leaving with unsaved changes and stays when told to', async () => {
    const contact = contactDoc({ firstName: 'Rui', emails: [{ label: 'work', address: 'rui@x.com.br' }], preferredChannel: 'email' });
    await db.contacts.insert(contact);
    const user = userEvent.setup();
    const { location } = renderWithApp(<ContactEditPage id={contact.id} />, { db, path: `/contacts/${contact.id}/edit` });
    await user.type(await screen.findByLabelText('Cargo'), 'Gerente');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(confirm).toHaveBeenCalledWith('Há alterações não salvas. Sair mesmo assim?');
    expect(location.history?.at(-1)).toBe(`/contacts/${contact.id}/edit`);
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(location.history?.at(-1)).toBe(`/contacts/${contact.id}`);
  });

  it('asks nothing after a save, even before the next screen replaces the form', async () => {
    const contact = contactDoc({ firstName: 'Rui', emails: [{ label: 'work', address: 'rui@x.com.br' }], preferredChannel: 'email' });
    await db.contacts.insert(contact);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const user = userEvent.setup();
    const { location } = renderWithApp(<ContactEditPage id={contact.id} />, { db, path: `/contacts/${contact.id}/edit` });
    await user.type(await screen.findByLabelText('Cargo'), 'Gerente');
    const unloadPrompts = () => {
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      return unload.defaultPrevented;
    };
    expect(unloadPrompts()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/contacts/${contact.id}`));
    expect(unloadPrompts()).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('comes back with every character typed after the window was killed', async () => {
    const user = userEvent.setup();
    const first = renderWithApp(<ContactEditPage />, { db, path: '/contacts/new' });
    await user.type(await screen.findByLabelText(/^Nome/), 'Joana');
    await user.type(screen.getByLabelText('Sobrenome'), 'Prado');
    await user.type(screen.getByLabelText('Cargo'), 'Compradora');
    await user.type(screen.getByLabelText('Departamento'), 'Suprimentos');
    await user.type(screen.getByLabelText('Telefone 1'), '(11) 98765-4321');
    await user.click(screen.getByRole('button', { name: 'Adicionar e-mail' }));
    await user.type(screen.getByLabelText('E-mail 1'), 'joana@acme.com.br');
    await user.type(screen.getByLabelText('E-mail 2'), 'joana.prado@gmail.com');
    await user.click(screen.getByLabelText(/Decisor/));
    await user.selectOptions(screen.getByLabelText('Base legal'), 'consent');
    await user.type(screen.getByLabelText('Origem do consentimento'), 'Feira Fenatran');
    first.unmount(); // the window dies: no save, no unload handler

    const again = renderWithApp(<ContactEditPage />, { db, path: '/contacts/new' });
    expect(await again.findByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(again.getByLabelText(/^Nome/)).toHaveValue('Joana');
    expect(again.getByLabelText('Sobrenome')).toHaveValue('Prado');
    expect(again.getByLabelText('Cargo')).toHaveValue('Compradora');
    expect(again.getByLabelText('Departamento')).toHaveValue('Suprimentos');
    expect(again.getByLabelText('Telefone 1')).toHaveValue('(11) 98765-4321');
    expect(again.getByLabelText('E-mail 1')).toHaveValue('joana@acme.com.br');
    expect(again.getByLabelText('E-mail 2')).toHaveValue('joana.prado@gmail.com');
    expect(again.getByLabelText(/Decisor/)).toBeChecked();
    expect(again.getByLabelText('Base legal')).toHaveValue('consent');
    expect(again.getByLabelText('Origem do consentimento')).toHaveValue('Feira Fenatran');

    await user.click(again.getByRole('button', { name: 'Salvar' }));
    await waitFor(async () => expect(await db.contacts.count().exec()).toBe(1));
    const [saved] = await db.contacts.find().exec();
    expect(saved!.emails.map((e) => e.address)).toEqual(['joana@acme.com.br', 'joana.prado@gmail.com']);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.'))).toEqual([]);
  });

  it('keeps a field that changed in the database while the editor was open', async () => {
    const contact = contactDoc({
      firstName: 'Rui',
      role: 'Comprador',
      department: 'Compras',
      emails: [{ label: 'work', address: 'rui@x.com.br' }],
      preferredChannel: 'email',
    });
    await db.contacts.insert(contact);
    const user = userEvent.setup();
    const { location } = renderWithApp(<ContactEditPage id={contact.id} />, { db, path: `/contacts/${contact.id}/edit` });
    const role = await screen.findByLabelText('Cargo');
    await user.clear(role);
    await user.type(role, 'Gerente de compras');
    // A sync brings a colleague's edit of other fields while the form is open.
    await (await db.contacts.findOne(contact.id).exec())!.incrementalPatch({
      department: 'Suprimentos',
      tags: ['vip'],
      phones: [{ label: 'mobile', number: '+55 11 98765 4321' }],
      fieldTimes: { ...contact.fieldTimes, department: contact.updatedAt + 5 },
    });
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/contacts/${contact.id}`));
    const saved = (await db.contacts.findOne(contact.id).exec())!;
    expect(saved.role).toBe('Gerente de compras');
    expect(saved.department).toBe('Suprimentos');
    expect(saved.tags).toEqual(['vip']);
    expect(saved.phones).toEqual([{ label: 'mobile', number: '+55 11 98765 4321' }]);
  });
});
