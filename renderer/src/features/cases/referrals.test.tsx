import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Activity, Contact } from '@shared/models';
import { contactFieldsFromForm, emptyContactForm } from '@shared/domain/contact-form';
import { createDoc } from '@shared/domain/documents';
import { referralRecord, referralRecordId } from '@shared/domain/referrals';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testAccount } from '../catalogue/catalogue-fixtures';
import { AccountEditPage } from '../accounts/AccountEditPage';
import { Account360Page } from '../accounts/Account360Page';

// Mantine's combobox scrolls the chosen option into view; jsdom has no layout.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'activities', 'cases', 'deals', 'orders', 'contracts'] });
  localStorage.clear();
});
afterEach(async () => {
  await db.close();
});

describe('a referred account', () => {
  it('with source "Indicação", names the referring account and its contact; the referring account gets the note of who referred whom', async () => {
    const referrer = testAccount('Padaria Sol');
    await db.accounts.insert(referrer);
    const marina = createDoc<Contact>(
      contactFieldsFromForm(
        { ...emptyContactForm({ accountId: referrer.id }), firstName: 'Marina', lastName: 'Souza', emails: [{ label: 'work', address: 'marina@sol.com.br' }] },
        Date.now(),
      ),
      'seed',
    );
    await db.contacts.insert(marina);
    const user = userEvent.setup();
    renderWithApp(<AccountEditPage />, { db, path: '/accounts/new' });
    await user.type(screen.getByLabelText(/Razão social/), 'Confeitaria Lua');
    await user.selectOptions(screen.getByLabelText('Tipo de documento'), 'none');
    expect(screen.queryByRole('combobox', { name: 'Indicada por' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Origem'), 'referral');

    await user.click(await screen.findByRole('combobox', { name: 'Indicada por' }));
    await user.type(screen.getByRole('combobox', { name: 'Indicada por' }), 'Padaria');
    await user.click(await screen.findByRole('option', { name: 'Padaria Sol', hidden: true }));
    await user.click(screen.getByRole('combobox', { name: 'Contato que indicou' }));
    await user.click(await screen.findByRole('option', { name: 'Marina Souza', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    const named = async (name: string) => (await db.accounts.find().exec()).map((d) => d.toJSON()).filter((a) => a.name === name);
    await waitFor(async () => expect(await named('Confeitaria Lua')).toHaveLength(1));
    const [saved] = await named('Confeitaria Lua');
    expect(saved).toMatchObject({ source: 'referral', referredBy: referrer.id });
    await waitFor(async () => expect(await db.activities.findOne(referralRecordId(saved!.id)).exec()).not.toBeNull());
    const note = (await db.activities.findOne(referralRecordId(saved!.id)).exec())!.toJSON() as Activity;
    expect(note).toMatchObject({ type: 'note', accountId: referrer.id, contactId: marina.id, summary: 'Indicou Confeitaria Lua' });
  });

  it("the referring account's page shows each referral given with its outcome and the contact who made it", async () => {
    const referrer = testAccount('Padaria Sol');
    const marina = createDoc<Contact>(
      contactFieldsFromForm(
        { ...emptyContactForm({ accountId: referrer.id }), firstName: 'Marina', lastName: 'Souza', emails: [{ label: 'work', address: 'marina@sol.com.br' }] },
        Date.now(),
      ),
      'seed',
    );
    const won = { ...testAccount('Confeitaria Lua'), source: 'referral' as const, referredBy: referrer.id, status: 'client' as const };
    const pending = { ...testAccount('Café Estrela'), source: 'referral' as const, referredBy: referrer.id, status: 'lead' as const };
    await db.accounts.bulkInsert([referrer, won, pending]);
    await db.contacts.insert(marina);
    const record = referralRecord({ referred: won, contactId: marina.id, ownerId: 'ana', now: Date.now() })!;
    await db.activities.insert(createDoc<Activity>(record.fields, 'seed', Date.now(), record.id));

    renderWithApp(<Account360Page id={referrer.id} />, { db, path: `/accounts/${referrer.id}` });
    const section = await screen.findByRole('region', { name: 'Indicações' });
    const wonLine = (await within(section).findByRole('link', { name: 'Confeitaria Lua' })).closest('li')!;
    await waitFor(() => expect(wonLine).toHaveTextContent('Virou cliente'));
    await waitFor(() => expect(wonLine).toHaveTextContent('por Marina Souza'));
    const pendingLine = within(section).getByRole('link', { name: 'Café Estrela' }).closest('li')!;
    expect(pendingLine).toHaveTextContent('Em andamento');
  });
});
