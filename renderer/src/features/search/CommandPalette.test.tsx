import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account } from '@shared/models';
import { generateSampleData } from '@shared/sample-data';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { useOverlaysStore } from '../../app/overlays-store';
import type { CarteiraDatabase } from '../../db/types';
import { inThreadTransport, SearchEngine } from '../../search/search-engine';
import { SearchEngineContext } from '../../search/SearchEngineContext';
import { CommandPalette } from './CommandPalette';

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

const data = generateSampleData({ size: 'S', seed: 7, now: Date.UTC(2026, 10, 1), counts: { accounts: 40, contacts: 60, products: 20, deals: 10 } });
const accounts = [...data.docs('accounts')];

let db: CarteiraDatabase;
let engine: SearchEngine;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'products', 'deals'] });
  await db.accounts.bulkInsert(accounts);
  await db.contacts.bulkInsert([...data.docs('contacts')]);
  await db.products.bulkInsert([...data.docs('products')]);
  await db.deals.bulkInsert([...data.docs('deals')]);
  engine = new SearchEngine(db, inThreadTransport(db));
  useOverlaysStore.setState({ paletteOpen: false, quickLog: null });
});
afterEach(async () => {
  engine.stop();
  await db.close();
});

function renderPalette(path = '/accounts') {
  return renderWithApp(
    <SearchEngineContext.Provider value={engine}>
      <CommandPalette />
    </SearchEngineContext.Provider>,
    { db, path },
  );
}

/** A name as someone in a hurry types it: lower-case, no accents, one letter dropped from its longest word. */
function misspelled(account: Account): string {
  const plain = account.tradeName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = plain.split(/\s+/);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const cut = Math.floor(longest.length / 2);
  return words.map((w) => (w === longest ? w.slice(0, cut) + w.slice(cut + 1) : w)).join(' ');
}

const input = () => screen.getByRole('combobox', { name: /Buscar contas/ });

describe('CommandPalette', () => {
  it('opens with Ctrl+K, also from inside a text field, and closes with Esc', async () => {
    renderPalette();
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(await screen.findByRole('dialog', { name: 'Busca e comandos' })).toBeInTheDocument();
    await waitFor(() => expect(input()).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    field.remove();
  });

  it('finds an account typed without accents and with a typo; arrows and Enter open the chosen result', async () => {
    const { location } = renderPalette();
    act(() => useOverlaysStore.getState().openPalette());
    await waitFor(() => expect(engine.getStatus().ready).toBe(true));
    const target = accounts.find((a) => a.tradeName.split(' ').some((w) => w.length >= 6))!;
    await userEvent.type(input(), misspelled(target));
    const listbox = screen.getByRole('listbox');
    const option = await within(listbox).findByRole('option', { name: new RegExp('^' + target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    const options = within(listbox).getAllByRole('option');
    const index = options.indexOf(option);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(input()).toHaveAttribute('aria-activedescendant', options[0]!.id);
    for (let i = 0; i < index; i++) await userEvent.keyboard('{ArrowDown}');
    expect(input()).toHaveAttribute('aria-activedescendant', option.id);
    await userEvent.keyboard('{Enter}');
    expect(location.history.at(-1)).toBe(`/accounts/${target.id}`);
    expect(useOverlaysStore.getState().paletteOpen).toBe(false);
  });

  it('finds a contact by phone typed in another format and shows their account', async () => {
    renderPalette();
    act(() => useOverlaysStore.getState().openPalette());
    await waitFor(() => expect(engine.getStatus().ready).toBe(true));
    const contact = [...data.docs('contacts')].find((c) => c.phones.length > 0 && c.accountId)!;
    const digits = contact.phones[0]!.number.replace(/\D/g, '').replace(/^55/, '');
    const account = accounts.find((a) => a.id === contact.accountId)!;
    await userEvent.type(input(), `(${digits.slice(0, 2)}) ${digits.slice(2, 7)}-${digits.slice(7)}`);
    const option = await within(screen.getByRole('listbox')).findByRole('option', { name: new RegExp(`${contact.firstName}.*${contact.lastName}`) });
    expect(option).toHaveTextContent(account.name);
    expect(option).toHaveTextContent('Contato');
  });

  it('runs commands: Nova conta navigates, Registrar ligação opens the quick log for the current account', async () => {
    const { location } = renderPalette('/accounts/acc-1');
    act(() => useOverlaysStore.getState().openPalette());
    expect(within(screen.getByRole('listbox')).getByRole('option', { name: /Nova conta/ })).toBeInTheDocument();
    await userEvent.type(input(), 'registrar lig');
    const first = within(screen.getByRole('listbox')).getAllByRole('option')[0]!;
    expect(first).toHaveTextContent('Registrar ligação');
    await userEvent.keyboard('{Enter}');
    expect(useOverlaysStore.getState().quickLog).toEqual({ type: 'call', accountId: 'acc-1' });

    act(() => useOverlaysStore.getState().openPalette());
    await userEvent.type(input(), 'nova conta');
    await userEvent.keyboard('{Enter}');
    expect(location.history.at(-1)).toBe('/accounts/new');

    act(() => useOverlaysStore.getState().openPalette());
    await userEvent.type(input(), 'funil');
    await userEvent.keyboard('{Enter}');
    expect(location.history.at(-1)).toBe('/pipeline');
  });

  it('keeps up with the database: a new account is found, a removed one no longer is', async () => {
    renderPalette();
    act(() => useOverlaysStore.getState().openPalette());
    await waitFor(() => expect(engine.getStatus().ready).toBe(true));
    const doc = { ...accounts[0]!, id: 'acc-new', name: 'Quixadá Ferragens Ltda.', tradeName: 'Quixadá Ferragens', nameSort: 'quixada ferragens ltda.' };
    await db.accounts.insert(doc);
    await userEvent.type(input(), 'quixada');
    expect(await within(screen.getByRole('listbox')).findByRole('option', { name: /Quixadá Ferragens Ltda/ })).toBeInTheDocument();
    await (await db.accounts.findOne('acc-new').exec())!.remove();
    await userEvent.clear(input());
    await userEvent.type(input(), 'quixada');
    await waitFor(() => expect(within(screen.getByRole('listbox')).queryByRole('option', { name: /Quixadá/ })).not.toBeInTheDocument(), { timeout: 3000 });
    expect(screen.getByRole('status')).toHaveTextContent('Nada encontrado para “quixada”.');
  });
});
