import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Deal } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { EMPTY_BOARD_FILTER } from '@shared/domain/sales/pipeline-board';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { CARDS_PER_PAGE } from './PipelineBoard';
import { PipelinePage } from './PipelinePage';
import { usePipelineStore } from './store';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'deals', 'competitors'] });
  usePipelineStore.setState({ view: 'board', filter: EMPTY_BOARD_FILTER });
});
afterEach(async () => {
  await db.close();
});

const account = (name: string, segment: Account['segment']): Account => {
  const base = accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name });
  return createDoc<Account>({ ...base, segment }, 'seed');
};

const deal = (accountId: string, title: string, over: Partial<Deal> = {}): Deal =>
  createDoc<Deal>(
    {
      accountId,
      title,
      stage: 'prospecting',
      lines: [],
      value: { amount: 1_000_00, currency: 'BRL' },
      probability: 5,
      expectedClose: '2099-01-10',
      lostReason: '',
      competitorId: '',
      contactIds: [],
      ownerId: 'ana',
      notes: [],
      ...over,
    },
    'seed',
  );

async function seed() {
  const hospital = account('Hospital São Lucas', 'enterprise');
  const padaria = account('Padaria Pão Quente', 'small_business');
  await db.accounts.bulkInsert([hospital, padaria]);
  const deals = [
    deal(hospital.id, 'Luvas para o centro cirúrgico', { value: { amount: 12_345_67, currency: 'BRL' }, probability: 5 }),
    deal(padaria.id, 'Embalagens de pão', { ownerId: 'bruno', stage: 'negotiation', probability: 75, value: { amount: 2_000_01, currency: 'BRL' } }),
    // An older app's stage id: shown in its pipeline stage.
    deal(padaria.id, 'Sacos kraft', { stage: 'proposal', probability: 50, value: { amount: 999_99, currency: 'BRL' } }),
  ];
  await db.deals.bulkInsert(deals);
  return { hospital, padaria, deals };
}

const columnOf = (name: RegExp) => screen.getByRole('region', { name });
const cardIn = (column: HTMLElement, title: string) => within(column).queryByText(title);

describe('pipeline board', () => {
  it('shows every stage in order with its deals, count, value and probability-weighted value', async () => {
    await seed();
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    await screen.findByText('Luvas para o centro cirúrgico');
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('data-stage'));
    expect(regions).toEqual(['prospecting', 'first_contact', 'needs_identified', 'proposal_presented', 'negotiation', 'won', 'lost']);
    const prospecting = columnOf(/^Prospecção/);
    expect(within(prospecting).getByTestId('stage-count').textContent).toBe('1');
    expect(within(prospecting).getByTestId('stage-value').textContent).toMatch(/R\$\s12\.345,67/);
    // 12 345,67 × 5 % = 617,2835 → 617,28
    expect(within(prospecting).getByTestId('stage-weighted').textContent).toMatch(/R\$\s617,28/);
    expect(cardIn(columnOf(/^Proposta apresentada/), 'Sacos kraft')).not.toBeNull();
  });

  it('moves the focused deal to the next stage with Shift+→, stores it and says so to screen readers', async () => {
    const { deals } = await seed();
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    const title = await screen.findByText('Luvas para o centro cirúrgico');
    const handle = title.closest<HTMLElement>('[aria-roledescription]')!;
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await waitFor(() => expect(cardIn(columnOf(/^Primeiro contato/), 'Luvas para o centro cirúrgico')).not.toBeNull());
    expect(screen.getByTestId('pipeline-announcer').textContent).toBe('“Luvas para o centro cirúrgico” movido para Primeiro contato.');
    const stored = (await db.deals.findOne(deals[0]!.id).exec())!.toJSON();
    expect(stored.stage).toBe('first_contact');
    expect(stored.probability).toBe(10);
  });

  it('keeps a moved deal in sight and focused in a long column where it sorts below the cards shown', async () => {
    const hospital = account('Hospital São Lucas', 'enterprise');
    await db.accounts.bulkInsert([hospital]);
    // 60 deals in "Primeiro contato" closing in 2030; the moved one closes in 2099, so it sorts last.
    const crowd = Array.from({ length: 60 }, (_, i) =>
      deal(hospital.id, `Negócio ${String(i).padStart(2, '0')}`, { stage: 'first_contact', expectedClose: '2030-01-01' }),
    );
    const late = deal(hospital.id, 'Luvas para 2099');
    await db.deals.bulkInsert([...crowd, late]);
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    const handle = (await screen.findByText('Luvas para 2099')).closest<HTMLElement>('[aria-roledescription]')!;
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    const column = columnOf(/^Primeiro contato/);
    await waitFor(() => expect(cardIn(column, 'Luvas para 2099')).not.toBeNull());
    expect(within(column).getByTestId('stage-count').textContent).toBe('61');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Luvas para 2099'));
    // The rest of the column still pages: a page of cards shown + the moved one, the others behind "show more".
    expect(within(column).getAllByText(/^Negócio \d\d$/)).toHaveLength(CARDS_PER_PAGE);
  });

  it('asks for the reason before marking a deal lost, keeps what was typed on an error, and stores the reason', async () => {
    const { deals } = await seed();
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    await screen.findByText('Embalagens de pão');
    await userEvent.click(screen.getByRole('button', { name: 'Mover “Embalagens de pão” para…' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Perdido' }));
    const dialog = await screen.findByRole('dialog', { name: 'Marcar como perdido' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Marcar como perdido' }));
    expect(await within(dialog).findByText('Informe o motivo da perda.')).toBeTruthy();
    expect((await db.deals.findOne(deals[1]!.id).exec())!.stage).toBe('negotiation');
    await userEvent.type(within(dialog).getByLabelText(/Motivo da perda/), 'Fechou com o concorrente');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Marcar como perdido' }));
    await waitFor(() => expect(cardIn(columnOf(/^Perdido/), 'Embalagens de pão')).not.toBeNull());
    const stored = (await db.deals.findOne(deals[1]!.id).exec())!.toJSON();
    expect(stored).toMatchObject({ stage: 'lost', probability: 0, lostReason: 'Fechou com o concorrente' });
    expect(stored.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("filters by owner and by the account's segment, and says when nothing matches", async () => {
    await seed();
    usePipelineStore.setState({ filter: { ...EMPTY_BOARD_FILTER, segment: 'small_business' } });
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    await screen.findByText('Embalagens de pão');
    expect(screen.queryByText('Luvas para o centro cirúrgico')).toBeNull();
    expect(screen.getByTestId('pipeline-summary').textContent).toContain('2 negócios');
    usePipelineStore.getState().setFilter({ ownerId: 'bruno' });
    await waitFor(() => expect(screen.queryByText('Sacos kraft')).toBeNull());
    expect(screen.getByText('Embalagens de pão')).toBeTruthy();
    usePipelineStore.getState().setFilter({ ownerId: 'carla' });
    expect(await screen.findByText('Nenhum negócio com esses filtros.')).toBeTruthy();
  });

  it('lists the same deals in a table, stage names included', async () => {
    await seed();
    usePipelineStore.setState({ view: 'list' });
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    const table = await screen.findByRole('table', { name: 'Funil' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    expect(within(table).getByText('Sacos kraft')).toBeTruthy();
    expect(within(table).getAllByText('Proposta apresentada').length).toBeGreaterThan(0);
  });

  it('says the pipeline is empty on a new portfolio', async () => {
    renderWithApp(<PipelinePage />, { db, path: '/pipeline' });
    expect(await screen.findByText('Nenhum negócio ainda')).toBeTruthy();
  });
});
