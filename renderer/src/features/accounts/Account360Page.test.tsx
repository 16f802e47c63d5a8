import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { INT_MAX, type Account, type Activity, type Case, type Contact, type Contract, type Deal, type Order } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm, type AccountFormValues } from '@shared/domain/account-form';
import { RISK_WEIGHTS, riskScore } from '@shared/domain/risk';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { useOverlaysStore } from '../../app/overlays-store';
import type { CarteiraDatabase } from '../../db/types';
import { Account360Page } from './Account360Page';
import { OrdersSection } from './AccountSections';

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'activities', 'contacts', 'deals', 'orders', 'contracts', 'cases'] });
  useOverlaysStore.setState({ quickLog: null });
});
afterEach(async () => {
  await db.close();
});

const DAY = 86_400_000;
const NOW = Date.now();
const account = (name: string, extra: Partial<AccountFormValues> = {}, fields: Partial<Account> = {}) => ({
  ...createDoc<Account>(accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name, ...extra }), 'seed'),
  ...fields,
});
const activity = (accountId: string, summary: string, daysAgo: number, extra: Partial<Activity> = {}) =>
  createDoc<Activity>(
    {
      type: 'call',
      accountId,
      contactId: '',
      dealId: '',
      at: NOW - daysAgo * DAY,
      atInv: INT_MAX - (NOW - daysAgo * DAY),
      summary,
      body: '',
      outcome: '',
      durationMin: 10,
      taskState: 'none',
      dueAt: 0,
      reminderAt: 0,
      ownerId: 'ana',
      ...extra,
    },
    'seed',
  );
const deal = (accountId: string, title: string, stage: Deal['stage']) =>
  createDoc<Deal>(
    {
      accountId,
      title,
      stage,
      lines: [],
      value: { amount: 1_250_000, currency: 'BRL' },
      probability: 50,
      expectedClose: '2026-12-20',
      lostReason: '',
      competitorId: '',
      contactIds: [],
      ownerId: 'ana',
      notes: [],
    },
    'seed',
  );
const line = (qtyOrdered: number, qtyDelivered: number) => ({
  id: `l${qtyOrdered}${qtyDelivered}`,
  productId: '',
  sku: 'X',
  name: 'X',
  qtyOrdered,
  qtyDelivered,
  unitPrice: 100,
  discountBp: 0,
});
const order = (accountId: string, number: string, lines: Order['lines'], promisedDate: string, deliveredDate: string, status: Order['status']) =>
  createDoc<Order>(
    {
      number,
      accountId,
      dealId: '',
      contractId: '',
      status,
      lines,
      currency: 'BRL',
      total: 50_000,
      orderedAt: NOW - 30 * DAY,
      promisedDate,
      deliveredDate,
      ownerId: 'ana',
      notes: [],
    },
    'seed',
  );
const contract = (accountId: string, title: string) =>
  createDoc<Contract>(
    {
      number: 'C-1',
      accountId,
      dealId: '',
      title,
      status: 'active',
      value: { amount: 9_900_000, currency: 'BRL' },
      startDate: '2026-01-01',
      endDate: '2027-01-01',
      termMonths: 12,
      clauses: [],
      versions: [],
      signedAt: 0,
      ownerId: 'ana',
      notes: [],
    },
    'seed',
  );
const complaint = (accountId: string, subject: string) =>
  createDoc<Case>(
    {
      accountId,
      contactId: '',
      orderId: '',
      productId: '',
      kind: 'complaint',
      subject,
      description: '',
      severity: 'high',
      status: 'open',
      resolution: '',
      satisfaction: 0,
      openedAt: NOW - DAY,
      resolvedAt: 0,
      ownerId: 'ana',
      notes: [],
    },
    'seed',
  );
const contact = (accountId: string, firstName: string, lastName: string) =>
  createDoc<Contact>(
    {
      accountId,
      firstName,
      lastName,
      nameSort: `${firstName} ${lastName}`.toLowerCase(),
      role: 'Compras',
      department: '',
      phones: [],
      emails: [],
      emailKey: '',
      preferredChannel: 'phone',
      birthday: '',
      decisionMaker: true,
      consent: { basis: 'none', marketing: false, at: 0, source: '' },
      ownerId: 'ana',
      tags: [],
      notes: [],
    },
    'seed',
  );

async function seed() {
  const referrer = account('Indicadora Ltda');
  const main = account(
    'Ferragens Silva Ltda',
    {
      tradeName: 'Silva Ferragens',
      taxIdKind: 'cnpj',
      taxId: '11.222.333/0001-81',
      city: 'Campinas',
      state: 'SP',
      status: 'client',
      segment: 'retail',
      paymentTerms: '30/60 dias',
      discountPct: '5',
    },
    { referredBy: referrer.id },
  );
  const referred = account('Nova Indicada ME', {}, { referredBy: main.id });
  await db.accounts.bulkInsert([referrer, main, referred]);
  const acts = [
    activity(main.id, 'Ligação de apresentação', 20, { outcome: 'positive' }),
    activity(main.id, 'Visita à loja', 3, { type: 'visit', outcome: 'follow_up' }),
    activity(main.id, 'Enviar proposta', 1, { type: 'task', taskState: 'open', dueAt: NOW + 2 * DAY }),
    activity(referrer.id, 'Outra conta', 0),
  ];
  await db.activities.bulkInsert(acts);
  const deals = [deal(main.id, 'Reposição de estoque', 'proposal'), deal(main.id, 'Pedido antigo', 'won')];
  await db.deals.bulkInsert(deals);
  await db.orders.bulkInsert([
    order(main.id, 'P-100', [line(2, 2)], '2026-03-10', '2026-03-09', 'delivered'),
    order(main.id, 'P-101', [line(5, 3)], '2020-01-10', '', 'partially_delivered'),
  ]);
  await db.contracts.insert(contract(main.id, 'Fornecimento anual'));
  await db.cases.insert(complaint(main.id, 'Entrega com avaria'));
  const person = contact(main.id, 'Maria', 'Souza');
  await db.contacts.insert(person);
  return { main, referrer, referred, acts, deals, person };
}

describe('account 360° page', { timeout: 60_000 }, () => {
  it('shows identity, conditions, contacts, the timeline newest first, open deals, orders, contracts, cases and referrals', async () => {
    const { main, referrer, referred, acts, deals, person } = await seed();
    renderWithApp(<Account360Page id={main.id} />, { db, path: `/accounts/${main.id}` });
    expect(await screen.findByRole('heading', { level: 2, name: 'Silva Ferragens' })).toBeVisible();
    expect(screen.getByText(/Ferragens Silva Ltda · Varejo · 11\.222\.333\/0001-81 · Campinas \/ SP/)).toBeVisible();

    const timeline = screen.getByRole('region', { name: 'Linha do tempo' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(3));
    const links = within(timeline).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Enviar proposta', 'Visita à loja', 'Ligação de apresentação']);
    expect(links[0]).toHaveAttribute('href', `/activities/${acts[2]!.id}`);
    expect(within(timeline).getByText(/Tarefa aberta · prazo/)).toBeVisible();
    expect(within(timeline).getByText('Retornar')).toBeVisible();
    expect(within(timeline).getByText('Positivo')).toBeVisible();

    const conditions = screen.getByRole('region', { name: 'Condições comerciais' });
    expect(within(conditions).getByText('30/60 dias')).toBeVisible();
    expect(within(conditions).getByText('5%')).toBeVisible();

    const contacts = screen.getByRole('region', { name: 'Contatos' });
    expect(await within(contacts).findByRole('link', { name: 'Maria Souza' })).toHaveAttribute('href', `/contacts/${person.id}`);

    const dealsSection = screen.getByRole('region', { name: 'Negócios em aberto' });
    expect(await within(dealsSection).findByRole('link', { name: 'Reposição de estoque' })).toHaveAttribute('href', `/pipeline/${deals[0]!.id}`);
    expect(within(dealsSection).queryByText('Pedido antigo')).toBeNull();
    // The won deal is listed apart, with its stage.
    const closedDeals = screen.getByRole('region', { name: 'Negócios fechados' });
    const won = (await within(closedDeals).findByRole('link', { name: 'Pedido antigo' })).closest('li')!;
    expect(within(won).getByText('Ganho')).toBeVisible();
    expect(within(closedDeals).queryByText('Reposição de estoque')).toBeNull();
    expect(within(dealsSection).getByRole('button', { name: 'Novo negócio' })).toBeVisible();

    const orders = screen.getByRole('region', { name: 'Pedidos' });
    const p100 = (await within(orders).findByText('P-100')).closest('li')!;
    expect(within(p100).getByText('Entregue 100%')).toBeVisible();
    expect(within(p100).getByText('No prazo')).toBeVisible();
    const p101 = within(orders).getByText('P-101').closest('li')!;
    expect(within(p101).getByText('Entregue 60%')).toBeVisible();
    expect(within(p101).getByText(/^Atrasado \d+ dias$/)).toBeVisible();
    // Both orders were placed 30 days ago, this month or the last: days since the last order, the repeat-order rate.
    expect(within(orders).getByText('Último pedido há 30 dias')).toBeVisible();
    expect(within(orders).getByText(/^Recompra: /)).toBeVisible();

    expect(await within(screen.getByRole('region', { name: 'Contratos' })).findByText('Fornecimento anual')).toBeVisible();
    // Each contract opens its own page.
    expect(within(screen.getByRole('region', { name: 'Contratos' })).getByRole('link', { name: 'Fornecimento anual' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/contracts\/.+/),
    );
    expect(await within(screen.getByRole('region', { name: 'Ocorrências' })).findByText('Entrega com avaria')).toBeVisible();

    const referrals = await screen.findByRole('region', { name: 'Indicações' });
    expect(await within(referrals).findByRole('link', { name: 'Indicadora Ltda' })).toHaveAttribute('href', `/accounts/${referrer.id}`);
    expect(await within(referrals).findByRole('link', { name: 'Nova Indicada ME' })).toHaveAttribute('href', `/accounts/${referred.id}`);
  });

  it('opens the quick log for this account', async () => {
    const { main } = await seed();
    const user = userEvent.setup();
    renderWithApp(<Account360Page id={main.id} />, { db, path: `/accounts/${main.id}` });
    await user.click(await screen.findByRole('button', { name: 'Registrar atividade' }));
    expect(useOverlaysStore.getState().quickLog).toEqual({ accountId: main.id });
  });

  it('records warning signs, stores the recomputed score, and removes them', async () => {
    const main = account('Prospect Duvidoso Ltda', { status: 'prospect' });
    await db.accounts.insert(main);
    const user = userEvent.setup();
    renderWithApp(<Account360Page id={main.id} />, { db, path: `/accounts/${main.id}` });
    const panel = await screen.findByRole('region', { name: 'Confiabilidade' });
    expect(within(panel).getByText('Nenhum sinal de alerta registrado.')).toBeVisible();

    await user.selectOptions(within(panel).getByLabelText('Sinal de alerta'), 'legal_disputes');
    await user.type(within(panel).getByLabelText('Observação'), 'Processo trabalhista em 2025');
    await user.click(within(panel).getByRole('button', { name: 'Registrar sinal' }));
    await waitFor(async () => expect((await db.accounts.findOne(main.id).exec())!.risk.signals).toHaveLength(1));
    let saved = (await db.accounts.findOne(main.id).exec())!;
    expect(saved.risk.signals[0]).toMatchObject({ kind: 'legal_disputes', note: 'Processo trabalhista em 2025', recordedBy: 'tester' });
    expect(saved.risk.score).toBe(riskScore(saved.risk.signals, Date.now()));
    expect(saved.risk.score).toBeGreaterThan(RISK_WEIGHTS.legal_disputes - 2);
    expect(await within(panel).findByText(`Risco ${saved.risk.score}/100 · Risco médio`)).toBeVisible();
    expect(within(panel).getByText('Processo trabalhista em 2025')).toBeVisible();

    await user.selectOptions(within(panel).getByLabelText('Sinal de alerta'), 'credit_restrictions');
    await user.click(within(panel).getByRole('button', { name: 'Registrar sinal' }));
    await waitFor(async () => expect((await db.accounts.findOne(main.id).exec())!.risk.signals).toHaveLength(2));
    saved = (await db.accounts.findOne(main.id).exec())!;
    expect(saved.risk.score).toBeGreaterThan(RISK_WEIGHTS.credit_restrictions);
    expect(await within(panel).findByText(`Risco ${saved.risk.score}/100 · Risco alto`)).toBeVisible();

    await user.click(within(panel).getAllByRole('button', { name: /^Remover sinal Disputas judiciais/ })[0]!);
    await waitFor(async () => expect((await db.accounts.findOne(main.id).exec())!.risk.signals.map((s) => s.kind)).toEqual(['credit_restrictions']));
    saved = (await db.accounts.findOne(main.id).exec())!;
    expect(saved.risk.score).toBe(riskScore(saved.risk.signals, Date.now()));
    expect(within(panel).queryByText('Processo trabalhista em 2025')).toBeNull();
  });

  it('pages the timeline: the first 30 activities, then the rest on demand', async () => {
    const main = account('Cliente Antigo Ltda');
    await db.accounts.insert(main);
    await db.activities.bulkInsert(Array.from({ length: 45 }, (_, i) => activity(main.id, `Atividade ${String(i).padStart(2, '0')}`, i)));
    const user = userEvent.setup();
    renderWithApp(<Account360Page id={main.id} />, { db, path: `/accounts/${main.id}` });
    const timeline = await screen.findByRole('region', { name: 'Linha do tempo' });
    const list = await within(timeline).findByRole('list');
    // The virtual list is as tall as the items it holds (58 px each).
    await waitFor(() => expect(list.style.height).toBe(`${30 * 58}px`));
    expect(within(timeline).getAllByRole('link')[0]).toHaveTextContent('Atividade 00');
    await user.click(within(timeline).getByRole('button', { name: 'Mostrar mais atividades' }));
    await waitFor(() => expect(list.style.height).toBe(`${45 * 58}px`));
    expect(within(timeline).queryByRole('button', { name: 'Mostrar mais atividades' })).toBeNull();
  });
});

describe("order lateness follows the user's day", { timeout: 60_000 }, () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    process.env.TZ = savedTz;
  });

  it('at 22:00 in São Paulo an order promised for today is still to be delivered, not late', async () => {
    process.env.TZ = 'America/Sao_Paulo';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T01:00:00Z')); // 22:00 on 9 March there; UTC is already the 10th
    const main = account('Loja Noturna');
    await db.accounts.insert(main);
    await db.orders.bulkInsert([
      order(main.id, 'P-200', [line(4, 0)], '2026-03-09', '', 'confirmed'),
      order(main.id, 'P-201', [line(4, 0)], '2026-03-08', '', 'confirmed'),
    ]);
    renderWithApp(<OrdersSection accountId={main.id} />, { db, path: `/accounts/${main.id}` });
    const today = (await screen.findByText('P-200')).closest('li')!;
    expect(within(today).getByText('A entregar')).toBeVisible();
    expect(within(today).queryByText(/Atrasado/)).toBeNull();
    expect(within(screen.getByText('P-201').closest('li')!).getByText('Atrasado 1 dia')).toBeVisible();
  });
});
