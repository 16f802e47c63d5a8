import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { useOverlaysStore } from '../../app/overlays-store';
import type { CarteiraDatabase } from '../../db/types';
import { openExternalLink } from '../../platform/external';
import { ContactDetailPage } from './ContactDetailPage';
import { accountDoc, activityDoc, contactDoc } from './test-fixtures';

vi.mock('../../platform/external', () => ({ openExternalLink: vi.fn(async () => {}) }));

let db: CarteiraDatabase;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'activities'] });
  vi.mocked(openExternalLink).mockClear();
});
afterEach(async () => {
  await db.close();
  useOverlaysStore.setState({ quickLog: null });
});

const isoInDays = (days: number, yearsAgo = 40) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear() - yearsAgo}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('contact page', () => {
  it('shows who the contact is, links the account, and calls or mails through main with E.164 / mailto links', async () => {
    const acme = accountDoc({ name: 'Acme Indústria Ltda', tradeName: 'Acme' });
    const joana = contactDoc({
      firstName: 'Joana',
      lastName: 'Prado',
      role: 'Compradora',
      department: 'Suprimentos',
      accountId: acme.id,
      decisionMaker: true,
      phones: [
        { label: 'whatsapp', number: '+55 11 98765 4321' },
        { label: 'work', number: '+351 21 123 4567' },
      ],
      emails: [{ label: 'work', address: 'joana+compras@acme.com.br' }],
      preferredChannel: 'whatsapp',
      birthday: isoInDays(5),
    });
    await db.accounts.insert(acme);
    await db.contacts.insert(joana);
    const user = userEvent.setup();
    renderWithApp(<ContactDetailPage id={joana.id} />, { db, path: `/contacts/${joana.id}` });

    expect(await screen.findByRole('heading', { name: 'Joana Prado' })).toBeVisible();
    expect(screen.getByText(/Compradora · Suprimentos/)).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Acme' })).toHaveAttribute('href', `/accounts/${acme.id}`);
    expect(screen.getAllByText('Decisor').length).toBeGreaterThan(0);
    expect(screen.getByText('em 5 dias')).toBeVisible();
    // Turns 40 in five days: still 39.
    expect(screen.getByText(/\(39 anos\)/)).toBeVisible();

    const call = screen.getByRole('link', { name: 'Ligar para (11) 98765-4321' });
    expect(call).toHaveAttribute('href', 'tel:+5511987654321');
    await user.click(call);
    expect(openExternalLink).toHaveBeenCalledWith('tel:+5511987654321');
    await user.click(screen.getByRole('link', { name: 'Ligar para +351 21 123 4567' }));
    expect(openExternalLink).toHaveBeenLastCalledWith('tel:+351211234567');
    await user.click(screen.getByRole('link', { name: 'Escrever para joana+compras@acme.com.br' }));
    expect(openExternalLink).toHaveBeenLastCalledWith('mailto:joana%2Bcompras@acme.com.br');
    expect(openExternalLink).toHaveBeenCalledTimes(3);
  });

  it('never turns a stored text that is not a phone or e-mail into a link', async () => {
    const odd = contactDoc({
      firstName: 'Teste',
      phones: [{ label: 'other', number: 'javascript:alert(1)' }],
      emails: [{ label: 'other', address: 'javascript:alert(1)//@x' }],
    });
    await db.contacts.insert(odd);
    renderWithApp(<ContactDetailPage id={odd.id} />, { db, path: `/contacts/${odd.id}` });
    expect(await screen.findByText('javascript:alert(1)')).toBeVisible();
    expect(screen.queryByRole('link', { name: /Ligar|Escrever/ })).toBeNull();
  });

  it('records consent with today’s date and its source, then records the withdrawal', async () => {
    const rui = contactDoc({ firstName: 'Rui', lastName: 'Costa' });
    await db.contacts.insert(rui);
    const user = userEvent.setup();
    renderWithApp(<ContactDetailPage id={rui.id} />, { db, path: `/contacts/${rui.id}` });
    expect(await screen.findByText('Nenhum consentimento registrado.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Registrar consentimento' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrar consentimento' });
    await user.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    expect(await within(dialog).findByText('Informe onde e como o consentimento foi obtido.')).toBeVisible();
    await user.type(within(dialog).getByLabelText('Origem do consentimento'), 'Formulário da feira');
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Registrar' }));
    await waitFor(async () => expect((await db.contacts.findOne(rui.id).exec())!.consent.basis).toBe('consent'));
    const recorded = (await db.contacts.findOne(rui.id).exec())!.consent;
    expect(recorded).toMatchObject({ marketing: true, source: 'Formulário da feira' });
    expect(recorded.at).toBeGreaterThanOrEqual(before);
    expect(await screen.findByText('Origem: Formulário da feira')).toBeVisible();
    expect(screen.getByText(/Marketing:/)).toHaveTextContent('Aceita');

    await user.click(screen.getByRole('button', { name: 'Registrar revogação' }));
    const withdraw = await screen.findByRole('dialog', { name: 'Revogar consentimento' });
    await user.type(within(withdraw).getByLabelText('Como pediu a revogação'), 'Pediu por telefone');
    await user.click(within(withdraw).getByRole('button', { name: 'Registrar' }));
    await waitFor(async () =>
      expect((await db.contacts.findOne(rui.id).exec())!.consent).toMatchObject({ basis: 'none', marketing: false, source: 'Pediu por telefone' }),
    );
    expect(await screen.findByText(/Marketing:/)).toHaveTextContent('Não aceita');
  });

  it('lists the contact’s own activities, newest first, and opens the quick log for the contact', async () => {
    const acme = accountDoc({ name: 'Acme' });
    const joana = contactDoc({ firstName: 'Joana', accountId: acme.id });
    const other = contactDoc({ firstName: 'Outro', accountId: acme.id });
    await db.accounts.insert(acme);
    await db.contacts.bulkInsert([joana, other]);
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 10, 1, 15);
    await db.activities.bulkInsert([
      activityDoc({ accountId: acme.id, contactId: joana.id, at: t0, summary: 'Primeira visita' }),
      activityDoc({ accountId: acme.id, contactId: joana.id, at: t0 + 2 * day, type: 'meeting', summary: 'Negociação de preço' }),
      activityDoc({ accountId: acme.id, contactId: other.id, at: t0 + day, summary: 'Ligação com outro contato' }),
    ]);
    const user = userEvent.setup();
    renderWithApp(<ContactDetailPage id={joana.id} />, { db, path: `/contacts/${joana.id}` });
    const card = (await screen.findByRole('heading', { name: 'Atividades recentes' })).closest('div') as HTMLElement;
    await waitFor(() =>
      expect(
        within(card)
          .getAllByText(/—/)
          .map((e) => e.textContent?.split('— ')[1]),
      ).toEqual(['Negociação de preço', 'Primeira visita']),
    );

    await user.click(screen.getByRole('button', { name: 'Registrar atividade' }));
    expect(useOverlaysStore.getState().quickLog).toEqual({ contactId: joana.id, accountId: acme.id });
  });
});
