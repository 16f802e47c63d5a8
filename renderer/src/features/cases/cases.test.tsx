import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Activity, Case } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { referralAskId } from '@shared/domain/referrals';
import { HOUR, DAY } from '@shared/domain/activity-fields';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount } from '../catalogue/catalogue-fixtures';
import { MyDayPage } from '../activities/MyDayPage';
import { Account360Page } from '../accounts/Account360Page';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { useCasesStore, DEFAULT_CASE_FILTER } from './store';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  useCasesStore.setState({ filter: DEFAULT_CASE_FILTER });
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'deals', 'activities', 'orders', 'contracts', 'cases'] });
});
afterEach(async () => {
  await db.close();
});

function testCase(account: Account, fields: Partial<Case> = {}): Case {
  return createDoc<Case>(
    {
      accountId: account.id,
      contactId: '',
      orderId: '',
      productId: '',
      kind: 'complaint',
      subject: 'Caixas chegaram amassadas',
      description: '',
      severity: 'high',
      status: 'open',
      resolution: '',
      satisfaction: 0,
      openedAt: Date.now() - 5 * HOUR,
      resolvedAt: 0,
      ownerId: 'tester',
      notes: [],
      actions: [],
      ...fields,
    },
    'seed',
  );
}

const stored = async (id: string): Promise<Case> => (await db.cases.findOne(id).exec())!.toJSON() as Case;

async function openCase(c: Case) {
  await db.cases.insert(c);
  const user = userEvent.setup();
  renderWithApp(<CasePage id={c.id} />, { db, path: `/cases/${c.id}` });
  await screen.findByRole('heading', { name: c.subject, level: 2 });
  return user;
}

async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('a case page', () => {
  it('refuses to resolve without a resolution, says why, and keeps what was typed and chosen', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const c = testCase(account);
    const user = await openCase(c);
    await user.type(screen.getByRole('textbox', { name: 'Registrar o que foi feito' }), 'Liguei para o cliente');
    await pick(user, 'Satisfação do cliente', '4 de 5');
    await user.click(screen.getByRole('button', { name: 'Resolver' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Escreva a resolução antes de resolver ou encerrar a ocorrência.');
    expect(screen.getByRole('textbox', { name: 'Registrar o que foi feito' })).toHaveValue('Liguei para o cliente');
    expect(screen.getByRole('combobox', { name: 'Satisfação do cliente' })).toHaveValue('4 de 5');
    expect((await stored(c.id)).status).toBe('open');

    // The typed entry is recorded, and an empty one is refused with its own message.
    await user.click(screen.getByRole('button', { name: 'Registrar' }));
    await waitFor(async () => expect((await stored(c.id)).actions?.map((a) => a.text)).toEqual(['Liguei para o cliente']));
    expect(screen.getByRole('textbox', { name: 'Registrar o que foi feito' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText('Escreva o que foi feito antes de registrar.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'O que foi feito' })).getByText('Liguei para o cliente')).toBeInTheDocument();
  });

  it('resolved with satisfaction 5, it asks for a referral: one task on the account, not two after a reopen', async () => {
    const account = testAccount('Padaria Sol');
    await db.accounts.insert(account);
    const c = testCase(account);
    const user = await openCase(c);
    await user.type(screen.getByRole('textbox', { name: /Resolução/ }), 'Troca das caixas feita no dia seguinte');
    await pick(user, 'Satisfação do cliente', '5 de 5');
    await user.click(screen.getByRole('button', { name: 'Resolver' }));

    await waitFor(async () => expect((await stored(c.id)).status).toBe('resolved'));
    const saved = await stored(c.id);
    expect(saved.resolution).toBe('Troca das caixas feita no dia seguinte');
    expect(saved.satisfaction).toBe(5);
    expect(saved.resolvedAt).toBeGreaterThan(0);
    await waitFor(async () => expect(await db.activities.findOne(referralAskId('case', c.id)).exec()).not.toBeNull());
    const task = (await db.activities.findOne(referralAskId('case', c.id)).exec())!.toJSON() as Activity;
    expect(task).toMatchObject({ type: 'task', taskState: 'open', accountId: account.id, summary: 'Pedir indicação', ownerId: 'tester' });
    expect(task.body).toContain('Caixas chegaram amassadas');

    await user.click(await screen.findByRole('button', { name: 'Reabrir' }));
    await waitFor(async () => expect((await stored(c.id)).status).toBe('open'));
    await pick(user, 'Satisfação do cliente', '5 de 5');
    await user.click(screen.getByRole('button', { name: 'Resolver' }));
    await waitFor(async () => expect((await stored(c.id)).status).toBe('resolved'));
    const tasks = (await db.activities.find().exec()).filter((a) => a.accountId === account.id && a.type === 'task');
    expect(tasks).toHaveLength(1);
  });

  it('a resolved case rated 4 afterwards asks for a referral then', async () => {
    const account = testAccount('Padaria Estrela');
    await db.accounts.insert(account);
    const c = testCase(account, { status: 'resolved', resolution: 'Crédito concedido', resolvedAt: Date.now() - HOUR });
    const user = await openCase(c);
    await pick(user, 'Satisfação do cliente', '4 de 5');
    await waitFor(async () => expect((await stored(c.id)).satisfaction).toBe(4));
    await waitFor(async () => expect(await db.activities.findOne(referralAskId('case', c.id)).exec()).not.toBeNull());
  });

  it('a case resolved with satisfaction 3 asks for nothing', async () => {
    const account = testAccount('Padaria Lua');
    await db.accounts.insert(account);
    const c = testCase(account, { resolution: 'Crédito concedido' });
    const user = await openCase(c);
    await pick(user, 'Satisfação do cliente', '3 de 5');
    await user.click(screen.getByRole('button', { name: 'Resolver' }));
    await waitFor(async () => expect((await stored(c.id)).status).toBe('resolved'));
    expect(await db.activities.findOne(referralAskId('case', c.id)).exec()).toBeNull();
  });

  it('shows the time to resolve of a resolved case, from opening to resolution', async () => {
    const account = testAccount('Gráfica Norte');
    await db.accounts.insert(account);
    const openedAt = Date.now() - 10 * DAY;
    const c = testCase(account, { status: 'resolved', resolution: 'Reimpressão', satisfaction: 4, openedAt, resolvedAt: openedAt + 30 * HOUR });
    await openCase(c);
    expect(screen.getByTestId('case-time')).toHaveTextContent('resolvida em 1 dia');
  });
});

describe('the cases list', () => {
  it('shows open cases by default with their time open, overdue ones marked; "Todas" shows the resolved too, with time to resolve', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const now = Date.now();
    await db.cases.bulkInsert([
      testCase(account, { subject: 'Atraso crítico', severity: 'critical', openedAt: now - 2 * DAY }),
      testCase(account, { subject: 'Dúvida de boleto', kind: 'question', severity: 'low', openedAt: now - 3 * HOUR }),
      testCase(account, { subject: 'Troca resolvida', status: 'resolved', resolution: 'ok', openedAt: now - 9 * DAY, resolvedAt: now - 9 * DAY + 5 * HOUR }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<CasesPage />, { db, path: '/cases' });
    const table = await screen.findByRole('table', { name: 'Ocorrências' });
    await within(table).findByText('Atraso crítico');
    expect(within(table).queryByText('Troca resolvida')).toBeNull();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Atraso crítico', 'Dúvida de boleto']);
    expect(rows[0]).toHaveTextContent('aberta há 2 dias · Atrasada');
    expect(rows[0]).toHaveTextContent('Metalúrgica Vale');
    expect(rows[1]).toHaveTextContent('aberta há 3 horas');

    // Another status reads other cases: the table is drawn again once they are in.
    await pick(user, 'Situação', 'Todas');
    const all = await screen.findByRole('table', { name: 'Ocorrências' });
    expect(await within(all).findByText('Troca resolvida')).toBeInTheDocument();
    expect(within(all).getByText('resolvida em 5 horas')).toBeInTheDocument();
    await pick(user, 'Tipo', 'Dúvida');
    await waitFor(() => expect(screen.queryByText('Atraso crítico')).toBeNull());
    expect(screen.getByText('Dúvida de boleto')).toBeInTheDocument();
    expect(screen.queryByText('Troca resolvida')).toBeNull();
  });
});

describe('open cases elsewhere', () => {
  it('My day lists my open cases, the most severe and oldest first, not resolved ones', async () => {
    const account = testAccount('Padaria Sol');
    await db.accounts.insert(account);
    const now = Date.now();
    await db.cases.bulkInsert([
      testCase(account, { subject: 'Média antiga', severity: 'medium', openedAt: now - 4 * DAY }),
      testCase(account, { subject: 'Crítica nova', severity: 'critical', openedAt: now - HOUR }),
      testCase(account, { subject: 'Média nova', severity: 'medium', openedAt: now - 2 * HOUR }),
      testCase(account, { subject: 'Já resolvida', status: 'resolved', resolution: 'ok', resolvedAt: now }),
    ]);
    renderWithApp(<MyDayPage />, { db, path: '/today' });
    const panel = await screen.findByRole('region', { name: 'Ocorrências em aberto' });
    await within(panel).findByText('Crítica nova');
    const items = within(panel)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(items).toEqual(['Crítica nova', 'Média antiga', 'Média nova']);
    expect(within(panel).getByRole('link', { name: 'Crítica nova' })).toHaveAttribute('href', expect.stringMatching(/^\/cases\//));
  });

  it('the account page lists its cases as links and opens a new one on the account, refusing it without a subject', async () => {
    const account = testAccount('Gráfica Norte');
    await db.accounts.insert(account);
    await db.cases.insert(testCase(account, { subject: 'Cor fora do padrão', severity: 'critical' }));
    const user = userEvent.setup();
    const { location } = renderWithApp(<Account360Page id={account.id} />, { db, path: `/accounts/${account.id}` });
    const section = await screen.findByRole('region', { name: 'Ocorrências' });
    const link = await within(section).findByRole('link', { name: 'Cor fora do padrão' });
    expect(link.getAttribute('href')).toMatch(/^\/cases\//);
    expect(within(section).getByText('Crítica')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Nova ocorrência' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nova ocorrência' });
    await user.type(within(dialog).getByRole('textbox', { name: /Descrição/ }), 'Lote 42 veio com a cor errada');
    await user.click(within(dialog).getByRole('button', { name: 'Abrir ocorrência' }));
    expect(await within(dialog).findByText('O assunto não pode ficar vazio.')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Descrição/ })).toHaveValue('Lote 42 veio com a cor errada');

    await user.type(within(dialog).getByRole('textbox', { name: /Assunto/ }), 'Cor errada no lote 42');
    await user.click(within(dialog).getByRole('button', { name: 'Abrir ocorrência' }));
    await waitFor(() => expect(location.history?.at(-1)).toMatch(/^\/cases\//));
    const created = (await db.cases.find().exec()).map((d) => d.toJSON() as Case).filter((c) => c.subject === 'Cor errada no lote 42');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ accountId: account.id, status: 'open', description: 'Lote 42 veio com a cor errada', ownerId: 'tester' });
  });
});
