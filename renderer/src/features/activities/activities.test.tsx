import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDoc } from '@shared/domain/documents';
import { newActivityFields } from '@shared/domain/activity-fields';
import { followUpSince, selectMyDay } from '@shared/domain/activity-my-day';
import type { Account, Activity, Contact } from '@shared/models';
import { openTestDatabase } from '../../../../tests/helpers/test-database';
import { renderWithApp } from '../../../../tests/helpers/render-app';
import { sampleAccountFields } from '../../../../tests/sync/account-fixture';
import { useOverlaysStore } from '../../app/overlays-store';
import type { CarteiraDatabase } from '../../db/types';
import { ActivityPage } from './ActivityPage';
import { MyDayPage } from './MyDayPage';
import { journalKey } from './notes-journal';
import { QuickLogDialog } from './QuickLogDialog';

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens to it.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

let db: CarteiraDatabase;
let account: Account;
beforeEach(async () => {
  db = await openTestDatabase('memory', undefined, { collections: ['accounts', 'contacts', 'deals', 'activities', 'cases'] });
  account = createDoc<Account>(sampleAccountFields('Ferragens Silva Ltda'), 'seed');
  await db.accounts.insert(account);
  localStorage.clear();
  useOverlaysStore.setState({ quickLog: null, paletteOpen: false });
});
afterEach(async () => {
  useOverlaysStore.setState({ quickLog: null });
  await db.close();
});

async function insertActivity(fields: Parameters<typeof newActivityFields>[0], now = Date.now(), owner = 'ana'): Promise<Activity> {
  const doc = createDoc<Activity>(newActivityFields(fields, now, owner), owner, now);
  await db.activities.insert(doc);
  return doc;
}

describe('quick log', () => {
  it('logs a call on the account on screen with L, L, Enter', async () => {
    const user = userEvent.setup();
    renderWithApp(<QuickLogDialog />, { db, path: `/accounts/${account.id}` });
    await user.keyboard('l');
    const dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    expect(within(dialog).getByText('Conta: Acme')).toBeInTheDocument();
    await user.keyboard('r'); // another letter picks another type…
    expect(within(dialog).getByRole('radio', { name: /Reunião/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('l'); // …and L picks the call
    expect(within(dialog).getByRole('radio', { name: /Ligação/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{Enter}');

    await waitFor(async () => expect(await db.activities.count().exec()).toBe(1));
    const [saved] = await db.activities.find().exec();
    expect(saved!.toJSON()).toMatchObject({ type: 'call', accountId: account.id, summary: 'Ligação', taskState: 'none', ownerId: 'tester' });
    expect(Math.abs(saved!.at - Date.now())).toBeLessThan(10_000);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('does not open while typing in a text field', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <>
        <input aria-label="Busca" />
        <QuickLogDialog />
      </>,
      { db, path: `/accounts/${account.id}` },
    );
    await user.type(screen.getByLabelText('Busca'), 'lll');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("files a contact's activity under the contact's account, with a typed summary", async () => {
    const contact = createDoc<Contact>(
      {
        accountId: account.id,
        firstName: 'Marina',
        lastName: 'Costa',
        nameSort: 'marina costa',
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
    await db.contacts.insert(contact);
    const user = userEvent.setup();
    renderWithApp(<QuickLogDialog />, { db, path: `/contacts/${contact.id}` });
    await user.keyboard('l');
    const dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    await user.keyboard('v');
    await user.type(within(dialog).getByLabelText('Resumo'), 'Visita técnica na fábrica{Enter}');
    await waitFor(async () => expect(await db.activities.count().exec()).toBe(1));
    const [saved] = await db.activities.find().exec();
    expect(saved!.toJSON()).toMatchObject({ type: 'visit', accountId: account.id, contactId: contact.id, summary: 'Visita técnica na fábrica' });
  });

  it('opens from the store (a page button) as a task: open, due by default, T picks it too', async () => {
    const user = userEvent.setup();
    renderWithApp(<QuickLogDialog />, { db, path: '/activities' });
    act(() => useOverlaysStore.getState().openQuickLog({ type: 'task', accountId: account.id }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    expect(within(dialog).getByRole('radio', { name: /Tarefa/ })).toHaveAttribute('aria-checked', 'true');
    expect(within(dialog).getByText('Prazo')).toBeInTheDocument();
    await user.keyboard('n');
    expect(within(dialog).getByRole('radio', { name: /Nota/ })).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('t');
    expect(within(dialog).getByRole('radio', { name: /Tarefa/ })).toHaveAttribute('aria-checked', 'true');
    await user.click(within(dialog).getByRole('button', { name: /Registrar/ }));
    await waitFor(async () => expect(await db.activities.count().exec()).toBe(1));
    const [saved] = await db.activities.find().exec();
    expect(saved!.toJSON()).toMatchObject({ type: 'task', taskState: 'open', accountId: account.id, summary: 'Tarefa' });
    expect(saved!.dueAt).toBeGreaterThan(Date.now());
  });
});

describe('reminders on meetings', () => {
  it('the quick log offers a reminder for a meeting, not only for a task', async () => {
    const user = userEvent.setup();
    renderWithApp(<QuickLogDialog />, { db, path: `/accounts/${account.id}` });
    await user.keyboard('l');
    const dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    await user.keyboard('r');
    expect(within(dialog).getByRole('radio', { name: /Reunião/ })).toHaveAttribute('aria-checked', 'true');
    expect(within(dialog).getByText('Lembrete')).toBeInTheDocument();
    expect(within(dialog).getByText('Quando')).toBeInTheDocument();
  });

  it("a meeting's page shows its reminder and clears it", async () => {
    const at = Date.now() + 86_400_000;
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião de planejamento', at, reminderAt: at - 1_800_000 });
    const user = userEvent.setup();
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    expect(await screen.findByText('Lembrete')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Limpar data' }));
    await waitFor(async () => expect((await db.activities.findOne(meeting.id).exec())!.reminderAt).toBe(0));
  });
});

describe('meeting notes', () => {
  it('autosaves the body as typed and journals every keystroke until the database has it', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião de preços', accountId: account.id });
    const user = userEvent.setup();
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    const notes = await screen.findByLabelText('Anotações');
    await waitFor(() => expect(notes).toBeEnabled());
    await user.type(notes, 'Cliente pede 5% de desconto');
    // Journalled synchronously, before any database write.
    expect(JSON.parse(localStorage.getItem(journalKey(meeting.id))!).text).toBe('Cliente pede 5% de desconto');
    expect(screen.getByRole('status')).toHaveTextContent('Salvando…');
    await waitFor(async () => expect((await db.activities.findOne(meeting.id).exec())!.body).toBe('Cliente pede 5% de desconto'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Salvo'));
    expect(localStorage.getItem(journalKey(meeting.id))).toBeNull();
  });

  it('restores notes the journal holds and the database lacks (page killed mid-typing)', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Pauta' }, Date.now() - 60_000);
    localStorage.setItem(journalKey(meeting.id), JSON.stringify({ text: 'Pauta: prazo de entrega em 30 dias', at: Date.now() }));
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    expect(await screen.findByDisplayValue('Pauta: prazo de entrega em 30 dias')).toBeInTheDocument();
    expect(screen.getByText('Recuperamos anotações que ainda não estavam salvas.')).toBeInTheDocument();
    await waitFor(async () => expect((await db.activities.findOne(meeting.id).exec())!.body).toBe('Pauta: prazo de entrega em 30 dias'));
    await waitFor(() => expect(localStorage.getItem(journalKey(meeting.id))).toBeNull());
  });

  it('drops a journal older than the saved notes', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Versão final' });
    localStorage.setItem(journalKey(meeting.id), JSON.stringify({ text: 'Versão antiga', at: meeting.createdAt - 1000 }));
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    expect(await screen.findByDisplayValue('Versão final')).toBeInTheDocument();
    expect(localStorage.getItem(journalKey(meeting.id))).toBeNull();
  });
});

describe('My day', () => {
  it("shows today's meetings, due and overdue tasks and waiting follow-ups; marks a task done inline", async () => {
    const now = Date.now();
    const today = new Date(now);
    const at = (dayOffset: number, h: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + dayOffset, h).getTime();
    await insertActivity({ type: 'meeting', summary: 'Reunião com diretoria', accountId: account.id, at: at(0, 23) }, now, 'bruno');
    await insertActivity({ type: 'visit', summary: 'Visita de ontem', accountId: account.id, at: at(-1, 10) }, now, 'ana');
    await insertActivity({ type: 'task', summary: 'Enviar proposta revisada', dueAt: at(0, 23) }, now, 'ana');
    await insertActivity({ type: 'task', summary: 'Cobrar pedido atrasado', dueAt: at(-3, 9) }, now, 'bruno');
    await insertActivity({ type: 'task', summary: 'Tarefa da semana que vem', dueAt: at(7, 9) }, now, 'ana');
    await insertActivity({ type: 'call', summary: 'Pediu retorno sobre frete', outcome: 'follow_up', at: at(-2, 11) }, now, 'ana');

    const user = userEvent.setup();
    renderWithApp(<MyDayPage />, { db, path: '/today' });
    const agenda = await screen.findByRole('list', { name: 'Agenda de hoje' });
    expect(within(agenda).getByText('Reunião com diretoria')).toBeInTheDocument();
    expect(screen.queryByText('Visita de ontem')).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Tarefas para hoje' })).getByText('Enviar proposta revisada')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Tarefas atrasadas' })).getByText('Cobrar pedido atrasado')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Retornos pendentes' })).getByText('Pediu retorno sobre frete')).toBeInTheDocument();
    expect(screen.queryByText('Tarefa da semana que vem')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Concluir tarefa: Cobrar pedido atrasado' }));
    await waitFor(() => expect(screen.queryByText('Cobrar pedido atrasado')).not.toBeInTheDocument());
    expect(screen.getByText('Nada atrasado.')).toBeInTheDocument();

    // Narrowed to one owner: Bruno's meeting leaves, Ana's task stays.
    await user.click(screen.getByRole('combobox', { name: 'Responsável' }));
    await user.click(await screen.findByRole('option', { name: 'ana', hidden: true }));
    await waitFor(() => expect(screen.queryByText('Reunião com diretoria')).not.toBeInTheDocument());
    expect(screen.getByText('Enviar proposta revisada')).toBeInTheDocument();
  });

  it('shows the same items as reading every activity of the four weeks around today, for everyone and for one owner', async () => {
    const now = Date.now();
    // A small team's month around today: meetings, calls and tasks on a few accounts, some asking for a follow-up.
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const HOUR = 3_600_000;
    const all: Activity[] = [];
    for (let i = 0; i < 400; i++) {
      const type = pick(['call', 'meeting', 'visit', 'email', 'presentation', 'task', 'task', 'note'] as const);
      const when = now + Math.round((rnd() * 36 - 18) * 24) * HOUR + Math.floor(rnd() * 60) * 60_000;
      const owner = pick(['ana', 'bruno', 'carla']);
      const fields = newActivityFields(
        {
          type,
          summary: `${type} ${i}`,
          accountId: rnd() < 0.9 ? `acc${Math.floor(rnd() * 150)}` : '',
          at: when,
          dueAt: when,
          outcome: type !== 'task' && rnd() < 0.35 ? 'follow_up' : '',
        },
        now,
        owner,
      );
      const doc = createDoc<Activity>(
        { ...fields, taskState: type === 'task' ? (rnd() < 0.25 ? 'done' : 'open') : 'none' },
        owner,
        now,
        `${String(i).padStart(9, '0')}id${i}`,
      );
      all.push(doc);
    }
    await db.activities.bulkInsert(all);
    // What My day showed before: every activity from 14 days ago to 14 days ahead, all open tasks due by tonight.
    const expected = (owner: string | null) => {
      const mine = all.filter((a) => owner === null || a.ownerId === owner);
      const day = selectMyDay({
        recent: mine.filter((a) => a.at >= followUpSince(now) && a.at < now + 14 * 86_400_000),
        openTasks: mine.filter((a) => a.taskState === 'open'),
        now,
      });
      const ids = (list: Activity[]) => list.slice(0, 50).map((a) => `/activities/${a.id}`);
      return { agenda: ids(day.agenda), due: ids(day.dueToday), overdue: ids(day.overdue), followUps: ids(day.followUps) };
    };
    const shown = () => {
      const ids = (name: string) => {
        const list = screen.queryByRole('list', { name });
        return list
          ? within(list)
              .getAllByRole('listitem')
              .map((li) => within(li).getAllByRole('link')[0]!.getAttribute('href'))
          : [];
      };
      return { agenda: ids('Agenda de hoje'), due: ids('Tarefas para hoje'), overdue: ids('Tarefas atrasadas'), followUps: ids('Retornos pendentes') };
    };

    const everyone = expected(null);
    expect(everyone.followUps.length).toBeGreaterThan(3); // the sample has something to compare in every list
    expect(everyone.overdue.length).toBeGreaterThan(3);
    const user = userEvent.setup();
    renderWithApp(<MyDayPage />, { db, path: '/today' });
    await screen.findByRole('list', { name: 'Retornos pendentes' }, { timeout: 15_000 });
    await waitFor(() => expect(shown()).toEqual(everyone), { timeout: 5_000 });

    await user.click(screen.getByRole('combobox', { name: 'Responsável' }));
    await user.click(await screen.findByRole('option', { name: 'bruno', hidden: true }));
    await waitFor(() => expect(shown()).toEqual(expected('bruno')), { timeout: 15_000 });
  });
});

describe('nothing typed is lost', () => {
  const draftKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('carteira.draft.'));
  const stored = async (id: string) => (await db.activities.findOne(id).exec())!;

  it("keeps the summary and duration typed on an activity's page when the window dies before any save", async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', accountId: account.id, durationMin: 30 });
    const user = userEvent.setup();
    const first = renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    const summary = await screen.findByLabelText('Resumo');
    await user.clear(summary);
    await user.type(summary, 'Reunião de preços com a diretoria');
    const duration = screen.getByLabelText('Duração (min)');
    await user.clear(duration);
    await user.type(duration, '95');
    // Journalled at once, before any database write; then the window dies.
    expect(JSON.parse(localStorage.getItem(draftKeys()[0]!)!).values).toEqual({ summary: 'Reunião de preços com a diretoria', durationMin: '95' });
    first.unmount();

    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    expect(await screen.findByDisplayValue('Reunião de preços com a diretoria')).toBeInTheDocument();
    expect(screen.getByLabelText('Duração (min)')).toHaveValue('95');
    await waitFor(async () => expect(await stored(meeting.id)).toMatchObject({ summary: 'Reunião de preços com a diretoria', durationMin: 95 }));
    await waitFor(() => expect(draftKeys()).toEqual([]));
  });

  it('restores a draft the database lacks over the activity as stored now, and discarding puts back what was stored', async () => {
    const call = await insertActivity({ type: 'call', summary: 'Ligação', accountId: account.id }, Date.now() - 60_000);
    // A window killed mid-typing left this; since then the duration was edited elsewhere.
    localStorage.setItem(
      `carteira.draft.activity-details.${call.id}`,
      JSON.stringify({ at: Date.now(), started: { summary: 'Ligação', durationMin: '' }, values: { summary: 'Ligação sobre o frete', durationMin: '' } }),
    );
    await (await db.activities.findOne(call.id).exec())!.incrementalPatch({ durationMin: 12 });
    const user = userEvent.setup();
    renderWithApp(<ActivityPage id={call.id} />, { db, path: `/activities/${call.id}` });
    expect(await screen.findByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(screen.getByLabelText('Resumo')).toHaveValue('Ligação sobre o frete');
    expect(screen.getByLabelText('Duração (min)')).toHaveValue('12');
    await waitFor(async () => expect(await stored(call.id)).toMatchObject({ summary: 'Ligação sobre o frete', durationMin: 12 }));
    await user.click(screen.getByRole('button', { name: 'Descartar rascunho' }));
    expect(screen.getByLabelText('Resumo')).toHaveValue('Ligação');
    await waitFor(async () => expect(await stored(call.id)).toMatchObject({ summary: 'Ligação', durationMin: 12 }));
  });

  it('keeps what was typed in the quick log when the window dies, for the same account', async () => {
    const user = userEvent.setup();
    const first = renderWithApp(<QuickLogDialog />, { db, path: `/accounts/${account.id}` });
    await user.keyboard('l');
    let dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    await user.keyboard('r');
    await user.type(within(dialog).getByLabelText('Resumo'), 'Reunião sobre o contrato anual');
    await user.type(within(dialog).getByLabelText('Duração (min)'), '45');
    first.unmount();
    useOverlaysStore.setState({ quickLog: null });

    renderWithApp(<QuickLogDialog />, { db, path: `/accounts/${account.id}` });
    await user.keyboard('l');
    dialog = await screen.findByRole('dialog', { name: 'Registrar atividade' });
    expect(within(dialog).getByText('Recuperamos o que você digitou.')).toBeVisible();
    expect(within(dialog).getByLabelText('Resumo')).toHaveValue('Reunião sobre o contrato anual');
    expect(within(dialog).getByLabelText('Duração (min)')).toHaveValue('45');
    expect(within(dialog).getByRole('radio', { name: /Reunião/ })).toHaveAttribute('aria-checked', 'true');
    await user.click(within(dialog).getByRole('button', { name: /^Registrar/ }));
    await waitFor(async () => expect(await db.activities.count().exec()).toBe(1));
    const [saved] = await db.activities.find().exec();
    expect(saved!.toJSON()).toMatchObject({ type: 'meeting', summary: 'Reunião sobre o contrato anual', durationMin: 45, accountId: account.id });
    expect(draftKeys()).toEqual([]);
  });

  it('merges a remote edit of the notes that arrives mid-typing: both texts survive', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Pauta\nPreço: 5% de desconto\n' }, Date.now() - 60_000);
    const user = userEvent.setup();
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    const notes = await screen.findByLabelText('Anotações');
    await waitFor(() => expect(notes).toBeEnabled());
    await user.click(notes);
    await user.keyboard('{Control>}{End}{/Control}Prazo: 30');
    // A sync pull: a colleague's edit of the first line lands while this one is typing.
    await (await db.activities.findOne(meeting.id).exec())!.incrementalModify((d) => ({
      ...d,
      body: d.body.replace('Pauta', 'Pauta da reunião com a Acme'),
      fieldTimes: { ...d.fieldTimes, body: Date.now() },
      updatedBy: 'bruno',
    }));
    await user.keyboard(' dias');
    const merged = 'Pauta da reunião com a Acme\nPreço: 5% de desconto\nPrazo: 30 dias';
    await waitFor(async () => expect((await stored(meeting.id)).body).toBe(merged));
    await waitFor(() => expect(notes).toHaveValue(merged));
    expect(screen.getByText(/juntamos as duas versões/)).toBeVisible();
  });

  it('keeps the other text in the conflict log when a remote edit clashes with the typing', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Desconto: 5%' }, Date.now() - 60_000);
    const user = userEvent.setup();
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    const notes = await screen.findByLabelText('Anotações');
    await waitFor(() => expect(notes).toBeEnabled());
    await user.click(notes);
    await user.keyboard('{Control>}{End}{/Control} no volume');
    await (await db.activities.findOne(meeting.id).exec())!.incrementalModify((d) => ({
      ...d,
      body: `${d.body} à vista`,
      fieldTimes: { ...d.fieldTimes, body: Date.now() },
      updatedBy: 'bruno',
    }));
    await user.keyboard(' anual');
    await waitFor(async () => expect((await stored(meeting.id)).body).toBe('Desconto: 5% no volume anual'));
    expect(notes).toHaveValue('Desconto: 5% no volume anual');
    await waitFor(async () => expect(await db.conflicts.count().exec()).toBe(1));
    const [record] = await db.conflicts.find().exec();
    expect(record!.toJSON()).toMatchObject({ collectionName: 'activities', docId: meeting.id, field: 'body', lostBy: 'bruno', restoredAt: 0 });
    expect(JSON.parse(record!.lostValue)).toMatch(/^Desconto: 5%( no)? à vista$/);
    expect(screen.getByText(/a outra versão está em Conflitos/)).toBeVisible();
  });

  it('merges notes a killed window left in the journal with an edit stored since', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Pauta\n' }, Date.now() - 60_000);
    localStorage.setItem(journalKey(meeting.id), JSON.stringify({ text: 'Pauta\nPrazo: 30 dias', at: Date.now() - 30_000, base: 'Pauta\n' }));
    // Synced in after the window died: a colleague's edit of the first line.
    await (await db.activities.findOne(meeting.id).exec())!.incrementalModify((d) => ({
      ...d,
      body: 'Pauta da Acme\n',
      fieldTimes: { ...d.fieldTimes, body: Date.now() },
      updatedBy: 'bruno',
    }));
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    await waitFor(async () => expect((await stored(meeting.id)).body).toBe('Pauta da Acme\nPrazo: 30 dias'));
    await waitFor(() => expect(screen.getByLabelText('Anotações')).toHaveValue('Pauta da Acme\nPrazo: 30 dias'));
    expect(await db.conflicts.count().exec()).toBe(0);
    await waitFor(() => expect(localStorage.getItem(journalKey(meeting.id))).toBeNull());
  });

  it('keeps a journal older than the saved notes in the conflict log instead of deleting it', async () => {
    const meeting = await insertActivity({ type: 'meeting', summary: 'Reunião', body: 'Versão final' });
    localStorage.setItem(journalKey(meeting.id), JSON.stringify({ text: 'Versão antiga com o prazo', at: meeting.createdAt - 1000 }));
    renderWithApp(<ActivityPage id={meeting.id} />, { db, path: `/activities/${meeting.id}` });
    expect(await screen.findByDisplayValue('Versão final')).toBeInTheDocument();
    await waitFor(async () => expect(await db.conflicts.count().exec()).toBe(1));
    const [record] = await db.conflicts.find().exec();
    expect(JSON.parse(record!.lostValue)).toBe('Versão antiga com o prazo');
    expect(await screen.findByText(/estão em Conflitos/)).toBeVisible();
    expect(localStorage.getItem(journalKey(meeting.id))).toBeNull();
  });
});
