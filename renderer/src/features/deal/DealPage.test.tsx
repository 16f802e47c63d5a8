import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Activity, Competitor, Contact, Deal } from '@shared/models';
import { contactFieldsFromForm, emptyContactForm } from '@shared/domain/contact-form';
import { createDoc } from '@shared/domain/documents';
import { localIsoDay } from '@shared/domain/local-day';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount, testProduct } from '../catalogue/catalogue-fixtures';
import { DealPage } from './DealPage';
import { dealRoutes } from './routes';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, {
    collections: ['deals', 'accounts', 'products', 'contacts', 'competitors', 'activities', 'orders', 'contracts'],
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.close();
});

/** Text as read aloud: Intl puts no-break spaces in money. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');

function testDeal(account: Account, fields: Partial<Deal> = {}): Deal {
  return createDoc<Deal>(
    {
      accountId: account.id,
      title: 'Luvas para a linha de montagem',
      stage: 'negotiation',
      lines: [],
      value: { amount: 0, currency: 'BRL' },
      probability: 75,
      expectedClose: '',
      lostReason: '',
      competitorId: '',
      contactIds: [],
      ownerId: 'ana',
      notes: [],
      objections: [],
      ...fields,
    },
    'seed',
  );
}

const stored = async (id: string): Promise<Deal> => (await db.deals.findOne(id).exec())!.toJSON() as Deal;

const gloves = () =>
  testProduct({
    sku: 'EPI-000123',
    name: 'Luva nitrílica — caixa com 100',
    category: 'EPI',
    unit: 'cx',
    prices: [
      { priceListId: 'tabela-a', amount: 1999, currency: 'BRL' },
      { priceListId: 'tabela-b', amount: 2500, currency: 'BRL' },
    ],
  });

async function openDeal(deal: Deal) {
  await db.deals.insert(deal);
  const user = userEvent.setup();
  renderWithApp(<DealPage id={deal.id} />, { db, path: `/pipeline/${deal.id}` });
  await screen.findByRole('heading', { name: deal.title, level: 2 });
  return user;
}

describe('deal page', () => {
  it('marks the deal lost only with a reason, then stores it with the close day and shows it', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const deal = testDeal(account);
    const user = await openDeal(deal);
    expect(await screen.findByRole('link', { name: 'Metalúrgica Vale' })).toHaveAttribute('href', `/accounts/${account.id}`);

    await user.click(screen.getByRole('combobox', { name: 'Etapa' }));
    await user.click(await screen.findByRole('option', { name: 'Perdido', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Marcar como perdido' });
    await user.click(within(dialog).getByRole('button', { name: 'Marcar como perdido' }));
    expect(await within(dialog).findByText('Informe o motivo da perda.')).toBeVisible();
    expect((await stored(deal.id)).stage).toBe('negotiation');

    await user.type(within(dialog).getByRole('textbox', { name: /Motivo da perda/ }), 'Preço do concorrente 12% menor');
    await user.click(within(dialog).getByRole('button', { name: 'Marcar como perdido' }));
    await waitFor(async () => expect((await stored(deal.id)).stage).toBe('lost'));
    const saved = await stored(deal.id);
    expect(saved.lostReason).toBe('Preço do concorrente 12% menor');
    expect(saved.probability).toBe(0);
    expect(saved.closedAt).toBe(localIsoDay());
    expect(await screen.findByTestId('lost-reason')).toHaveTextContent('Motivo da perda: Preço do concorrente 12% menor');
  });

  it("adds a product found by name or SKU priced on the account's list and conditions, and keeps the deal's value to the cent", async () => {
    const account = testAccount('Distribuidora Paulista', { priceListId: 'tabela-a', discountBp: 500 });
    const tape = testProduct({ sku: 'FIT-000042', name: 'Fita isolante 19 mm', category: 'Elétrica', unit: 'un', price: 333 });
    await db.accounts.insert(account);
    await db.products.bulkInsert([gloves(), tape]);
    const deal = testDeal(account);
    const user = await openDeal(deal);

    const search = screen.getByRole('textbox', { name: 'Adicionar produto' });
    await user.type(search, 'luva nitr');
    await user.click(await screen.findByRole('button', { name: 'Adicionar Luva nitrílica — caixa com 100' }));
    // tabela-a 19,99 − 5 % of the account = 18,9905 → 18,99.
    await waitFor(async () => expect((await stored(deal.id)).value.amount).toBe(1899));
    expect((await stored(deal.id)).lines).toMatchObject([{ sku: 'EPI-000123', qty: 1, unitPrice: 1899, discountBp: 0 }]);

    const quantity = await screen.findByRole('textbox', { name: 'Quantidade de Luva nitrílica — caixa com 100' });
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.tab();
    await waitFor(async () => expect((await stored(deal.id)).value.amount).toBe(5697));

    // By SKU, lower case: the tape has no tabela-a price, so it falls back to the default list (3,33 − 5 % = 3,1635 → 3,16).
    await user.type(search, 'fit-');
    await user.click(await screen.findByRole('button', { name: 'Adicionar Fita isolante 19 mm' }));
    await waitFor(async () => expect((await stored(deal.id)).value.amount).toBe(5697 + 316));
    await waitFor(() => expect(text(screen.getByTestId('total-net'))).toBe('R$ 60,13'));
    // Gross at list prices: 3 × 19,99 + 3,33 = 63,30; discounts 3,17.
    expect(text(screen.getByTestId('total-gross'))).toBe('R$ 63,30');
    expect(text(screen.getByTestId('total-discountTotal'))).toBe('-R$ 3,17');

    // A bonus line is given: 0 in the value, its list value apart.
    await user.click(screen.getByRole('checkbox', { name: 'Bonificação de Fita isolante 19 mm' }));
    await waitFor(async () => expect((await stored(deal.id)).value.amount).toBe(5697));
    await waitFor(() => expect(text(screen.getByTestId('total-bonusValue'))).toBe('R$ 3,33'));

    await user.click(screen.getByRole('button', { name: 'Remover Fita isolante 19 mm' }));
    await waitFor(async () => expect((await stored(deal.id)).lines).toHaveLength(1));
  });

  it('refuses a discount above the ceiling and a fractional box with the reason, keeping what was typed and saving nothing', async () => {
    const account = testAccount('Ótica São Jorge', { priceListId: 'tabela-b' });
    const product = gloves();
    await db.accounts.insert(account);
    await db.products.insert(product);
    const line = { id: 'line-1', productId: product.id, sku: product.sku, name: product.name, qty: 2, unitPrice: 2500, discountBp: 0 };
    const deal = testDeal(account, { lines: [line], value: { amount: 5000, currency: 'BRL' } });
    const user = await openDeal(deal);

    const discount = await screen.findByRole('textbox', { name: 'Desconto de Luva nitrílica — caixa com 100 (%)' });
    await user.clear(discount);
    await user.type(discount, '15');
    await user.tab();
    expect(await screen.findByText(/^Desconto acima do máximo permitido para esta conta \(10\s?%\)\.$/)).toBeVisible();
    expect(discount).toHaveValue('15');

    const quantity = screen.getByRole('textbox', { name: 'Quantidade de Luva nitrílica — caixa com 100' });
    await user.clear(quantity);
    await user.type(quantity, '2,5');
    await user.tab();
    expect(await screen.findByText('Este produto é vendido só em unidades inteiras.')).toBeVisible();
    expect(quantity).toHaveValue('2,5');
    const saved = await stored(deal.id);
    expect(saved.lines).toEqual([line]);
    expect(saved.value.amount).toBe(5000);

    // Within the ceiling it is saved: 2 × 25,00 − 10 % = 45,00.
    await user.clear(quantity);
    await user.type(quantity, '2');
    await user.clear(discount);
    await user.type(discount, '10');
    await user.tab();
    await waitFor(async () => expect((await stored(deal.id)).value.amount).toBe(4500));
    expect((await stored(deal.id)).lines[0]).toMatchObject({ qty: 2, discountBp: 1000 });
  });

  it('records an objection with its answer, and answers one later', async () => {
    const account = testAccount('Padaria Central');
    await db.accounts.insert(account);
    const deal = testDeal(account);
    const user = await openDeal(deal);

    await user.click(screen.getByRole('button', { name: 'Registrar objeção' }));
    expect(await screen.findByText('Escreva a objeção.')).toBeVisible();
    expect((await stored(deal.id)).objections).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Objeção' }), 'O prazo de entrega é longo');
    await user.type(screen.getByRole('textbox', { name: 'Resposta' }), 'Entrega parcial em 5 dias');
    await user.click(screen.getByRole('button', { name: 'Registrar objeção' }));
    await waitFor(async () => expect((await stored(deal.id)).objections).toHaveLength(1));
    const [objection] = (await stored(deal.id)).objections!;
    expect(objection).toMatchObject({ objection: 'O prazo de entrega é longo', answer: 'Entrega parcial em 5 dias', by: 'tester' });
    expect(objection!.at).toBeGreaterThan(0);

    await user.type(screen.getByRole('textbox', { name: 'Objeção' }), 'Preço acima do orçamento');
    await user.click(screen.getByRole('button', { name: 'Registrar objeção' }));
    const answer = await screen.findByRole('textbox', { name: 'Resposta à objeção “Preço acima do orçamento”' });
    await user.type(answer, 'Bonificação de 1 caixa');
    await user.tab();
    await waitFor(async () => expect((await stored(deal.id)).objections?.[1]?.answer).toBe('Bonificação de 1 caixa'));
  });

  it("lists the deal's activities newest first, each linking to its page", async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const deal = testDeal(account);
    const activity = (summary: string, at: number, dealId = deal.id) =>
      createDoc<Activity>(
        {
          type: 'call',
          accountId: account.id,
          contactId: '',
          dealId,
          at,
          atInv: Number.MAX_SAFE_INTEGER - at,
          summary,
          body: '',
          outcome: '',
          durationMin: 0,
          taskState: 'none',
          dueAt: 0,
          reminderAt: 0,
          ownerId: 'ana',
        },
        'seed',
      );
    const older = activity('Primeira ligação', 1_700_000_000_000);
    const newer = activity('Retorno sobre o preço', 1_700_100_000_000);
    await db.activities.bulkInsert([older, newer, activity('Outro negócio', 1_700_200_000_000, 'other')]);
    await openDeal(deal);
    const list = await screen.findByRole('list', { name: 'Atividades do negócio' });
    const links = await within(list).findAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Retorno sobre o preço', 'Primeira ligação']);
    expect(links[0]).toHaveAttribute('href', `/activities/${newer.id}`);
  });

  it("edits the header: a contact among the account's, the competitor, the probability", async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const contact = createDoc<Contact>(
      contactFieldsFromForm(
        { ...emptyContactForm({ accountId: account.id }), firstName: 'Marina', lastName: 'Souza', emails: [{ label: 'work', address: 'marina@vale.com.br' }] },
        Date.now(),
      ),
      'seed',
    );
    await db.contacts.insert(contact);
    const rival = createDoc<Competitor>(
      { name: 'Luvex', nameSort: 'luvex', website: '', strengths: [], weaknesses: [], opportunities: [], threats: [], pricePositioning: 'lower', notes: [] },
      'seed',
    );
    await db.competitors.insert(rival);
    const deal = testDeal(account);
    const user = await openDeal(deal);

    await user.click(screen.getByPlaceholderText('Escolha entre os contatos da conta'));
    await user.click(await screen.findByRole('option', { name: 'Marina Souza', hidden: true }));
    await waitFor(async () => expect((await stored(deal.id)).contactIds).toEqual([contact.id]));

    await user.click(screen.getByRole('combobox', { name: 'Concorrente' }));
    await user.click(await screen.findByRole('option', { name: 'Luvex', hidden: true }));
    await waitFor(async () => expect((await stored(deal.id)).competitorId).toBe(rival.id));

    const probability = screen.getByRole('textbox', { name: 'Probabilidade (%)' });
    await user.clear(probability);
    await user.type(probability, '60');
    await user.tab();
    await waitFor(async () => expect((await stored(deal.id)).probability).toBe(60));
  });

  it('says plainly when a save fails and keeps what was typed', async () => {
    const account = testAccount('Metalúrgica Vale');
    await db.accounts.insert(account);
    const deal = testDeal(account);
    const user = await openDeal(deal);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const owner = screen.getByRole('textbox', { name: 'Responsável' });
    // The model keeps an owner to 80 characters: the repository refuses the write.
    const tooLong = 'x'.repeat(81);
    await user.clear(owner);
    await user.type(owner, tooLong);
    await user.tab();
    expect(await screen.findByText('Não foi possível salvar a alteração; o que você digitou continua no campo.')).toBeVisible();
    expect(owner).toHaveValue(tooLong);
    expect((await stored(deal.id)).ownerId).toBe('ana');
  });

  it('says so when the deal does not exist, and routes /pipeline/:id', async () => {
    renderWithApp(<DealPage id="nope" />, { db, path: '/pipeline/nope' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Este negócio não existe ou foi excluído.');
    expect(dealRoutes.map((r) => r.path)).toEqual(['/pipeline/:id']);
  });
});
