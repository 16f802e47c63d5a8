import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Account, Contact, CrmEvent } from '@shared/models';
import { createDoc } from '@shared/domain/documents';
import { localIsoDay } from '@shared/domain/local-day';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import type { CarteiraDatabase } from '../../db/types';
import { testProduct } from '../catalogue/catalogue-fixtures';
import { testAccount, testContact } from '../duplicates/test-fixtures';
import { FairCapturePage } from './FairCapturePage';
import { EventPage } from './EventPage';

let db: CarteiraDatabase;
beforeEach(async () => {
  localStorage.clear();
  db = await openTestDatabase('memory', undefined, { collections: ['events', 'accounts', 'contacts', 'activities', 'products'] });
});
afterEach(async () => {
  await db.close();
});

const CONSENT = 'Autorizo a Distribuidora a me enviar ofertas e novidades por e-mail e WhatsApp (LGPD).';

function testEvent(fields: Partial<CrmEvent> = {}): CrmEvent {
  return createDoc<CrmEvent>(
    {
      name: 'Feicon 2026',
      kind: 'trade_fair',
      startDate: localIsoDay(),
      endDate: localIsoDay(),
      venue: 'São Paulo Expo',
      city: 'São Paulo',
      state: 'SP',
      invitations: [],
      leadAccountIds: [],
      ownerId: 'ana',
      notes: [],
      consentText: CONSENT,
      consentRequired: true,
      questions: [{ id: 'q1', label: 'Compra em volume?', kind: 'yes_no' }],
      captures: [],
      ...fields,
    },
    'seed',
  );
}

const storedEvent = async (id: string) => (await db.events.findOne(id).exec())!.toJSON() as CrmEvent;
const allAccounts = async () => (await db.accounts.find().exec()).map((d) => d.toJSON() as Account);
const allContacts = async () => (await db.contacts.find().exec()).map((d) => d.toJSON() as Contact);

async function openCapture(event: CrmEvent) {
  await db.events.insert(event);
  const user = userEvent.setup();
  const view = renderWithApp(<FairCapturePage id={event.id} />, { db, path: `/events/${event.id}/capture` });
  const name = await screen.findByRole('textbox', { name: 'Nome' });
  await waitFor(() => expect(name).toHaveFocus());
  return { user, ...view };
}

describe('fair mode', () => {
  it('captures two leads by keyboard only, each stored with the event, its consent text and answers', async () => {
    await db.products.bulkInsert([
      testProduct({ sku: 'EPI-1', name: 'Luva', category: 'EPI' }),
      testProduct({ sku: 'PAP-1', name: 'Resma', category: 'Papelaria' }),
    ]);
    const event = testEvent();
    const { user } = await openCapture(event);
    await screen.findByRole('checkbox', { name: 'EPI' });

    // Lead 1: every field by Tab; Space ticks the interest and the consent; "s" picks "Sim"; Enter saves.
    await user.keyboard('Ana Souza{Tab}Papelaria Central{Tab}{Tab}Compradora{Tab}(11) 98765-4321{Tab}ana@papelariacentral.com.br');
    await user.tab(); // interests: EPI
    await user.keyboard(' ');
    await user.tab(); // Papelaria
    await user.tab(); // question
    await user.keyboard('s');
    await user.tab(); // consent
    await user.keyboard(' ');
    await user.tab(); // note
    await user.keyboard('Quer catálogo de EPI{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Lead salvo: Ana Souza.')).toBeVisible();
    const name = screen.getByRole('textbox', { name: 'Nome' });
    expect(name).toHaveFocus();
    expect(name).toHaveValue('');

    // Lead 2: name and consent only, Enter from the consent checkbox.
    await user.keyboard('Bruno Lima{Tab}Metalúrgica Vale');
    for (let i = 0; i < 8; i++) await user.tab();
    expect(screen.getByRole('checkbox', { name: `Consentimento: ${CONSENT}` })).toHaveFocus();
    await user.keyboard(' {Enter}');
    expect(await screen.findByText('Lead salvo: Bruno Lima.')).toBeVisible();

    await waitFor(async () => expect((await storedEvent(event.id)).leadAccountIds).toHaveLength(2));
    const saved = await storedEvent(event.id);
    const accounts = await allAccounts();
    expect(accounts.map((a) => [a.name, a.status, a.source]).sort()).toEqual([
      ['Metalúrgica Vale', 'lead', 'fair'],
      ['Papelaria Central', 'lead', 'fair'],
    ]);
    expect(new Set(saved.leadAccountIds)).toEqual(new Set(accounts.map((a) => a.id)));
    const ana = (await allContacts()).find((c) => c.firstName === 'Ana')!;
    expect(ana).toMatchObject({ lastName: 'Souza', role: 'Compradora', emailKey: 'ana@papelariacentral.com.br' });
    expect(ana.consent).toMatchObject({ basis: 'consent', marketing: true, source: 'Feicon 2026' });
    expect(ana.consent.at).toBeGreaterThan(0);
    expect(ana.notes.map((n) => n.text).join('\n')).toContain(CONSENT);
    expect(ana.notes[0]!.text).toContain('Compra em volume?: Sim');
    expect(saved.captures?.find((c) => c.contactId === ana.id)).toMatchObject({
      kind: 'lead',
      interests: ['EPI'],
      answers: [{ questionId: 'q1', value: 'yes' }],
    });
    expect(screen.getByTestId('captured-today')).toHaveTextContent('2 capturas hoje');
    expect(screen.getByTestId('leads-at-event')).toHaveTextContent('2 leads neste evento');
  });

  it('detects an existing client by e-mail and logs the visit on the account instead of a new lead', async () => {
    const client = testAccount('a-client', { name: 'Papelaria Central Ltda', status: 'client' });
    const person = {
      ...testContact('c-client', client.id, 'Ana', 'Souza'),
      emails: [{ label: 'work' as const, address: 'ana@papelariacentral.com.br' }],
      emailKey: 'ana@papelariacentral.com.br',
    };
    await db.accounts.insert(client);
    await db.contacts.insert(person);
    const event = testEvent();
    const { user } = await openCapture(event);

    await user.keyboard('Ana{Tab}{Tab}{Tab}{Tab}{Tab}ANA@papelariacentral.com.br');
    const offer = await screen.findByRole(
      'button',
      { name: 'Este é um cliente existente → registrar a visita na conta Papelaria Central Ltda' },
      { timeout: 3000 },
    );
    expect(within(screen.getByRole('alert', { name: 'Cliente existente?' })).getByText(/mesmo e-mail/)).toBeVisible();
    await user.tab();
    expect(offer).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Visita registrada na conta Papelaria Central Ltda.')).toBeVisible();

    const visits = (await db.activities.find().exec()).map((d) => d.toJSON());
    expect(visits).toMatchObject([{ type: 'visit', accountId: client.id, contactId: person.id, summary: 'Visita ao estande — Feicon 2026' }]);
    expect(visits[0]!.body).toContain(`#/events/${event.id}`);
    expect(await allAccounts()).toHaveLength(1);
    const saved = await storedEvent(event.id);
    expect(saved.leadAccountIds).toEqual([client.id]);
    expect(saved.captures).toMatchObject([{ kind: 'visit', accountId: client.id, activityId: visits[0]!.id }]);
  });

  it('detects an existing client by tax id', async () => {
    await db.accounts.insert(testAccount('a-cnpj', { name: 'Metalúrgica Vale', taxId: '11.222.333/0001-81', taxIdDigits: '11222333000181' }));
    const { user } = await openCapture(testEvent());
    await user.keyboard('Bruno{Tab}{Tab}11222333000181');
    expect(await screen.findByRole('button', { name: /registrar a visita na conta Metalúrgica Vale/ }, { timeout: 3000 })).toBeVisible();
    expect(screen.getByText(/mesmo CNPJ\/CPF 11.222.333\/0001-81/)).toBeVisible();
  });

  it('keeps a half-typed lead through an unmount and a remount (the draft)', async () => {
    const event = testEvent();
    const { user, unmount } = await openCapture(event);
    await user.keyboard('Carla Dias{Tab}Construtora Norte{Tab}{Tab}Engenheira');
    unmount();

    renderWithApp(<FairCapturePage id={event.id} />, { db, path: `/events/${event.id}/capture` });
    expect(await screen.findByRole('textbox', { name: 'Nome' })).toHaveValue('Carla Dias');
    expect(screen.getByRole('textbox', { name: 'Empresa' })).toHaveValue('Construtora Norte');
    expect(screen.getByRole('textbox', { name: 'Cargo' })).toHaveValue('Engenheira');
    expect(screen.getByRole('status', { name: /rascunho|restaurad/i })).toBeVisible();
  });

  it('shows an invalid e-mail and missing consent next to their fields and keeps everything typed', async () => {
    const event = testEvent();
    const { user } = await openCapture(event);
    await user.keyboard('Diego Alves{Tab}Frigorífico Sul{Tab}{Tab}{Tab}{Tab}diego@frigorifico{Enter}');
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    expect(await screen.findByText('E-mail inválido.')).toBeVisible();
    expect(screen.getByText('Este evento exige o consentimento para salvar o lead.')).toBeVisible();
    expect(email).toHaveFocus();
    expect(email).toHaveValue('diego@frigorifico');
    expect(screen.getByRole('textbox', { name: 'Nome' })).toHaveValue('Diego Alves');
    expect(screen.getByRole('textbox', { name: 'Empresa' })).toHaveValue('Frigorífico Sul');
    expect(await allAccounts()).toHaveLength(0);

    await user.keyboard('.com.br');
    expect(screen.queryByText('E-mail inválido.')).toBeNull();
  });
});

describe('event page', () => {
  it('refuses an end before the start with a message, and saves questions and consent text', async () => {
    const event = testEvent({ questions: [], consentText: '' });
    await db.events.insert(event);
    const user = userEvent.setup();
    renderWithApp(<EventPage id={event.id} />, { db, path: `/events/${event.id}` });
    const end = await screen.findByLabelText('Término');
    await user.clear(end);
    await user.type(end, '2020-01-01');
    expect(screen.getByText('O término não pode ser antes do início.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Salvar evento' }));
    expect((await storedEvent(event.id)).endDate).toBe(event.endDate);

    await user.clear(end);
    await user.type(end, event.startDate);
    await user.type(screen.getByRole('textbox', { name: 'Estande' }), 'Rua C, 42');
    await user.type(screen.getByRole('textbox', { name: 'Texto de consentimento exibido aos leads' }), CONSENT);
    await user.click(screen.getByRole('button', { name: 'Adicionar pergunta' }));
    await user.type(screen.getByRole('textbox', { name: 'Pergunta' }), 'Compra em volume?');
    await user.click(screen.getByRole('button', { name: 'Salvar evento' }));
    await waitFor(async () => expect((await storedEvent(event.id)).stand).toBe('Rua C, 42'));
    const saved = await storedEvent(event.id);
    expect(saved.consentText).toBe(CONSENT);
    expect(saved.questions).toMatchObject([{ label: 'Compra em volume?', kind: 'yes_no' }]);
  });

  it("lists the event's leads with a link to each account", async () => {
    const lead = testAccount('a-lead', { name: 'Papelaria Central', status: 'lead', source: 'fair' });
    await db.accounts.insert(lead);
    const event = testEvent({ leadAccountIds: [lead.id] });
    await db.events.insert(event);
    renderWithApp(<EventPage id={event.id} />, { db, path: `/events/${event.id}` });
    expect(await screen.findByRole('link', { name: 'Papelaria Central' })).toHaveAttribute('href', `/accounts/${lead.id}`);
    expect(screen.getByRole('link', { name: 'Abrir o modo feira' })).toHaveAttribute('href', `/events/${event.id}/capture`);
  });
});
