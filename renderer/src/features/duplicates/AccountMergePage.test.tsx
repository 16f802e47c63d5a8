import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { docsOfAccount } from '../../db/collections/access';
import { AccountMergePage } from './AccountMergePage';
import { testAccount, testActivity, testContact, testDeal } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'activities', 'deals'] });
  await db.accounts.bulkInsert([
    testAccount('keep', {
      name: 'Papéis Paulista Ltda',
      city: 'São Paulo',
      taxId: '11.222.333/0001-81',
      taxIdDigits: '11222333000181',
      emails: [{ label: 'work', address: 'compras@papeis.com.br' }],
      tags: ['papel'],
    }),
    testAccount('gone', {
      name: 'Distribuidora Paulista de Papéis',
      city: 'Campinas',
      industry: 'Papelaria',
      taxId: '11.222.333/0001-81',
      taxIdDigits: '11222333000181',
      emails: [{ label: 'work', address: 'nf@papeis.com.br' }],
      tags: ['atacado'],
      notes: [{ id: 'n-1', at: 1, by: 'rui', text: 'Prefere visitas às terças' }],
    }),
    testAccount('referred', { name: 'Indicada Ltda', referredBy: 'gone' }),
  ]);
  await db.contacts.bulkInsert([testContact('c-keep', 'keep', 'Ana', 'Souza'), testContact('c-gone', 'gone', 'Rui', 'Lima')]);
  await db.activities.bulkInsert([testActivity('a-keep', 'keep', 'Ligação de apresentação'), testActivity('a-gone', 'gone', 'Visita técnica')]);
  await db.deals.bulkInsert([testDeal('d-gone', 'gone', 'Papel A4 2027')]);
});
afterEach(async () => {
  await db.close();
});

describe('merging two accounts', () => {
  it("shows the accounts' discounts as percents in the user's language", async () => {
    const conditions = testAccount('x').conditions;
    await db.accounts.bulkInsert([
      testAccount('k2', { name: 'Gráfica Norte', conditions: { ...conditions, discountBp: 1250 } }),
      testAccount('g2', { name: 'Grafica Norte', conditions: { ...conditions, discountBp: 500 } }),
    ]);
    renderWithApp(<AccountMergePage id="k2" otherId="g2" />, { db, path: '/accounts/k2/merge/g2' });
    const table = await screen.findByRole('table', { name: 'Escolha o valor a manter' });
    expect(within(table).getByRole('radio', { name: 'Desconto: manter 12,5%' })).toBeChecked();
    expect(within(table).getByRole('radio', { name: 'Desconto: manter 5%' })).not.toBeChecked();
  });

  it('shows differing fields side by side, moves contacts, activities and deals, and writes the record', async () => {
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountMergePage id="keep" otherId="gone" />, { db, path: '/accounts/keep/merge/gone' });
    const table = await screen.findByRole('table', { name: 'Escolha o valor a manter' });
    // Default: the survivor's city; the duplicate's industry (the survivor has none).
    expect(within(table).getByRole('radio', { name: 'Cidade: manter São Paulo' })).toBeChecked();
    expect(within(table).getByRole('radio', { name: 'Setor: manter Papelaria' })).toBeChecked();
    await user.click(within(table).getByRole('radio', { name: 'Cidade: manter Campinas' }));
    expect(within(table).getByRole('radio', { name: 'Cidade: manter Campinas' })).toBeChecked();
    expect(await screen.findByText('Contatos: 1')).toBeVisible();
    expect(screen.getByText('Atividades: 1')).toBeVisible();
    expect(screen.getByText('Negócios: 1')).toBeVisible();
    expect(screen.getByText('Contas indicadas por ela: 1')).toBeVisible();
    expect(screen.getByText('E-mails: 1 + 1 → 2')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Mesclar contas' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe('/accounts/keep'));

    expect(await db.accounts.findOne('gone').exec()).toBeNull();
    const kept = (await db.accounts.findOne('keep').exec())!.toJSON();
    expect(kept.city).toBe('Campinas');
    expect(kept.industry).toBe('Papelaria');
    expect(kept.emails.map((e) => e.address)).toEqual(['compras@papeis.com.br', 'nf@papeis.com.br']);
    expect(kept.tags).toEqual(['papel', 'atacado']);
    expect(kept.notes.map((n) => n.text)).toEqual(['Prefere visitas às terças']);
    expect(kept.updatedBy).toBe('tester');

    const contacts = await docsOfAccount(db, 'contacts', 'keep');
    expect(contacts.map((c) => c.id).sort()).toEqual(['c-gone', 'c-keep']);
    expect(await docsOfAccount(db, 'deals', 'keep')).toHaveLength(1);
    expect((await db.accounts.findOne('referred').exec())!.referredBy).toBe('keep');

    const activities = await docsOfAccount(db, 'activities', 'keep');
    expect(activities.map((a) => a.id)).toEqual(expect.arrayContaining(['a-keep', 'a-gone']));
    const record = activities.find((a) => a.type === 'note')!;
    expect(record.summary).toBe('Conta Distribuidora Paulista de Papéis mesclada nesta conta');
    expect(record.body).toContain('Contatos: 1');
    expect(record.body).toContain('"c-gone"');
    expect(record.body).toContain('"Distribuidora Paulista de Papéis"');
    expect(await docsOfAccount(db, 'activities', 'gone')).toHaveLength(0);
  });

  it('swaps which account stays', async () => {
    const user = userEvent.setup();
    const { location } = renderWithApp(<AccountMergePage id="keep" otherId="gone" />, { db, path: '/accounts/keep/merge/gone' });
    await user.click(await screen.findByRole('button', { name: 'Trocar qual conta fica' }));
    expect(location.history?.at(-1)).toBe('/accounts/gone/merge/keep');
  });

  it('says so when an account no longer exists', async () => {
    renderWithApp(<AccountMergePage id="keep" otherId="nope" />, { db, path: '/accounts/keep/merge/nope' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Uma das contas não existe mais');
  });
});
