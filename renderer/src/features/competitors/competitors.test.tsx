import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Competitor, Deal } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { readCsv } from '@shared/files/csv-read';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import type { ExportFile } from '../../platform/external';
import { testAccount, testProduct } from '../catalogue/catalogue-fixtures';
import { blankCompetitor } from './new-competitor';
import { CompetitorsPage } from './CompetitorsPage';
import { CompetitorPage } from './CompetitorPage';
import { CompetitorReportPage } from './CompetitorReportPage';

const saved: ExportFile[] = [];
vi.mock('../../platform/external', () => ({
  saveExportFile: vi.fn(async (file: ExportFile) => {
    saved.push(file);
    return true;
  }),
}));

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  saved.length = 0;
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'deals', 'competitors', 'products'] });
});
afterEach(async () => {
  await db.close();
});

const competitor = (name: string, fields: Partial<Competitor> = {}): Competitor => createDoc<Competitor>({ ...blankCompetitor(name), ...fields }, 'seed');

function deal(account: Account, competitorId: string, stage: string, amount: number, fields: Partial<Deal> = {}): Deal {
  return createDoc<Deal>(
    {
      accountId: account.id,
      title: `Negócio ${stage} ${amount}`,
      stage,
      lines: [],
      value: { amount, currency: 'BRL' },
      probability: 50,
      expectedClose: '2026-12-20',
      lostReason: '',
      competitorId,
      contactIds: [],
      ownerId: 'ana',
      notes: [],
      closedAt: stage === 'won' || stage === 'lost' ? '2026-11-10' : '',
      ...fields,
    },
    'seed',
  );
}

const storedCompetitor = async (id: string) => (await db.competitors.findOne(id).exec())!.toJSON() as Competitor;

/** Two competitors, an account and deals: Ômega beat us twice (once for price), lost once, one still open. */
async function seed() {
  const account = testAccount('Padaria Pão Quente');
  const omega = competitor('Distribuidora Ômega', { pricePositioning: 'lower' });
  const beta = competitor('Beta Suprimentos', { pricePositioning: 'premium' });
  await db.accounts.insert(account);
  await db.competitors.bulkInsert([omega, beta]);
  await db.deals.bulkInsert([
    deal(account, omega.id, 'lost', 1_234_56, { title: 'Luvas nitrílicas', lostReason: 'Preço mais baixo', closedAt: '2026-11-12' }),
    deal(account, omega.id, 'lost', 10_00, { title: 'Papel toalha', lostReason: 'preço  mais baixo', closedAt: '2026-03-02' }),
    deal(account, omega.id, 'won', 500_00, { closedAt: '2026-11-20' }),
    deal(account, omega.id, 'negotiation', 77_00, { title: 'Sabonete líquido' }),
    deal(account, beta.id, 'won', 300_00, { closedAt: '2025-06-01' }),
    deal(account, '', 'lost', 999_00),
  ]);
  return { account, omega, beta };
}

describe('the competitors list', () => {
  it('shows each competitor with its price positioning, open deals, deals lost to it and our win rate', async () => {
    await seed();
    renderWithApp(<CompetitorsPage />, { db, path: '/competitors' });
    const table = await screen.findByRole('table', { name: 'Concorrentes' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const omega = within(table).getByRole('row', { name: /Distribuidora Ômega/ });
    expect(omega).toHaveTextContent('Abaixo');
    expect(omega).toHaveTextContent(/2 · R\$\s1\.244,56/);
    expect(omega).toHaveTextContent('33,33%');
    const beta = within(table).getByRole('row', { name: /Beta Suprimentos/ });
    expect(beta).toHaveTextContent('Premium');
    expect(beta).toHaveTextContent('100%');

    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: /Perdidos para ele/ }));
    await user.click(within(table).getByRole('button', { name: /Perdidos para ele/ }));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Distribuidora Ômega'));
    await user.click(within(table).getByRole('button', { name: /Taxa de vitória/ }));
    await user.click(within(table).getByRole('button', { name: /Taxa de vitória/ }));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Beta Suprimentos'));
  });

  it('refuses a name another competitor has, accents and case ignored, and keeps what was typed', async () => {
    await seed();
    const user = userEvent.setup();
    const { location } = renderWithApp(<CompetitorsPage />, { db, path: '/competitors' });
    await screen.findByRole('table', { name: 'Concorrentes' });
    const name = screen.getByRole('textbox', { name: 'Nome do novo concorrente' });
    await user.type(name, 'distribuidora  OMEGA');
    await user.click(screen.getByRole('button', { name: 'Novo concorrente' }));
    expect(await screen.findByText('Já existe um concorrente com este nome.')).toBeInTheDocument();
    expect(name).toHaveValue('distribuidora  OMEGA');
    expect(await db.competitors.count().exec()).toBe(2);

    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Novo concorrente' }));
    expect(await screen.findByText('Dê um nome ao concorrente.')).toBeInTheDocument();

    await user.type(name, 'Gama Atacado');
    await user.click(screen.getByRole('button', { name: 'Novo concorrente' }));
    await waitFor(() => expect(location.history.at(-1)).toMatch(/^\/competitors\/.+/));
    const created = (await db.competitors.find().exec()).map((d) => d.toJSON()).find((c) => c.name === 'Gama Atacado');
    expect(created?.nameSort).toBe('gama atacado');
  });
});

describe('a competitor page', () => {
  it('saves SWOT items added, edited and removed', async () => {
    const omega = competitor('Distribuidora Ômega', { strengths: ['Entrega em 24 h'], threats: ['Preço agressivo', 'Vendedor novo na região'] });
    await db.competitors.insert(omega);
    const user = userEvent.setup();
    renderWithApp(<CompetitorPage id={omega.id} />, { db, path: `/competitors/${omega.id}` });
    await screen.findByRole('heading', { name: 'Distribuidora Ômega', level: 2 });

    const strengths = screen.getByRole('group', { name: 'Forças' });
    await user.click(within(strengths).getByRole('button', { name: 'Adicionar a Forças' }));
    await user.type(within(strengths).getByRole('textbox', { name: 'Forças: item 2' }), 'Estoque grande');
    const weaknesses = screen.getByRole('group', { name: 'Fraquezas' });
    await user.click(within(weaknesses).getByRole('button', { name: 'Adicionar a Fraquezas' }));
    await user.type(within(weaknesses).getByRole('textbox', { name: 'Fraquezas: item 1' }), 'Atendimento lento');
    const threats = screen.getByRole('group', { name: 'Ameaças' });
    await user.click(within(threats).getByRole('button', { name: 'Remover de Ameaças: Preço agressivo' }));
    const first = within(threats).getByRole('textbox', { name: 'Ameaças: item 1' });
    await user.clear(first);
    await user.type(first, 'Vendedor novo no Sul');
    await user.click(screen.getByRole('button', { name: 'Salvar concorrente' }));

    expect(await screen.findByText('Concorrente salvo.')).toBeInTheDocument();
    const after = await storedCompetitor(omega.id);
    expect(after.strengths).toEqual(['Entrega em 24 h', 'Estoque grande']);
    expect(after.weaknesses).toEqual(['Atendimento lento']);
    expect(after.threats).toEqual(['Vendedor novo no Sul']);
    expect(after.opportunities).toEqual([]);
  });

  it('refuses a name taken by another competitor and keeps the edits', async () => {
    const { omega } = await seed();
    const user = userEvent.setup();
    renderWithApp(<CompetitorPage id={omega.id} />, { db, path: `/competitors/${omega.id}` });
    await screen.findByRole('heading', { name: 'Distribuidora Ômega', level: 2 });
    const name = screen.getByRole('textbox', { name: 'Nome' });
    await user.clear(name);
    await user.type(name, 'BETA suprimentos');
    await user.click(screen.getByRole('button', { name: 'Salvar concorrente' }));
    expect(await screen.findByText('Já existe um concorrente com este nome.')).toBeInTheDocument();
    expect(name).toHaveValue('BETA suprimentos');
    expect((await storedCompetitor(omega.id)).name).toBe('Distribuidora Ômega');
  });

  it('lists the deals lost to it with their account, value, reason and day, and the open ones', async () => {
    const { omega } = await seed();
    renderWithApp(<CompetitorPage id={omega.id} />, { db, path: `/competitors/${omega.id}` });
    const lost = await screen.findByRole('table', { name: 'Negócios perdidos para ele e por quê' });
    const rows = within(lost).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Luvas nitrílicas');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Padaria Pão Quente'));
    expect(rows[0]).toHaveTextContent(/R\$\s1\.234,56/);
    expect(rows[0]).toHaveTextContent('Preço mais baixo');
    expect(rows[0]).toHaveTextContent('12/11/2026');
    expect(within(rows[0]!).getByRole('link', { name: 'Luvas nitrílicas' })).toHaveAttribute('href', expect.stringMatching(/\/pipeline\/.+/));
    expect(rows[1]).toHaveTextContent('Papel toalha');
    const open = screen.getByRole('table', { name: 'Negócios abertos contra ele' });
    expect(within(open).getAllByRole('row')).toHaveLength(2);
    expect(open).toHaveTextContent('Sabonete líquido');
  });

  it('saves their positioning against a category and a product of our catalogue, and asks for a target when none is chosen', async () => {
    const omega = competitor('Distribuidora Ômega');
    await db.competitors.insert(omega);
    await db.products.bulkInsert([
      testProduct({ sku: 'PAP-1', name: 'Papel sulfite A4', category: 'Papelaria' }),
      testProduct({ sku: 'EPI-1', name: 'Luva nitrílica', category: 'EPI' }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<CompetitorPage id={omega.id} />, { db, path: `/competitors/${omega.id}` });
    await screen.findByRole('heading', { name: 'Distribuidora Ômega', level: 2 });

    await user.click(screen.getByRole('button', { name: 'Adicionar posicionamento' }));
    await user.click(screen.getByRole('button', { name: 'Salvar concorrente' }));
    expect(await screen.findByText('Escolha uma categoria ou um produto.')).toBeInTheDocument();
    expect((await storedCompetitor(omega.id)).positioning).toEqual([]);

    await user.click(screen.getByRole('combobox', { name: 'Categoria ou produto do catálogo' }));
    await user.click(await screen.findByRole('option', { name: 'Categoria: Papelaria', hidden: true }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preço deles' }), 'Acima');
    await user.type(screen.getByRole('textbox', { name: 'Observação' }), 'Cobram frete');

    await user.click(screen.getByRole('button', { name: 'Adicionar posicionamento' }));
    const targets = screen.getAllByRole('combobox', { name: 'Categoria ou produto do catálogo' });
    await user.type(targets[1]!, 'Luva');
    await user.click(await screen.findByRole('option', { name: 'Produto: Luva nitrílica', hidden: true }));
    await user.selectOptions(screen.getAllByRole('combobox', { name: 'Preço deles' })[1]!, 'Muito abaixo');

    await user.click(screen.getByRole('button', { name: 'Salvar concorrente' }));
    expect(await screen.findByText('Concorrente salvo.')).toBeInTheDocument();
    const positioning = (await storedCompetitor(omega.id)).positioning ?? [];
    expect(positioning.map(({ id: _id, ...p }) => p)).toEqual([
      { category: 'Papelaria', productId: '', productName: '', position: 'higher', note: 'Cobram frete' },
      { category: 'EPI', productId: expect.any(String), productName: 'Luva nitrílica', position: 'much_lower', note: '' },
    ]);
  });

  it('keeps a note added on the competitor', async () => {
    const omega = competitor('Distribuidora Ômega');
    await db.competitors.insert(omega);
    const user = userEvent.setup();
    renderWithApp(<CompetitorPage id={omega.id} />, { db, path: `/competitors/${omega.id}` });
    await user.type(await screen.findByRole('textbox', { name: 'Nova nota' }), 'Abriu filial em Campinas');
    await user.click(screen.getByRole('button', { name: 'Adicionar nota' }));
    await waitFor(async () => expect((await storedCompetitor(omega.id)).notes.map((n) => n.text)).toEqual(['Abriu filial em Campinas']));
    expect(screen.getByRole('textbox', { name: 'Nova nota' })).toHaveValue('');
  });
});

describe('the competitor report', () => {
  it('counts a seeded set in the period chosen, and exports a CSV that reads back the same', async () => {
    await seed();
    const user = userEvent.setup();
    renderWithApp(<CompetitorReportPage />, { db, path: '/competitors/report' });
    await screen.findByRole('heading', { name: 'Relatório de concorrentes' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Período' }), 'Personalizado');
    const from = screen.getByLabelText('De');
    const to = screen.getByLabelText('Até');
    await user.clear(from);
    await user.type(from, '2026-11-01');
    await user.clear(to);
    await user.type(to, '2026-11-30');

    const table = await screen.findByRole('table', { name: 'Relatório de concorrentes' });
    await waitFor(() => expect(within(table).getByRole('row', { name: /Distribuidora Ômega/ })).toHaveTextContent(/R\$\s1\.234,56/));
    const omega = within(table).getByRole('row', { name: /Distribuidora Ômega/ });
    const cells = within(omega)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1, 5)).toEqual(['3', '1', '1', '1']);
    expect(cells[6]).toBe('50%');
    expect(cells[7]).toBe('Preço mais baixo (1)');

    await user.click(screen.getByRole('button', { name: 'Exportar CSV' }));
    expect(await screen.findByText('Relatório exportado.')).toBeInTheDocument();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fileName).toMatch(/^concorrentes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readCsv(saved[0]!.content);
    expect(csv.headers).toEqual([
      'Concorrente',
      'Enfrentados',
      'Ganhos',
      'Perdidos',
      'Abertos',
      'Valor perdido',
      'Moeda',
      'Taxa de vitória',
      'Motivos de perda mais frequentes',
    ]);
    const byName = new Map(csv.rows.map((r) => [r[0], r]));
    expect(byName.get('Distribuidora Ômega')).toEqual(['Distribuidora Ômega', '3', '1', '1', '1', '1234.56', 'BRL', '50', 'Preço mais baixo (1)']);
    expect(byName.get('Beta Suprimentos')).toEqual(['Beta Suprimentos', '0', '0', '0', '0', '0', '', '', '']);
  });

  it('exports for Excel in Brazil and Portugal: semicolons, decimal commas, Windows-1252', async () => {
    await seed();
    const user = userEvent.setup();
    renderWithApp(<CompetitorReportPage />, { db, path: '/competitors/report' });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Período' }), 'Todo o período');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Formato do CSV' }), 'Excel (Brasil/Portugal)');
    await screen.findByRole('table', { name: 'Relatório de concorrentes' });
    await user.click(screen.getByRole('button', { name: 'Exportar CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.content).toBeInstanceOf(Uint8Array);
    const csv = readCsv(saved[0]!.content);
    expect(csv).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const omega = csv.rows.find((r) => r[0] === 'Distribuidora Ômega');
    expect(omega).toEqual(['Distribuidora Ômega', '4', '1', '2', '1', '1244,56', 'BRL', '33,33', 'Preço mais baixo (2)']);
  });

  it('refuses an end before the start, keeping both days', async () => {
    await seed();
    const user = userEvent.setup();
    renderWithApp(<CompetitorReportPage />, { db, path: '/competitors/report' });
    const to = await screen.findByLabelText('Até');
    await user.clear(to);
    await user.type(to, '2020-01-01');
    expect(await screen.findByText('O fim não pode ser antes do início.')).toBeInTheDocument();
    expect(to).toHaveValue('2020-01-01');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
