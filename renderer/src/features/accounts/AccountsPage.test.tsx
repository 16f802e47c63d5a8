import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { Account } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { DEFAULT_ACCOUNT_SORT } from '@shared/domain/account-rows';
import { accountFieldsFromForm, emptyAccountForm, type AccountFormValues } from '@shared/domain/account-form';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import type { ExportFile } from '../../platform/external';
import { AccountsPage } from './AccountsPage';
import { EMPTY_FILTERS, useAccountSelectionStore, useAccountsListStore, useSavedViewsStore } from './store';

// jsdom lays nothing out; Mantine's comboboxes scroll the active option into view.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

const saved: ExportFile[] = [];
vi.mock('../../platform/external', () => ({
  saveExportFile: vi.fn(async (file: ExportFile) => {
    saved.push(file);
    return true;
  }),
}));

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts'] });
  useAccountsListStore.setState({ text: '', filters: EMPTY_FILTERS, sort: DEFAULT_ACCOUNT_SORT });
  useAccountSelectionStore.getState().clear();
  useSavedViewsStore.setState({ views: [] });
  localStorage.clear();
  saved.length = 0;
});
afterEach(async () => {
  await db.close();
});

const account = (name: string, city: string, status: Account['status'] = 'client', extra: Partial<AccountFormValues> = {}) =>
  createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name, city, status, ...extra }), 'seed');

const linkNames = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('link')
    .map((l) => l.textContent);

async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(await screen.findByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
  await user.keyboard('{Escape}');
}

describe('accounts list', { timeout: 60_000 }, () => {
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
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Ferragens', 'Ótica São Jorge', 'Zeta Comércio']));
    expect(screen.getByText('3 contas')).toBeVisible();

    await user.type(await screen.findByLabelText('Filtrar contas'), 'sao paulo');
    await waitFor(() => expect(linkNames(table)).toEqual(['Ótica São Jorge']));
    expect(screen.getByText('1 conta')).toBeVisible();
  });

  it('moves through the rows with the arrow keys and opens the active one with Enter; a tick box keeps its own keys', async () => {
    const [alfa, beta] = [account('Alfa Ferragens', 'Curitiba'), account('Beta Tintas', 'Recife')];
    await db.accounts.bulkInsert([beta, alfa]);
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Ferragens', 'Beta Tintas']));
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1]);

    const box = screen.getByRole('checkbox', { name: 'Selecionar Alfa Ferragens' });
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(location.history?.at(-1)).toBe('/accounts');

    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(rows()[1]).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(location.history?.at(-1)).toBe(`/accounts/${beta.id}`);
  });

  it('shows an account created elsewhere without a reload', async () => {
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    await screen.findByText('Sua carteira está vazia');
    await db.accounts.insert(account('Nova Distribuidora', 'Natal'));
    expect(await screen.findByRole('link', { name: 'Nova Distribuidora' })).toBeVisible();
  });

  it('filters by status, segment and source with translated options, and sorts by city', async () => {
    await db.accounts.bulkInsert([
      account('Alfa Varejo', 'Recife', 'client', { segment: 'retail', source: 'fair' }),
      account('Beta Indústria', 'Curitiba', 'client', { segment: 'enterprise', source: 'referral' }),
      account('Gama Varejo', 'Aracaju', 'lead', { segment: 'retail', source: 'fair' }),
      account('Delta Varejo', 'Belém', 'client', { segment: 'retail', source: 'website' }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(linkNames(table)).toHaveLength(4));

    await pick(user, 'Status', 'Cliente');
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Varejo', 'Beta Indústria', 'Delta Varejo']));
    await pick(user, 'Segmento', 'Varejo');
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Varejo', 'Delta Varejo']));
    await pick(user, 'Origem', 'Feira');
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Varejo']));
    expect(screen.getByText('1 conta')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Limpar filtros' }));
    await waitFor(() => expect(linkNames(table)).toHaveLength(4));
    await user.click(await screen.findByRole('combobox', { name: 'Ordenar por' }));
    await user.click(await screen.findByRole('option', { name: 'Cidade (A–Z)', hidden: true }));
    await waitFor(() => expect(linkNames(table)).toEqual(['Gama Varejo', 'Delta Varejo', 'Beta Indústria', 'Alfa Varejo']));
  });

  it('saves the current filters as a view, re-applies it later, keeps it in localStorage and deletes it', async () => {
    await db.accounts.bulkInsert([account('Alfa', 'Recife', 'key'), account('Beta', 'Natal', 'lead'), account('Gama', 'Natal', 'key')]);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(linkNames(table)).toHaveLength(3));
    await pick(user, 'Status', 'Conta-chave');
    await user.type(await screen.findByLabelText('Filtrar contas'), 'natal');
    await waitFor(() => expect(linkNames(table)).toEqual(['Gama']));

    await user.click(screen.getByRole('button', { name: 'Visões salvas' }));
    await user.type(await screen.findByLabelText('Nome da nova visão'), 'Chave em Natal');
    await user.click(screen.getByRole('button', { name: 'Salvar visão atual', hidden: true }));
    expect(await screen.findByText('Visão “Chave em Natal” salva.')).toBeInTheDocument();
    expect(localStorage.getItem('carteira:accounts:saved-views')).toContain('Chave em Natal');

    await user.click(screen.getByRole('button', { name: 'Limpar filtros' }));
    await waitFor(() => expect(linkNames(table)).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Visões salvas' }));
    await user.click(await screen.findByRole('button', { name: 'Aplicar visão Chave em Natal', hidden: true }));
    await waitFor(() => expect(linkNames(table)).toEqual(['Gama']));
    expect(screen.getByLabelText('Filtrar contas')).toHaveValue('natal');

    await user.click(screen.getByRole('button', { name: 'Visões salvas' }));
    await user.click(await screen.findByRole('button', { name: 'Excluir visão Chave em Natal', hidden: true }));
    expect(await screen.findByText('Nenhuma visão salva ainda.')).toBeInTheDocument();
    expect(localStorage.getItem('carteira:accounts:saved-views')).not.toContain('Chave em Natal');
  });

  it('selects a shift-click range, adds a tag to exactly those accounts and changes their owner', async () => {
    const docs = ['Alfa', 'Beta', 'Gama', 'Delta', 'Épsilon'].map((n) => account(n, 'Natal'));
    await db.accounts.bulkInsert(docs);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa', 'Beta', 'Delta', 'Épsilon', 'Gama']));

    await user.click(screen.getByRole('checkbox', { name: 'Selecionar Beta' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Selecionar Épsilon' }), { shiftKey: true });
    const bar = await screen.findByRole('toolbar', { name: 'Ações em lote' });
    expect(within(bar).getByText('3 contas selecionadas')).toBeVisible();

    await user.click(within(bar).getByRole('button', { name: 'Adicionar etiqueta' }));
    await user.type(await screen.findByLabelText('Etiqueta a adicionar'), 'feira-2026');
    await user.click(await screen.findByRole('button', { name: 'Aplicar', hidden: true }));
    expect(await screen.findByText('Etiqueta “feira-2026” adicionada a 3 contas.')).toBeVisible();
    const tagged = (await db.accounts.find().exec())
      .filter((d) => d.tags.includes('feira-2026'))
      .map((d) => d.name)
      .sort();
    expect(tagged).toEqual(['Beta', 'Delta', 'Épsilon']);
    const beta = (await db.accounts.findOne(docs[1]!.id).exec())!;
    expect(beta.updatedBy).toBe('tester');
    expect(beta.fieldTimes.tags).toBeGreaterThan(docs[1]!.fieldTimes.tags!);

    await user.click(within(bar).getByRole('button', { name: 'Alterar responsável' }));
    const ownerInput = (await screen.findAllByLabelText('Novo responsável')).find((el) => el.tagName === 'INPUT')!;
    await user.type(ownerInput, 'carla.mendes');
    await user.click(await screen.findByRole('button', { name: 'Aplicar', hidden: true }));
    expect(await screen.findByText('Responsável alterado em 3 contas.')).toBeVisible();
    const owners = (await db.accounts.find().exec()).map((d) => [d.name, d.ownerId]).sort();
    expect(owners.filter(([, o]) => o === 'carla.mendes').map(([n]) => n)).toEqual(['Beta', 'Delta', 'Épsilon']);
    expect(owners.filter(([, o]) => o !== 'carla.mendes').map(([n]) => n)).toEqual(['Alfa', 'Gama']);
  });

  it('selects every filtered account and exports them as CSV and XLSX that parse back', async () => {
    await db.accounts.bulkInsert([
      account('Alfa Ferragens', 'Recife', 'client', { tags: 'vip, feira' }),
      account('Beta Papéis', 'Natal', 'lead'),
      account('Gama Óticas', 'Recife', 'key', { taxIdKind: 'cnpj', taxId: '11.222.333/0001-81' }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, { db, path: '/accounts' });
    const table = await screen.findByRole('table', { name: 'Contas' });
    await waitFor(() => expect(linkNames(table)).toHaveLength(3));
    await user.type(await screen.findByLabelText('Filtrar contas'), 'recife');
    await waitFor(() => expect(linkNames(table)).toEqual(['Alfa Ferragens', 'Gama Óticas']));
    await user.click(screen.getByRole('checkbox', { name: 'Selecionar todas as contas filtradas' }));
    const bar = await screen.findByRole('toolbar', { name: 'Ações em lote' });
    expect(within(bar).getByText('2 contas selecionadas')).toBeVisible();

    await user.click(within(bar).getByRole('button', { name: 'Exportar CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.fileName).toMatch(/^contas-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Papa.parse<Record<string, string>>((saved[0]!.content as string).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(csv.data.map((r) => [r['Razão social'], r['Cidade'], r['Status'], r['Etiquetas']])).toEqual([
      ['Alfa Ferragens', 'Recife', 'Cliente', 'vip, feira'],
      ['Gama Óticas', 'Recife', 'Conta-chave', ''],
    ]);
    expect(csv.data[1]!['Documento']).toBe('11.222.333/0001-81');

    await user.click(within(bar).getByRole('button', { name: 'Exportar XLSX' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.fileName).toMatch(/\.xlsx$/);
    const sheet = await readXlsxFile(Buffer.from(saved[1]!.content as Uint8Array));
    const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['Razão social', 'Nome fantasia', 'Documento', 'Status']);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['Alfa Ferragens', 'Cliente'],
      ['Gama Óticas', 'Conta-chave'],
    ]);
    expect(await screen.findByText(/Arquivo contas-.*\.xlsx salvo\./)).toBeVisible();
  });
});
