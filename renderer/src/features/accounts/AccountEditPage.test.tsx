import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { AccountEditPage } from './AccountEditPage';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
  localStorage.clear(); // drafts left by an earlier test's unsaved typing
});
afterEach(async () => {
  await db.close();
  vi.restoreAllMocks();
});

/** Whether the browser would ask before closing or reloading. */
function unloadPrompts(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}
/** A hash navigation as a test (or the user typing an address) makes it; false when the guard refused it. */
function hashNavigationPasses(hash: string): boolean {
  const oldURL = window.location.href;
  window.history.pushState(null, '', hash);
  const event = new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href });
  let heard = false;
  const listener = () => (heard = true);
  window.addEventListener('hashchange', listener);
  window.dispatchEvent(event);
  window.removeEventListener('hashchange', listener);
  return heard;
}

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

  it('leaves a clean form without asking', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.click(await screen.findByRole('button', { name: 'Cancelar' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(location.history?.at(-1)).toBe('/accounts');
    expect(unloadPrompts()).toBe(false);
  });

  it('asks before leaving unsaved changes (Cancel, closing, a navigation), and nothing asks once saved', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.selectOptions(screen.getByLabelText('Tipo de documento'), 'none');
    await user.type(screen.getByLabelText(/Razão social/), 'Papelaria Central');
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(confirm).toHaveBeenCalledWith('Há alterações não salvas. Sair mesmo assim?');
    expect(location.history?.at(-1)).toBe('/accounts/new');
    expect(unloadPrompts()).toBe(true);
    expect(hashNavigationPasses('#/contacts')).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText(/Razão social/)).toHaveValue('Papelaria Central');

    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(location.history?.at(-1)).toMatch(/^\/accounts\/(?!new)/));
    // The form is still on screen here (no router switch in this test) and still differs from
    // what it opened with: a save releases it all the same.
    expect(unloadPrompts()).toBe(false);
    expect(hashNavigationPasses('#/accounts')).toBe(true);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('comes back with every character typed after the window was killed, and a draft can be discarded', async () => {
    const user = userEvent.setup();
    const first = renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Ferragens Silva Ltda');
    await user.type(screen.getByLabelText('Nome fantasia'), 'Silva Ferragens');
    await user.selectOptions(screen.getByLabelText('Tipo de documento'), 'none');
    await user.selectOptions(screen.getByLabelText('Status'), 'client');
    await user.type(screen.getByLabelText('Cidade'), 'Ribeirão Preto');
    await user.type(screen.getByLabelText('Etiquetas'), 'feira, atacado');
    await user.type(screen.getByLabelText('Desconto (%)'), '7,5');
    await user.type(screen.getByLabelText('Prazo de pagamento'), '30/60 dias');
    first.unmount(); // the window dies: no save, no unload handler

    const again = renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    expect(await again.findByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(again.getByLabelText(/Razão social/)).toHaveValue('Ferragens Silva Ltda');
    expect(again.getByLabelText('Nome fantasia')).toHaveValue('Silva Ferragens');
    expect(again.getByLabelText('Tipo de documento')).toHaveValue('none');
    expect(again.getByLabelText('Status')).toHaveValue('client');
    expect(again.getByLabelText('Cidade')).toHaveValue('Ribeirão Preto');
    expect(again.getByLabelText('Etiquetas')).toHaveValue('feira, atacado');
    expect(again.getByLabelText('Desconto (%)')).toHaveValue('7,5');
    expect(again.getByLabelText('Prazo de pagamento')).toHaveValue('30/60 dias');
    expect(unloadPrompts()).toBe(true); // restored, not saved: leaving still asks

    await user.click(again.getByRole('button', { name: 'Descartar rascunho' }));
    expect(again.queryByText('Recuperamos o que você digitou.')).not.toBeInTheDocument();
    expect(again.getByLabelText(/Razão social/)).toHaveValue('');
    again.unmount();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    expect(await screen.findByLabelText(/Razão social/)).toHaveValue('');
    expect(screen.queryByText('Recuperamos o que você digitou.')).not.toBeInTheDocument();
  });

  it("restores an edit's draft over the account as stored now, and saving writes only what the user changed", async () => {
    const account = createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Papelaria Central', city: 'Santos' }), 'seed');
    await db.accounts.insert(account);
    const user = userEvent.setup();
    const first = renderWithApp(<AccountEditPage id={account.id} />, { db, path: `/accounts/${account.id}/edit` });
    const city = await screen.findByLabelText('Cidade');
    await user.clear(city);
    await user.type(city, 'Campinas');
    first.unmount();
    // While the window was gone, a sync brought a new trade name.
    await (await db.accounts.findOne(account.id).exec())!.incrementalPatch({ tradeName: 'Central Papéis', nameSort: 'central papeis' });

    const { location } = renderWithApp(<AccountEditPage id={account.id} />, { db, path: `/accounts/${account.id}/edit` });
    expect(await screen.findByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(screen.getByLabelText('Cidade')).toHaveValue('Campinas');
    expect(screen.getByLabelText('Nome fantasia')).toHaveValue('Central Papéis');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/accounts/${account.id}`));
    const saved = (await db.accounts.findOne(account.id).exec())!;
    expect(saved.city).toBe('Campinas');
    expect(saved.tradeName).toBe('Central Papéis');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.'))).toEqual([]);
  });
});
