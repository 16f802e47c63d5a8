import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Activity, Contract, Deal } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { localIsoDay } from '@shared/domain/local-day';
import { addDays } from '@shared/domain/sales/days';
import { localTimeOn } from '@shared/domain/sales/days';
import { newContractFields } from '@shared/domain/sales/contract-form';
import { contractTaskId } from '@shared/domain/sales/contract-tasks';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount } from '../catalogue/catalogue-fixtures';
import { DealPage } from '../deal/DealPage';
import { MyDayPage } from '../activities/MyDayPage';
import { ContractPage } from './ContractPage';
import { ContractsPage } from './ContractsPage';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, {
    collections: ['contracts', 'accounts', 'activities', 'deals', 'products', 'contacts', 'competitors', 'orders'],
  });
});
afterEach(async () => {
  await db.close();
});

/** Text as read aloud: Intl puts no-break spaces in money. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');
const today = localIsoDay();
const REFERRAL = 'O cliente indicará 2 empresas após 90 dias.';

function testContract(account: Account, fields: Partial<Contract> = {}): Contract {
  const base = newContractFields({
    id: 'c0000000000000000abcde',
    today,
    at: 1_700_000_000_000,
    by: 'ana',
    accountId: account.id,
    title: 'Fornecimento de EPIs',
    value: { amount: 1_200_000, currency: 'BRL' },
    clauses: [{ id: 'k1', kind: 'referral', text: REFERRAL }],
    ownerId: 'ana',
  });
  const startDate = fields.startDate ?? addDays(today, 10)!;
  const endDate = fields.endDate ?? addDays(today, 375)!;
  const terms = { ...base.versions[0]!.terms!, startDate, endDate };
  return createDoc<Contract>(
    { ...base, startDate, endDate, versions: [{ ...base.versions[0]!, terms }], ...fields },
    'seed',
    Date.now(),
    'c0000000000000000abcde',
  );
}

const stored = async (id: string): Promise<Contract> => (await db.contracts.findOne(id).exec())!.toJSON() as Contract;
const activity = async (id: string): Promise<Activity | null> => ((await db.activities.findOne(id).exec())?.toJSON() as Activity | undefined) ?? null;

async function openContract(contract: Contract) {
  await db.contracts.insert(contract);
  const user = userEvent.setup();
  const view = renderWithApp(<ContractPage id={contract.id} />, { db, path: `/contracts/${contract.id}` });
  await screen.findByRole('heading', { name: contract.title, level: 2 });
  return { user, ...view };
}

describe('contract page', () => {
  it('refuses to sign a contract whose end is before its start, saying so next to the date and above, and changes nothing', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const contract = testContract(account, { startDate: addDays(today, 30)!, endDate: addDays(today, 5)! });
    const { user } = await openContract(contract);
    expect(await screen.findByRole('link', { name: 'Metalúrgica Vale' })).toHaveAttribute('href', `/accounts/${account.id}`);
    // The field says it as soon as the page shows the dates.
    expect(screen.getAllByText('O fim não pode ser antes do início.').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Assinar' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('O fim não pode ser antes do início.');
    const after = await stored(contract.id);
    expect(after.status).toBe('draft');
    expect(after.signedAt).toBe(0);
    expect(after.versions).toHaveLength(1);
    expect(await db.activities.count().exec()).toBe(0);

    // A negative value typed is kept in its field with the reason, and not saved.
    const value = screen.getByRole('textbox', { name: 'Valor (BRL)' });
    await user.clear(value);
    await user.type(value, '-50,00');
    await user.click(screen.getByRole('button', { name: 'Salvar alterações' }));
    expect(await screen.findByText('O valor não pode ser negativo.')).toBeVisible();
    expect(value).toHaveValue('-50,00');
    expect((await stored(contract.id)).value.amount).toBe(1_200_000);
  });

  it('saves an edited value and clause as version 2 and lists what changed, translated, before → after', async () => {
    const account = testAccount('Distribuidora Paulista');
    await db.accounts.insert(account);
    const contract = testContract(account);
    const { user } = await openContract(contract);

    const value = screen.getByRole('textbox', { name: 'Valor (BRL)' });
    expect(value).toHaveValue('12000,00');
    await user.clear(value);
    await user.type(value, '15.000,50');
    const clause = screen.getByRole('textbox', { name: 'Texto da cláusula 1' });
    await user.clear(clause);
    await user.type(clause, 'O cliente indicará 3 empresas após 60 dias.');
    await user.click(screen.getByRole('button', { name: 'Salvar alterações' }));

    expect(await screen.findByText('Versão 2 salva.')).toBeVisible();
    const saved = await stored(contract.id);
    expect(saved.value).toEqual({ amount: 1_500_050, currency: 'BRL' });
    expect(saved.clauses).toEqual([{ id: 'k1', kind: 'referral', text: 'O cliente indicará 3 empresas após 60 dias.' }]);
    expect(saved.versions.map((v) => [v.version, v.summary])).toEqual([
      [1, ''],
      [2, 'value, ~referral'],
    ]);

    const v2 = await screen.findByTestId('contract-version-2');
    const lines = within(v2)
      .getAllByRole('listitem')
      .map((li) => text(li));
    expect(lines).toEqual(['Valor: R$ 12.000,00 → R$ 15.000,50', `Cláusula alterada (Indicação): ${REFERRAL} → O cliente indicará 3 empresas após 60 dias.`]);
    expect(text(screen.getByTestId('contract-version-1'))).toContain('Versão inicial.');

    // Saving the same terms again records no version.
    await user.click(screen.getByRole('button', { name: 'Salvar alterações' }));
    expect(await screen.findByText('Nada mudou nos termos.')).toBeVisible();
    expect((await stored(contract.id)).versions).toHaveLength(2);
  });

  it('signing puts the expiry and renewal reminders and the referral task, with the clause, in the owner\u2019s tasks', async () => {
    const account = testAccount('Ótica São Jorge');
    await db.accounts.insert(account);
    const renewalDate = addDays(today, 300)!;
    const contract = testContract(account, { renewalDate });
    const { user } = await openContract(contract);

    await user.click(screen.getByRole('button', { name: 'Assinar' }));
    await waitFor(async () => expect((await stored(contract.id)).status).toBe('signed'));
    expect(await screen.findByTestId('contract-status')).toHaveTextContent('Assinado');
    const signed = await stored(contract.id);
    expect(signed.signedAt).toBeGreaterThan(0);

    await waitFor(async () => expect(await activity(contractTaskId(contract.id, 'referral'))).not.toBeNull());
    const expiry = (await activity(contractTaskId(contract.id, 'expiry')))!;
    const renewal = (await activity(contractTaskId(contract.id, 'renewal')))!;
    const referral = (await activity(contractTaskId(contract.id, 'referral')))!;
    // Expiry 30 days before the end, renewal 60 days before its day, both at 09:00 local and due that day (My day, the scheduler).
    expect(expiry).toMatchObject({ type: 'task', taskState: 'open', accountId: account.id, ownerId: 'ana' });
    expect(expiry.reminderAt).toBe(localTimeOn(addDays(contract.endDate, -30)!, 9));
    expect(expiry.dueAt).toBe(expiry.reminderAt);
    expect(expiry.summary).toContain(`Contrato ${contract.number} vence em`);
    expect(renewal.reminderAt).toBe(localTimeOn(addDays(renewalDate, -60)!, 9));
    expect(renewal.summary).toContain('Decidir a renovação');
    // The referral: 90 days after signing, per the clause, carrying its terms.
    expect(referral).toMatchObject({ type: 'task', taskState: 'open', summary: 'Pedir indicação', accountId: account.id });
    expect(referral.dueAt).toBe(localTimeOn(addDays(today, 90)!, 9));
    expect(referral.body).toContain(REFERRAL);

    // Terminating asks for the reason, then takes the reminders away (the referral stays).
    await user.click(screen.getByRole('button', { name: 'Rescindir' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rescindir contrato' });
    await user.click(within(dialog).getByRole('button', { name: 'Rescindir' }));
    expect(await within(dialog).findByText('Informe o motivo da rescisão.')).toBeVisible();
    expect((await stored(contract.id)).status).toBe('signed');
    await user.type(within(dialog).getByRole('textbox', { name: /Motivo da rescisão/ }), 'Cliente fechou a filial');
    await user.click(within(dialog).getByRole('button', { name: 'Rescindir' }));
    await waitFor(async () => expect((await stored(contract.id)).status).toBe('terminated'));
    expect((await stored(contract.id)).notes.map((n) => n.text)).toEqual(['Rescindido: Cliente fechou a filial']);
    await waitFor(async () => expect(await activity(contractTaskId(contract.id, 'expiry'))).toBeNull());
    expect(await activity(contractTaskId(contract.id, 'renewal'))).toBeNull();
    expect(await activity(contractTaskId(contract.id, 'referral'))).not.toBeNull();
  });
});

describe('edits from elsewhere', () => {
  it('show up field by field and keep what is being typed in the others', async () => {
    const account = testAccount('Mercado Bom Preço');
    await db.accounts.insert(account);
    const contract = testContract(account);
    const { user } = await openContract(contract);
    const title = screen.getByRole('textbox', { name: 'Título' });
    await user.clear(title);
    await user.type(title, 'EPIs e uniformes');
    // Another window (or the sync) changes the value meanwhile.
    await (await db.contracts.findOne(contract.id).exec())!.incrementalPatch({ value: { amount: 1_300_000, currency: 'BRL' } });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Valor (BRL)' })).toHaveValue('13000,00'));
    expect(title).toHaveValue('EPIs e uniformes');
  });
});

describe('contract reminders in My day', () => {
  it('shows the expiry and renewal reminders of a contract ending within their lead days on the day it is signed', async () => {
    const account = testAccount('Auto Peças Sul');
    await db.accounts.insert(account);
    const contract = testContract(account, { startDate: addDays(today, -340)!, endDate: addDays(today, 20)! });
    const { user, unmount } = await openContract(contract);
    await user.click(screen.getByRole('button', { name: 'Assinar' }));
    await waitFor(async () => expect(await activity(contractTaskId(contract.id, 'expiry'))).not.toBeNull());
    await waitFor(async () => expect(await activity(contractTaskId(contract.id, 'renewal'))).not.toBeNull());
    unmount();

    renderWithApp(<MyDayPage />, { db, path: '/today' });
    expect(await screen.findByText(new RegExp(`Contrato ${contract.number} vence em`), {}, { timeout: 15_000 })).toBeVisible();
    expect(screen.getByText(new RegExp(`Decidir a renovação do contrato ${contract.number}`))).toBeVisible();
  });
});

describe('contracts signed before the reminders', () => {
  it('get their reminder tasks when the page opens, once however often it is opened', async () => {
    const account = testAccount('Gráfica Norte');
    await db.accounts.insert(account);
    const contract = testContract(account, { status: 'active', startDate: addDays(today, -265)!, endDate: addDays(today, 100)! });
    const { unmount } = await openContract(contract);
    await waitFor(async () => expect(await activity(contractTaskId(contract.id, 'expiry'))).not.toBeNull());
    expect((await activity(contractTaskId(contract.id, 'expiry')))!.dueAt).toBe(localTimeOn(addDays(contract.endDate, -30)!, 9));
    unmount();
    renderWithApp(<ContractPage id={contract.id} />, { db, path: `/contracts/${contract.id}` });
    await screen.findByRole('heading', { name: contract.title, level: 2 });
    await waitFor(async () => expect(await db.activities.count().exec()).toBe(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('contract from a won deal', () => {
  it("creates a draft for the deal's account with its value and the referral clause as edited, and opens it", async () => {
    const account = testAccount('Construtora Horizonte');
    await db.accounts.insert(account);
    const deal = createDoc<Deal>(
      {
        accountId: account.id,
        title: 'Uniformes 2027',
        stage: 'won',
        lines: [],
        value: { amount: 4_590_000, currency: 'BRL' },
        probability: 100,
        expectedClose: '',
        lostReason: '',
        competitorId: '',
        contactIds: [],
        ownerId: 'ana',
        notes: [],
        objections: [],
      },
      'seed',
    );
    await db.deals.insert(deal);
    const user = userEvent.setup();
    const { location } = renderWithApp(<DealPage id={deal.id} />, { db, path: `/pipeline/${deal.id}` });
    const clause = await screen.findByRole('textbox', { name: 'Cláusula de indicação' });
    expect(clause).toHaveValue(REFERRAL);
    await user.clear(clause);
    await user.type(clause, 'O cliente indicará 1 empresa após 30 dias.');
    await user.click(screen.getByRole('button', { name: 'Criar contrato' }));

    await waitFor(async () => expect(await db.contracts.count().exec()).toBe(1));
    const created = (await db.contracts.findOne().exec())!.toJSON() as Contract;
    expect(created).toMatchObject({
      accountId: account.id,
      dealId: deal.id,
      status: 'draft',
      title: 'Uniformes 2027',
      value: { amount: 4_590_000, currency: 'BRL' },
      clauses: [{ kind: 'referral', text: 'O cliente indicará 1 empresa após 30 dias.' }],
    });
    expect(created.number).toMatch(/^CT-\d{4}-[0-9A-Z]{5}$/);
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/contracts/${created.id}`));
    // Back on the deal, its contract is linked.
    expect(await screen.findByRole('link', { name: `Abrir contrato ${created.number}` })).toHaveAttribute('href', `/contracts/${created.id}`);
  });

  it('offers no contract on a deal not won yet', async () => {
    const account = testAccount('Padaria Central');
    await db.accounts.insert(account);
    const deal = createDoc<Deal>(
      {
        accountId: account.id,
        title: 'Fornos',
        stage: 'negotiation',
        lines: [],
        value: { amount: 100, currency: 'BRL' },
        probability: 50,
        expectedClose: '',
        lostReason: '',
        competitorId: '',
        contactIds: [],
        ownerId: 'ana',
        notes: [],
      },
      'seed',
    );
    await db.deals.insert(deal);
    renderWithApp(<DealPage id={deal.id} />, { db, path: `/pipeline/${deal.id}` });
    await screen.findByRole('heading', { name: 'Fornos', level: 2 });
    expect(screen.queryByRole('button', { name: 'Criar contrato' })).toBeNull();
  });
});

describe('contracts list', () => {
  it('lists the contracts with their account and days to expiry, by status or those ending in 90 days', async () => {
    const account = testAccount('Farmácia Popular');
    await db.accounts.insert(account);
    const soon = {
      ...testContract(account, { status: 'active', startDate: addDays(today, -300)!, endDate: addDays(today, 45)! }),
      id: 'c-soon',
      number: 'CT-1',
      title: 'Medicamentos',
    };
    const later = {
      ...testContract(account, { status: 'active', startDate: addDays(today, -10)!, endDate: addDays(today, 200)! }),
      id: 'c-later',
      number: 'CT-2',
      title: 'Higiene',
    };
    const draft = { ...testContract(account, { startDate: '', endDate: addDays(today, 20)! }), id: 'c-draft', number: 'CT-3', title: 'Cosméticos' };
    await db.contracts.bulkInsert([soon, later, draft]);
    const user = userEvent.setup();
    renderWithApp(<ContractsPage />, { db, path: '/contracts' });

    const table = await screen.findByRole('table', { name: 'Contratos' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const row = (title: string) => within(table).getByText(title).closest('[role="row"]')!;
    await waitFor(() => expect(text(row('Medicamentos'))).toContain('Farmácia Popular'));
    expect(text(row('Medicamentos'))).toContain('Vigente');
    expect(text(row('Medicamentos'))).toContain('R$ 12.000,00');
    expect(text(row('Medicamentos'))).toMatch(/45$/);

    await user.click(screen.getByRole('radio', { name: 'Vencem em 90 dias' }));
    // The table is read again for the view: look it up anew.
    await waitFor(() => expect(screen.queryByText('Higiene')).toBeNull());
    expect(within(await screen.findByRole('table', { name: 'Contratos' })).getByText('Medicamentos')).toBeVisible();
    expect(screen.queryByText('Cosméticos')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Todos' }));
    await user.click(screen.getByRole('combobox', { name: 'Situação' }));
    await user.click(await screen.findByRole('option', { name: 'Rascunho', hidden: true }));
    await waitFor(() => expect(screen.queryByText('Medicamentos')).toBeNull());
    expect(screen.getByText('Cosméticos')).toBeVisible();
  });

  it('creates a new draft contract, numbered, and opens it', async () => {
    const user = userEvent.setup();
    const { location } = renderWithApp(<ContractsPage />, { db, path: '/contracts' });
    await user.click(await screen.findByRole('button', { name: 'Novo contrato' }));
    await waitFor(async () => expect(await db.contracts.count().exec()).toBe(1));
    const created = (await db.contracts.findOne().exec())!.toJSON() as Contract;
    expect(created).toMatchObject({ status: 'draft', title: 'Novo contrato', accountId: '', ownerId: 'tester' });
    expect(created.number).toMatch(new RegExp(`^CT-${today.slice(0, 4)}-[0-9A-Z]{5}$`));
    expect(created.versions).toHaveLength(1);
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/contracts/${created.id}`));
  });
});
