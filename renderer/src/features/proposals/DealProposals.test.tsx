import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Deal, Product } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { accountFieldsFromForm, emptyAccountForm } from '@shared/domain/account-form';
import { sortKey } from '@shared/domain/text';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { ExportFile } from '../../platform/external';
import type { CarteiraDatabase } from '../../db/types';
import { useDocument } from '../../db/hooks';
import { useCompanyStore } from './company-store';
import { DealProposals } from './DealProposals';

const saved: ExportFile[] = [];
vi.mock('../../platform/external', () => ({
  saveExportFile: vi.fn(async (file: ExportFile) => {
    saved.push(file);
    return true;
  }),
}));

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'deals', 'products'] });
  saved.length = 0;
  useCompanyStore.setState({ company: { name: '', taxId: '', address: '', phone: '', email: '', website: '' } });
});
afterEach(async () => {
  await db.close();
});

async function seed() {
  const base = accountFieldsFromForm({ ...emptyAccountForm(), taxIdKind: 'none', name: 'Construtora São João' });
  const account = createDoc<Account>(
    { ...base, conditions: { ...base.conditions, priceListId: 'tabela-b', discountBp: 0, paymentTerms: 'Boleto 30 dias' } },
    'seed',
  );
  const product = createDoc<Product>(
    {
      sku: 'EPI-001',
      name: 'Luvas de proteção',
      nameSort: sortKey('Luvas de proteção'),
      category: 'EPI',
      description: '',
      unit: 'cx',
      availability: 'in_stock',
      stockQty: 10,
      active: true,
      prices: [{ priceListId: 'tabela-b', amount: 4_990, currency: 'BRL' }],
    },
    'seed',
  );
  const deal = createDoc<Deal>(
    {
      accountId: account.id,
      title: 'Renovação de EPIs',
      stage: 'negotiation',
      lines: [{ id: 'l1', productId: product.id, sku: 'EPI-001', name: 'Luvas de proteção', qty: 3, unitPrice: 4_990, discountBp: 1_000 }],
      value: { amount: 13_473, currency: 'BRL' },
      probability: 75,
      expectedClose: '2099-01-01',
      lostReason: '',
      competitorId: '',
      contactIds: [],
      ownerId: 'ana',
      notes: [],
    },
    'seed',
  );
  await db.accounts.insert(account);
  await db.products.insert(product);
  await db.deals.insert(deal);
  return { account, deal };
}

function LiveProposals({ dealId, account }: { dealId: string; account: Account }) {
  const deal = useDocument('deals', dealId);
  return deal ? <DealProposals deal={deal} account={account} /> : null;
}

describe('deal proposals', () => {
  it('keeps each proposal sent on the deal with its totals and saves its PDF; the company name is asked first', async () => {
    const { account, deal } = await seed();
    renderWithApp(<LiveProposals dealId={deal.id} account={account} />, { db });
    expect(await screen.findByText('Nenhuma proposta enviada ainda.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Nova proposta (PDF)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nova proposta' });
    expect((within(dialog).getByLabelText('Condições de pagamento') as HTMLInputElement).value).toBe('Boleto 30 dias');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gerar e salvar PDF' }));
    expect(await within(dialog).findByText('Informe o nome da sua empresa.')).toBeTruthy();
    expect(saved).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText(/Nome da empresa/), 'Distribuidora Açores Ltda.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gerar e salvar PDF' }));
    await screen.findByText('Proposta nº 1 guardada no negócio.', {}, { timeout: 20_000 });

    const stored = (await db.deals.findOne(deal.id).exec())!.toJSON();
    expect(stored.proposals).toHaveLength(1);
    // 49,90 − 10 % = 44,91 × 3 = 134,73
    expect(stored.proposals![0]).toMatchObject({ number: 1, language: 'pt-BR', paymentTerms: 'Boleto 30 dias', totals: { net: 13_473, lineCount: 1 } });
    expect(saved[0]!.fileName).toBe('proposta-1-renovacao-de-epis.pdf');
    expect(saved[0]!.mimeType).toBe('application/pdf');
    expect(new TextDecoder().decode((saved[0]!.content as Uint8Array).slice(0, 5))).toBe('%PDF-');
    // The version is listed, and the company is remembered for the next one.
    await waitFor(() => expect(within(screen.getByTestId('proposal-versions')).getByText('nº 1')).toBeTruthy());
    expect(useCompanyStore.getState().company.name).toBe('Distribuidora Açores Ltda.');
  }, 60_000);

  it('names the line to fix instead of sending a proposal above the discount ceiling', async () => {
    const { account, deal } = await seed();
    await db.deals
      .findOne(deal.id)
      .exec()
      .then((d) => d!.incrementalPatch({ lines: [{ ...deal.lines[0]!, discountBp: 3_000 }] }));
    useCompanyStore.setState({ company: { name: 'Distribuidora', taxId: '', address: '', phone: '', email: '', website: '' } });
    renderWithApp(<LiveProposals dealId={deal.id} account={account} />, { db });
    await userEvent.click(await screen.findByRole('button', { name: 'Nova proposta (PDF)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nova proposta' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gerar e salvar PDF' }));
    expect(await within(dialog).findByText(/EPI-001 Luvas de proteção: desconto acima do teto permitido para esta conta/)).toBeTruthy();
    expect((await db.deals.findOne(deal.id).exec())!.toJSON().proposals).toBeUndefined();
    expect(saved).toHaveLength(0);
  });
});
