import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { docsOfAccount } from '../../db/collections/access';
import { ContactMergePage } from './ContactMergePage';
import { testAccount, testActivity, testContact, testDeal } from './test-fixtures';

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'activities', 'deals'] });
  await db.accounts.insert(testAccount('acc', { name: 'Papéis Paulista Ltda' }));
  const keep = testContact('keep', 'acc', 'Ana', 'Souza');
  keep.role = 'Compradora';
  keep.emails = [{ label: 'work', address: 'ana@papeis.com.br' }];
  keep.emailKey = 'ana@papeis.com.br';
  const gone = testContact('gone', 'acc', 'Ana', 'Sousa');
  gone.department = 'Compras';
  gone.phones = [{ label: 'mobile', number: '+55 11 98765 4321' }];
  gone.emails = [{ label: 'work', address: 'ana@papeis.com.br' }];
  gone.emailKey = 'ana@papeis.com.br';
  await db.contacts.bulkInsert([keep, gone]);
  const call = testActivity('call', 'acc', 'Ligação com a Ana');
  call.contactId = 'gone';
  await db.activities.bulkInsert([call, testActivity('other', 'acc', 'Visita sem contato')]);
  const deal = testDeal('deal', 'acc', 'Papel A4');
  deal.contactIds = ['gone'];
  await db.deals.insert(deal);
});
afterEach(async () => {
  await db.close();
});

describe('merging two contacts', () => {
  it('moves the activities and deals of the one that goes, combines the lists and writes the record', async () => {
    const user = userEvent.setup();
    const { location } = renderWithApp(<ContactMergePage id="keep" otherId="gone" />, { db, path: '/contacts/keep/merge/gone' });
    const table = await screen.findByRole('table', { name: 'Escolha o valor a manter' });
    expect(within(table).getByRole('radio', { name: 'Sobrenome: manter Souza' })).toBeChecked();
    expect(within(table).getByRole('radio', { name: 'Departamento: manter Compras' })).toBeChecked();
    await user.click(within(table).getByRole('radio', { name: 'Sobrenome: manter Sousa' }));
    expect(await screen.findByText('Atividades: 1')).toBeVisible();
    expect(screen.getByText('Negócios: 1')).toBeVisible();
    expect(screen.getByText('E-mails: 1 + 1 → 1')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Mesclar contatos' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe('/contacts/keep'));
    expect(await db.contacts.findOne('gone').exec()).toBeNull();
    const kept = (await db.contacts.findOne('keep').exec())!.toJSON();
    expect(kept).toMatchObject({ lastName: 'Sousa', nameSort: 'ana sousa', role: 'Compradora', department: 'Compras' });
    expect(kept.phones.map((p) => p.number)).toEqual(['+55 11 98765 4321']);
    expect((await db.activities.findOne('call').exec())!.contactId).toBe('keep');
    expect((await db.deals.findOne('deal').exec())!.contactIds).toEqual(['keep']);
    const record = (await docsOfAccount(db, 'activities', 'acc')).find((a) => a.type === 'note')!;
    expect(record).toMatchObject({ contactId: 'keep', summary: 'Contato Ana Sousa mesclado neste contato' });
    expect(record.body).toContain('"gone"');
  });
});
